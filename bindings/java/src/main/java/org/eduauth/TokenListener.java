package org.eduauth;

/**
 * Receives client events on the client's event thread (one thread per client, owned by the
 * binding; events arrive in order). Keep it short; an exception it throws is caught and
 * printed, and delivery continues.
 */
@FunctionalInterface
public interface TokenListener {
  void onEvent(TokenEvent event);
}

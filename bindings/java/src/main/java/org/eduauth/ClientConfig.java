package org.eduauth;

import java.lang.ref.Cleaner;

/**
 * Configuration of an {@link EduAuthClient} (eduauth_client_config). Defaults: preset
 * "education", system CA store, proxy from the environment, connect timeout 5000 ms, total
 * timeout 15000 ms, refresh margin min(300 s, 25 % of the lifetime), will-expire lead 60 s.
 * Setters return this and throw EduAuthException INVALID_ARGUMENT naming the option.
 *
 * <p>Not thread-safe: fill it on one thread. Clients copy it, so it may be closed (or changed)
 * once the clients are made. Close it; the Cleaner frees one that was not.
 */
public final class ClientConfig implements AutoCloseable {
  final NativeHandle handle;
  private final Cleaner.Cleanable cleanable;

  public ClientConfig() {
    long[] out = new long[1];
    EduAuthException.check(EduAuthNative.eduauth_client_config_new(out));
    handle = new NativeHandle("ClientConfig", out[0], EduAuthNative::eduauth_client_config_free);
    cleanable = EduAuth.CLEANER.register(this, handle);
  }

  /**
   * Base URL of the token server, e.g. "https://tokens.example.com"; plain http:// only for
   * loopback hosts unless {@link #allowInsecureHttp(boolean)}.
   */
  public ClientConfig serverUrl(String baseUrl) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_server_url(p, baseUrl));
    return this;
  }

  /** Request/response preset: "education", "rtm", "generic", "agora-demo" or "custom". */
  public ClientConfig preset(String preset) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_preset(p, preset));
    return this;
  }

  /** Custom mapping: "GET" or "POST". */
  public ClientConfig method(String method) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_method(p, method));
    return this;
  }

  /** Custom mapping: absolute URL template with {roomUuid}, {userUuid}, {role}. */
  public ClientConfig urlTemplate(String urlTemplate) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_url_template(p, urlTemplate));
    return this;
  }

  /** Custom mapping: JSON body template ("" = no body). */
  public ClientConfig bodyTemplate(String bodyTemplate) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_body_template(p, bodyTemplate));
    return this;
  }

  /** Custom mapping: RFC 6901 pointer to the token in the response, e.g. "/data/token". */
  public ClientConfig tokenPointer(String jsonPointer) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_token_pointer(p, jsonPointer));
    return this;
  }

  /** Custom mapping: pointer to the App ID in the response ("" = not reported). */
  public ClientConfig appIdPointer(String jsonPointer) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_app_id_pointer(p, jsonPointer));
    return this;
  }

  /** Custom mapping: pointer to an application status code ("" = none). */
  public ClientConfig codePointer(String jsonPointer) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_code_pointer(p, jsonPointer));
    return this;
  }

  /** A header sent with every token request (e.g. Authorization); values are never logged. */
  public ClientConfig addHeader(String name, String value) {
    handle.call(p -> EduAuthNative.eduauth_client_config_add_header(p, name, value));
    return this;
  }

  public ClientConfig clearHeaders() {
    handle.call(EduAuthNative::eduauth_client_config_clear_headers);
    return this;
  }

  /** PEM CA bundle file instead of the system store (Android: required, see android/README.md). */
  public ClientConfig caFile(String path) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_ca_file(p, path));
    return this;
  }

  /** In-memory PEM CA bundle; wins over {@link #caFile(String)}. */
  public ClientConfig caPem(String pem) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_ca_pem(p, pem));
    return this;
  }

  /** Proxy URL overriding the environment; "" = connect directly. */
  public ClientConfig proxy(String proxy) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_proxy(p, proxy));
    return this;
  }

  /** Hosts that bypass the proxy, e.g. "127.0.0.1,localhost". */
  public ClientConfig noProxy(String hosts) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_no_proxy(p, hosts));
    return this;
  }

  /** Permit plain http:// to non-loopback hosts (default false). */
  public ClientConfig allowInsecureHttp(boolean allow) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_allow_insecure_http(p, allow ? 1 : 0));
    return this;
  }

  /** TCP + TLS connect deadline in MILLISECONDS, > 0. */
  public ClientConfig connectTimeoutMs(long ms) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_connect_timeout_ms(p, ms));
    return this;
  }

  /** Whole-request deadline in MILLISECONDS, > 0. */
  public ClientConfig totalTimeoutMs(long ms) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_total_timeout_ms(p, ms));
    return this;
  }

  /** Refresh margin in SECONDS (>= 0): refresh min(margin, 25 % of lifetime) before expiry. */
  public ClientConfig refreshMarginS(long seconds) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_refresh_margin_s(p, seconds));
    return this;
  }

  /** Lead time in SECONDS before expiry of the WILL_EXPIRE event (0 = never). */
  public ClientConfig willExpireLeadS(long seconds) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_will_expire_lead_s(p, seconds));
    return this;
  }

  /** The App ID tokens must be for (TOKEN_MISMATCH otherwise). */
  public ClientConfig appId(String appId) {
    handle.call(p -> EduAuthNative.eduauth_client_config_set_app_id(p, appId));
    return this;
  }

  /** Capacity of the event queue the client's listener thread drains (0 = no events). */
  public ClientConfig eventQueueCapacity(long capacity) {
    if (capacity < 0) {
      throw new EduAuthException(Status.INVALID_ARGUMENT, "event_queue_capacity " + capacity + " is negative");
    }
    handle.call(p -> EduAuthNative.eduauth_client_config_set_event_queue_capacity(p, capacity));
    return this;
  }

  /** Frees the native configuration. Idempotent. */
  @Override
  public void close() {
    cleanable.clean();
  }
}

// The plain-HTTP server of the sample token server: httplib::Server with a leaner
// per-connection loop.
#pragma once

#include <httplib.h>

namespace eduauth::sample {

/// httplib::Server (cpp-httplib 0.11) whose connections are served through a stream that
/// makes ~4 system calls per keep-alive request instead of ~13: one poll() for the next
/// request, recv() without a poll() before each read (SO_RCVTIMEO bounds it instead), the
/// whole response in one send() (no poll() before each write, headers and body together),
/// and the peer/local addresses looked up once per connection, not per request. Routing,
/// parsing, handlers, keep-alive limits and timeouts are httplib's own (process_request, the
/// extension point httplib::SSLServer uses the same way). Plain HTTP only; HTTPS stays on
/// httplib::SSLServer.
/// Makes PlainServer close the connection once the response being handled on this thread is
/// sent. httplib 0.11 keeps a connection open even when a handler sets "Connection: close",
/// so after a refused request head the unread rest (a body, a smuggled request) would be
/// parsed as the next request. Call from a handler; no effect under httplib::SSLServer.
void close_connection_after_response();

class PlainServer : public httplib::Server {
private:
  bool process_and_close_socket(socket_t sock) override;
};

} // namespace eduauth::sample

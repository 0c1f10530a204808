// eduauth-token-server: the sample Flexible Classroom token server (see README.md).
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <pthread.h>
#include <sys/socket.h>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "options.hpp"
#include "plain_server.hpp"
#include "token_routes.hpp"

int main(int argc, char **argv) {
  using namespace eduauth::sample;
  ServerOptions options;
  try {
    options = parse_options(argc, argv);
  } catch (const std::exception &e) {
    std::cerr << "eduauth-token-server: " << e.what() << "\n" << usage();
    return 2;
  }
  if (options.help) {
    std::cout << usage();
    return 0;
  }
  if (options.demo_credentials)
    std::cerr << "WARNING: APP_ID / APP_CERTIFICATE not set: using Agora's PUBLIC DEMO credentials.\n"
                 "WARNING: anyone can mint tokens for this app ID; never use it for real users.\n";

  // Block SIGINT/SIGTERM before any thread starts, and take them on one waiting thread:
  // httplib::Server::stop() is not async-signal-safe, so it cannot run in a handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const bool tls = !options.tls_cert.empty();
  std::unique_ptr<httplib::Server> server;
  if (tls) {
    server = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    if (!server->is_valid()) {
      std::cerr << "eduauth-token-server: cannot load --tls-cert \"" << options.tls_cert << "\" / --tls-key \""
                << options.tls_key << "\"\n";
      return 2;
    }
  } else {
    server = std::make_unique<PlainServer>();
  }
  install_routes(*server, options);
  // httplib's default socket options add SO_REUSEPORT, which lets a second server bind a port
  // that is already serving and silently share its requests. Keep SO_REUSEADDR only, so a busy
  // port is an error ("cannot listen"), as documented.
  socket_t listener = INVALID_SOCKET; // the last socket httplib set up: the one it bound
  server->set_socket_options([&listener](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listener = sock;
  });

  int port = options.port;
  if (port == 0) {
    port = server->bind_to_any_port(options.host);
  } else if (!server->bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    std::cerr << "eduauth-token-server: cannot listen on " << options.host << ":" << options.port << "\n";
    return 1;
  }
  // httplib 0.11 listens with a backlog of 5: a burst of new connections (64 from wrk, or
  // clients reconnecting after the keep-alive limit) overflows it, and the kernel drops their
  // handshakes, which costs each a 1 s retransmit. Linux lets listen() raise the backlog of a
  // listening socket.
  if (::listen(listener, SOMAXCONN) != 0)
    std::cerr << "eduauth-token-server: cannot raise the listen backlog: " << std::strerror(errno) << "\n";
  // IPv6 literals need brackets in a URL (RFC 3986 3.2.2).
  const bool ipv6 = options.host.find(':') != std::string::npos;
  std::printf("listening on %s://%s%s%s:%d\n", tls ? "https" : "http", ipv6 ? "[" : "", options.host.c_str(),
              ipv6 ? "]" : "", port);
  std::fflush(stdout);

  std::thread signal_waiter([&server, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    server->stop();
  });
  const bool ok = server->listen_after_bind();
  // listen_after_bind returned: either a signal stopped it, or it failed. Wake the waiter
  // in the latter case so the thread can be joined.
  if (!ok) pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  std::cerr << "eduauth-token-server: stopped\n";
  return ok ? 0 : 1;
}

#include "raw_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>

namespace eduauth::testing {
namespace {

// Reads until the end of the head plus Content-Length body bytes, or 2 s of silence.
std::string read_request(int fd) {
  std::string data;
  char buf[4096];
  for (;;) {
    const auto head_end = data.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      std::string head = data.substr(0, head_end);
      for (auto &c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t want = 0;
      const auto cl = head.find("\r\ncontent-length:");
      if (cl != std::string::npos) want = std::stoul(head.substr(cl + 17));
      if (data.size() >= head_end + 4 + want) return data;
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 2000) <= 0) return data;
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return data;
    data.append(buf, static_cast<size_t>(n));
  }
}

} // namespace

RawServer::RawServer(Mode mode, std::string canned) : mode_(mode), canned_(std::move(canned)) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (listen_fd_ < 0 || bind(listen_fd_, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
      listen(listen_fd_, 64) != 0 || getsockname(listen_fd_, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
    throw std::runtime_error("RawServer: cannot listen on 127.0.0.1");
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

RawServer::~RawServer() {
  stop_ = true;
  thread_.join();
  close(listen_fd_);
  for (int fd : held_) close(fd);
}

std::vector<std::string> RawServer::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

void RawServer::serve() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    ++accepted_;
    switch (mode_) {
    case Mode::silent: {
      std::lock_guard<std::mutex> lock(mu_);
      held_.push_back(fd);
      break;
    }
    case Mode::reset: {
      (void)read_request(fd);
      linger l{1, 0};
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
      close(fd);
      break;
    }
    case Mode::canned: {
      std::string req = read_request(fd);
      {
        std::lock_guard<std::mutex> lock(mu_);
        requests_.push_back(std::move(req));
      }
      (void)!write(fd, canned_.data(), canned_.size());
      close(fd);
      break;
    }
    }
  }
}

} // namespace eduauth::testing

// The one-line-per-request log of the sample token server.
#pragma once

#include <string>

namespace eduauth::sample {

/// Writes "METHOD PATH STATUS 1.2ms[ token=FINGERPRINT]\n" to stderr. Method and path are
/// escaped (escape_for_log); `fingerprint` must be eduauth::token::fingerprint() of a minted
/// token, never a token. `latency_ms` is the handling time in milliseconds; negative when unknown (a request
/// httplib rejected before routing), logged as "-" instead of "1.2ms".
///
/// Thread-safe without a lock: the line goes out in a single write(2), which the kernel does
/// not interleave with other writes to the same file or pipe (lines stay far below PIPE_BUF).
/// A failed write is ignored: logging never fails a request.
void log_request(const std::string &method, const std::string &path, int status, double latency_ms,
                 const std::string &fingerprint);

} // namespace eduauth::sample

// The Date response header of the sample token server.
#pragma once

#include <string>

namespace eduauth::sample {

/// The current time as an RFC 7231 7.1.1.1 IMF-fixdate in UTC ("Sun, 06 Nov 1994 08:49:37 GMT"),
/// to one-second resolution; clients measure clock skew from it (DESIGN.md "Local deadlines").
/// Thread-safe: each thread formats at most once per second and reuses the text in between
/// (gmtime_r takes glibc's process-wide time zone lock on every call). The reference is valid
/// until this thread's next call.
const std::string &http_date_now();

} // namespace eduauth::sample

// eduauth-token — where a token or a file comes from ("-" means stdin).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

namespace eduauth::tool {

/// Largest file (or stdin) read_file_argument accepts, in bytes: a build vector is a few KiB.
inline constexpr size_t kMaxFileInput = size_t{16} << 20;

/// The token given on the command line, or read from `in` when it is "-"; at most
/// token::kMaxTokenLength + 2 bytes are read (UsageError naming the limit beyond). From stdin exactly
/// one trailing line break ("\n" or "\r\n") is removed, nothing else: other whitespace reaches
/// the strict decoder, which names it.
std::string read_token_argument(const std::string &arg, std::istream &in);

/// The whole content of the file `path`, or of `in` when it is "-". Throws UsageError when
/// the file cannot be read (naming the path) or is longer than kMaxFileInput bytes.
std::string read_file_argument(const std::string &path, std::istream &in);

} // namespace eduauth::tool

// eduauth-token — where a token or a file comes from ("-" means stdin).
#pragma once

#include <iosfwd>
#include <string>

namespace eduauth::tool {

/// The token given on the command line, or read from `in` when it is "-". From stdin exactly
/// one trailing line break ("\n" or "\r\n") is removed, nothing else: other whitespace reaches
/// the strict decoder, which names it.
std::string read_token_argument(const std::string &arg, std::istream &in);

/// The whole content of the file `path`, or of `in` when it is "-". Throws UsageError when
/// the file cannot be read (naming the path).
std::string read_file_argument(const std::string &path, std::istream &in);

} // namespace eduauth::tool

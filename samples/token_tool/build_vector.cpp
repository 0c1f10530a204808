// `eduauth-token build-vector FILE|-`: replays ONE positive vector object (as found in
// shared/vectors/token_vectors.json) and prints the token it describes. The vector is
// interpreted generically by token::replay_vector (its builder name, inputs, issue_ts/clock
// and salt), so vectors this tool has never seen replay too.
#include <nlohmann/json.hpp>

#include <new>
#include <ostream>

#include "args.hpp"
#include "command.hpp"
#include "input.hpp"
#include "token/vector_replay.hpp"

namespace eduauth::tool {

namespace {
const char kBuildVectorUsage[] =
    "usage: eduauth-token build-vector FILE|-\n"
    "\n"
    "Reads one positive test vector object (the format of shared/vectors/token_vectors.json,\n"
    "e.g. one element of its \"positive\" array) from FILE or stdin ('-') and prints the token it\n"
    "describes, built with the vector's pinned issue_ts/clock and salt. The result equals the\n"
    "vector's expected_token when the SDK matches the reference.\n"
    "Exit: 0 built, 2 unreadable file, invalid JSON or a vector that cannot be replayed.\n";
} // namespace

int run_build_vector(const std::vector<std::string> &args, Io &io) {
  ParsedArgs parsed = parse_args(args, {});
  if (parsed.help) {
    io.out << kBuildVectorUsage;
    return kExitOk;
  }
  if (parsed.positional.size() != 1) throw UsageError("build-vector takes exactly one FILE (or '-' for stdin)");
  const std::string &source = parsed.positional[0];
  const std::string text = read_file_argument(source, io.in);
  nlohmann::json vector;
  try {
    vector = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  } catch (const std::bad_alloc &) {
    // Out of memory is not a syntax error; say which it was.
    throw UsageError("out of memory while parsing " + (source == "-" ? std::string("stdin") : "'" + source + "'"));
  }
  if (vector.is_discarded())
    throw UsageError("'" + (source == "-" ? std::string("stdin") : source) + "' is not valid JSON");
  if (!vector.is_object())
    throw UsageError("the vector must be one JSON object (one element of \"positive\"), got " +
                     std::string(vector.type_name()));
  io.out << token::replay_vector(vector) << '\n';
  return kExitOk;
}

} // namespace eduauth::tool

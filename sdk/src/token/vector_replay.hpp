// eduauth — replay of the shared test vectors (shared/vectors/token_vectors.json).
//
// Internal tooling API, not part of the SDK's public headers: it is reachable as
// #include "token/vector_replay.hpp" for targets that link eduauth_token (the library
// exports sdk/src as an INTERFACE include directory for this one header). Callers need
// nlohmann/json themselves (only its forward declarations are included here).
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace eduauth::token {

/// Builds the token that one vector entry describes, with its pinned issue_ts / clock_time /
/// ts and salt, by dispatching on its `builder` string to the matching named builder (or to
/// build() for "AccessToken2 (direct)" / "AccessToken (006, direct)", which replay
/// `services_in_insertion_order` / `privileges_added`; any builder name starting with
/// "AccessToken2" / "AccessToken" (format 006) that carries those raw inputs is replayed the
/// same way, e.g. reference fixtures). A 006 raw `uid` may be a string (signed verbatim) or a
/// number (uid rule: 0 -> ""). Works for `positive` entries and for
/// the `build_invalid_input_*` entries of `malformed` (which then throw). A string input of
/// the form "<N-byte string: c...>" stands for N copies of the character c (as in b007-07).
///
/// Returns the token string. Throws Error{invalid_argument} when the builder name is unknown
/// (the message names it), an input is missing or has the wrong type, or when the builder
/// itself refuses the inputs (the builder's own message). Reentrant.
std::string replay_vector(const nlohmann::json &vector);

} // namespace eduauth::token

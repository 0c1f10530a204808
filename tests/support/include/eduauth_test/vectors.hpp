// Test helper: the shared folder (specs, vectors, cases) and the token vectors in it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace eduauth::test {

/// Absolute path of `relative` under the shared folder (the EDUAUTH_SHARED_DIR this
/// library was compiled with; the environment variable EDUAUTH_SHARED_DIR overrides it).
std::string shared_path(const std::string &relative);

/// Whole file contents; throws std::runtime_error naming the path.
std::string read_file(const std::string &path);

/// shared/vectors/token_vectors.json, parsed once (thread-safe) and kept for the process.
const nlohmann::json &token_vectors();

/// Copies of the entries of one section ("positive", "verify", "malformed") whose `kind`
/// starts with kind_prefix ("" = all), in file order.
std::vector<nlohmann::json> vectors(const std::string &section, const std::string &kind_prefix = "");

/// The entry with this id in any section; throws std::runtime_error when there is none.
const nlohmann::json &vector_by_id(const std::string &id);

/// A GoogleTest-safe parameter name: "p007-rtc-uid-01" -> "p007_rtc_uid_01".
std::string test_name(const std::string &id);

} // namespace eduauth::test

// C++ side of vectors.h: loads the shared test vectors once, answers JSON-pointer lookups.
#include "vectors.h"

#include <deque>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

namespace {

const nlohmann::json &vectors() {
  static const nlohmann::json doc = [] {
    const std::string path = std::string(EDUAUTH_SHARED_DIR) + "/vectors/token_vectors.json";
    std::ifstream in(path);
    if (!in) {
      std::cerr << "cannot open " << path << "\n";
      return nlohmann::json::object();
    }
    return nlohmann::json::parse(in);
  }();
  return doc;
}

const nlohmann::json *lookup(const char *section, size_t i, const char *path) {
  const auto &doc = vectors();
  const auto s = doc.find(section);
  if (s == doc.end() || !s->is_array() || i >= s->size()) return nullptr;
  const auto &entry = (*s)[i];
  const nlohmann::json::json_pointer ptr(path);
  if (!entry.contains(ptr)) return nullptr;
  return &entry.at(ptr);
}

// Strings handed to C stay valid for the whole run.
const char *keep(std::string s) {
  static std::mutex mu;
  static std::deque<std::string> kept;
  std::lock_guard<std::mutex> lk(mu);
  kept.push_back(std::move(s));
  return kept.back().c_str();
}

} // namespace

extern "C" {

size_t tv_count(const char *section) {
  const auto &doc = vectors();
  const auto s = doc.find(section);
  return (s != doc.end() && s->is_array()) ? s->size() : 0;
}

const char *tv_str(const char *section, size_t i, const char *path) {
  const auto *v = lookup(section, i, path);
  return (v && v->is_string()) ? keep(v->get<std::string>()) : nullptr;
}

int tv_int(const char *section, size_t i, const char *path, int64_t *out) {
  const auto *v = lookup(section, i, path);
  if (!v || !v->is_number_integer()) return 0;
  *out = v->is_number_unsigned() ? static_cast<int64_t>(v->get<uint64_t>()) : v->get<int64_t>();
  return 1;
}

const char *tv_json(const char *section, size_t i, const char *path) {
  const auto *v = lookup(section, i, path);
  return v ? keep(v->dump()) : nullptr;
}

} // extern "C"

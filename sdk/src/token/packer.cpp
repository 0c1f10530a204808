// Out-of-line parts of the packer: strings, counts, privilege maps and error text.
#include "packer.hpp"

namespace eduauth::token::detail {

std::string Writer::field_name(const char *field) const {
  return context_ != nullptr ? std::string(context_) + " " + field : std::string(field);
}

void Writer::fail_too_long(const char *field, size_t n) const {
  throw Error(Errc::invalid_argument, field_name(field) + " is " + std::to_string(n) +
                                          " bytes; the token format limits a string to 65535 bytes");
}

void Writer::fail_too_many(const char *field, size_t n) const {
  throw Error(Errc::invalid_argument, field_name(field) + " has " + std::to_string(n) +
                                          " entries; the token format allows at most 65535");
}

void Writer::privileges(const PrivilegeMap &privileges) {
  count("privileges", privileges.size());
  for (const auto &[id, value] : privileges) {
    u16(id);
    u32(value);
  }
}

std::string_view Reader::string(const char *field) {
  const size_t at = pos_;
  const uint16_t len = u16(field);
  if (len > remaining()) {
    const size_t left = remaining();
    pos_ = at;
    fail(field, "length prefix says " + std::to_string(len) + " bytes, only " + std::to_string(left) +
                    " remain (truncated or wrong length prefix)");
  }
  std::string_view s = data_.substr(pos_, len);
  pos_ += len;
  return s;
}

uint16_t Reader::count(const char *field, size_t min_element_size) {
  const size_t at = pos_;
  const uint16_t n = u16(field);
  if (static_cast<size_t>(n) * min_element_size > remaining()) {
    pos_ = at;
    fail(field, std::to_string(n) + " entries need at least " + std::to_string(n * min_element_size) +
                    " bytes, only " + std::to_string(remaining() - 2) + " remain");
  }
  return n;
}

PrivilegeMap Reader::privileges() {
  const uint16_t n = count("privilege count", 6);
  PrivilegeMap out;
  int last = -1;
  for (uint16_t i = 0; i < n; ++i) {
    const size_t at = pos_;
    const uint16_t id = u16("privilege id");
    const uint32_t value = u32("privilege value");
    if (static_cast<int>(id) <= last) {
      pos_ = at;
      fail("privilege id", "id " + std::to_string(id) + " follows id " + std::to_string(last) +
                               " (ids must be unique and ascending)");
    }
    last = id;
    out.emplace_hint(out.end(), id, value);
  }
  return out;
}

void Reader::fail_at(size_t at, const char *field, const std::string &what) const {
  std::string msg = "malformed token: ";
  msg += area_;
  msg += ", ";
  msg += field;
  if (service_index_ >= 0) {
    msg += " of service #" + std::to_string(service_index_) + " (" + service_type_name(service_type_) + ")";
  }
  msg += " at byte " + std::to_string(at) + ": " + what;
  throw Error(Errc::malformed_token, msg);
}

void Reader::fail_truncated(size_t n, const char *field) const {
  fail(field, "needs " + std::to_string(n) + " bytes, only " + std::to_string(data_.size() - pos_) +
                  " remain (truncated or wrong length prefix)");
}

} // namespace eduauth::token::detail

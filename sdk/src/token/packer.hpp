// Little-endian packing of the token wire primitives (spec §1): u16, u32, i16,
// u16-length-prefixed strings and privilege maps. The writer refuses values the
// format cannot carry; the reader checks every length and count against the bytes
// that remain before it reads or allocates anything.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "eduauth/token.hpp"

namespace eduauth::token::detail {

/// Appends to a caller-owned string. Throws Error{invalid_argument} naming the field
/// when a string is longer than 65535 bytes or a count does not fit in a u16.
class Writer {
public:
  explicit Writer(std::string &out) noexcept : out_(out) {}

  void u16(uint16_t v) {
    const char b[2] = {static_cast<char>(v & 0xff), static_cast<char>(v >> 8)};
    out_.append(b, 2);
  }
  void u32(uint32_t v) {
    const char b[4] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff),
                       static_cast<char>((v >> 16) & 0xff), static_cast<char>(v >> 24)};
    out_.append(b, 4);
  }
  void i16(int16_t v) { u16(static_cast<uint16_t>(v)); }
  /// u16 byte count, then the bytes.
  void string(const char *field, std::string_view s) {
    if (s.size() > 0xffff) {
      fail_too_long(field, s.size());
    }
    u16(static_cast<uint16_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  /// u16 element count (checked to fit).
  void count(const char *field, size_t n) {
    if (n > 0xffff) {
      fail_too_many(field, n);
    }
    u16(static_cast<uint16_t>(n));
  }
  /// u16 count, then (u16 id, u32 value) in ascending id order.
  void privileges(const PrivilegeMap &privileges);

  /// Names the service being written in later error messages ("RTC"); nullptr = none.
  void set_context(const char *context) noexcept { context_ = context; }

private:
  [[noreturn]] void fail_too_long(const char *field, size_t n) const;
  [[noreturn]] void fail_too_many(const char *field, size_t n) const;
  std::string field_name(const char *field) const;

  std::string &out_;
  const char *context_ = nullptr;
};

/// Reads from a borrowed buffer. Every failure is Error{malformed_token} whose message
/// names the area ("007 payload"), the field, the byte offset and what was missing.
class Reader {
public:
  Reader(std::string_view data, const char *area) noexcept : data_(data), area_(area) {}

  uint16_t u16(const char *field) {
    need(2, field);
    const auto *p = reinterpret_cast<const unsigned char *>(data_.data() + pos_);
    pos_ += 2;
    return static_cast<uint16_t>(p[0] | (p[1] << 8));
  }
  uint32_t u32(const char *field) {
    need(4, field);
    const auto *p = reinterpret_cast<const unsigned char *>(data_.data() + pos_);
    pos_ += 4;
    return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
           (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
  }
  int16_t i16(const char *field) { return static_cast<int16_t>(u16(field)); }
  /// A u16-length-prefixed string, as a view into the buffer.
  std::string_view string(const char *field);
  /// A u16 count of elements that are each at least `min_element_size` bytes; fails
  /// before anything is allocated when the count cannot fit in the remaining bytes.
  uint16_t count(const char *field, size_t min_element_size);
  /// A privilege map; ids must be strictly ascending (as every reference writes them).
  PrivilegeMap privileges();

  size_t offset() const noexcept { return pos_; }
  size_t remaining() const noexcept { return data_.size() - pos_; }
  std::string_view rest() const noexcept { return data_.substr(pos_); }

  /// Names the service being read in later error messages (-1 = none).
  void set_service(int index, uint16_t type) noexcept {
    service_index_ = index;
    service_type_ = type;
  }

  [[noreturn]] void fail(const char *field, const std::string &what) const { fail_at(pos_, field, what); }
  /// The same, for a field that started at byte `at` (e.g. a string already read).
  [[noreturn]] void fail_at(size_t at, const char *field, const std::string &what) const;

private:
  void need(size_t n, const char *field) const {
    if (n > data_.size() - pos_) {
      fail_truncated(n, field);
    }
  }
  [[noreturn]] void fail_truncated(size_t n, const char *field) const;

  std::string_view data_;
  const char *area_;
  size_t pos_ = 0;
  int service_index_ = -1;
  uint16_t service_type_ = 0;
};

} // namespace eduauth::token::detail

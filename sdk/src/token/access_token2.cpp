// AccessToken2 ("007"): build, strict decode, verify, expiry (spec §2).
#include <algorithm>
#include <cstring>

#include "base64.hpp"
#include "codecs.hpp"
#include "packer.hpp"
#include "service_codec.hpp"
#include "zlib_codec.hpp"

namespace eduauth::token {

namespace detail {

namespace {
void u32le(uint32_t v, unsigned char out[4]) {
  out[0] = static_cast<unsigned char>(v & 0xff);
  out[1] = static_cast<unsigned char>((v >> 8) & 0xff);
  out[2] = static_cast<unsigned char>((v >> 16) & 0xff);
  out[3] = static_cast<unsigned char>(v >> 24);
}

std::string_view as_view(const unsigned char *p, size_t n) { return {reinterpret_cast<const char *>(p), n}; }

// Bytes the payload will need, so that building allocates once.
size_t estimate_payload(const AccessToken2 &t) {
  size_t n = 34 + 2 + t.app_id.size() + 14;
  for (const auto &s : t.services) {
    n += 8 + 6 * s.privileges.size() + s.channel_name.size() + s.account.size() + s.user_id.size() +
         s.room_uuid.size() + s.user_uuid.size() + 8;
    for (const auto &[rt, perms] : s.permissions) {
      n += 4;
      for (const auto &[pt, resources] : perms) {
        n += 4;
        for (const auto &res : resources) {
          n += 2 + res.size();
        }
      }
    }
  }
  return n;
}

// Names the longest string field, so a refused build says what to shorten.
std::string largest_field(const AccessToken2 &t) {
  std::string name = "app ID";
  size_t best = t.app_id.size();
  const auto consider = [&](const Service &s, const char *field, size_t size) {
    if (size > best) {
      best = size;
      name = std::string(service_type_name(s.type)) + " " + field + " (" + std::to_string(size) + " bytes)";
    }
  };
  for (const auto &s : t.services) {
    consider(s, "channel_name", s.channel_name.size());
    consider(s, "account", s.account.size());
    consider(s, "user_id", s.user_id.size());
    consider(s, "room_uuid", s.room_uuid.size());
    consider(s, "user_uuid", s.user_uuid.size());
    for (const auto &[rt, perms] : s.permissions) {
      for (const auto &[pt, resources] : perms) {
        for (const auto &res : resources) {
          consider(s, "resource", res.size());
        }
      }
    }
  }
  return name;
}
} // namespace

void signing_key_007(std::string_view app_certificate, uint32_t issue_ts, uint32_t salt,
                     unsigned char key[kSha256Size]) {
  unsigned char le[4];
  unsigned char k1[kSha256Size];
  u32le(issue_ts, le);
  hmac_sha256(as_view(le, 4), app_certificate, k1);
  u32le(salt, le);
  hmac_sha256(as_view(le, 4), as_view(k1, kSha256Size), key);
}

AccessToken2 decode_007(std::string_view token) {
  if (token.size() == 3) {
    throw Error(Errc::malformed_token, "malformed token: nothing follows the version prefix \"007\"");
  }
  // Typical tokens fit a stack buffer; only unusually long ones allocate.
  char stack[1536];
  std::string heap;
  const size_t capacity = decoded_capacity(token.size() - 3);
  char *buf = stack;
  if (capacity > sizeof stack) {
    heap.resize(capacity);
    buf = &heap[0];
  }
  const size_t n = decode_base64_strict_into(token, 3, buf);
  std::string payload = inflate_capped(std::string_view(buf, n), kMaxInflatedPayload);

  AccessToken2 t;
  Reader r(payload, "007 payload");
  const std::string_view signature = r.string("signature");
  if (signature.size() != kSha256Size) {
    r.fail_at(0, "signature", "is " + std::to_string(signature.size()) + " bytes, an HMAC-SHA256 signature is 32");
  }
  t.signature.assign(signature);
  const size_t signed_at = r.offset();
  const std::string_view app_id = r.string("app_id");
  if (!is_hex32(app_id)) {
    r.fail_at(signed_at, "app_id", "is " + std::to_string(app_id.size()) + " bytes and must be 32 hex characters");
  }
  t.app_id.assign(app_id);
  t.issue_ts = r.u32("issue_ts");
  t.expire = r.u32("expire");
  t.salt = r.u32("salt");
  // The smallest service block is 4 bytes (type + empty privilege map).
  t.declared_service_count = r.count("service count", 4);
  // Reserve for the usual few only: a Service is ~66x larger than its smallest wire form.
  t.services.reserve(std::min<size_t>(t.declared_service_count, 8));
  for (int i = 0; i < t.declared_service_count; ++i) {
    const uint16_t type = r.u16("service type");
    if (!is_known_service_type(type)) {
      // A block of unknown type has no length: stop like the references (spec §2.8).
      t.unknown_service_type = type;
      break;
    }
    r.set_service(i, type);
    t.services.push_back(unpack_service_body(r, type));
  }
  r.set_service(-1, 0);
  if (!t.unknown_service_type) {
    t.trailing_bytes = r.remaining();
  }
  // The verify input is every byte after the signature string, as received (spec §2.5).
  payload.erase(0, signed_at);
  t.signed_bytes = std::move(payload);
  return t;
}

} // namespace detail

std::string build(const AccessToken2 &token, std::string_view app_certificate) {
  detail::require_hex32("app ID", token.app_id, false);
  detail::require_hex32("app certificate", app_certificate, true);
  if (token.services.empty()) {
    throw Error(Errc::invalid_argument, "an AccessToken2 needs at least one service; none was added");
  }

  std::string payload;
  payload.reserve(detail::estimate_payload(token));
  detail::Writer w(payload);
  w.u16(detail::kSha256Size);
  payload.append(detail::kSha256Size, '\0'); // the signature, filled in below
  const size_t signed_at = payload.size();
  w.string("app ID", token.app_id);
  w.u32(token.issue_ts);
  w.u32(token.expire);
  w.u32(token.salt);
  w.count("services", token.services.size());
  const auto by_type = [](const Service &a, const Service &b) { return a.type < b.type; };
  if (std::is_sorted(token.services.begin(), token.services.end(), by_type)) {
    for (const auto &s : token.services) {
      detail::pack_service(w, s);
    }
  } else {
    // Ascending type; same-type services keep insertion order (spec §2.3).
    std::vector<const Service *> order;
    order.reserve(token.services.size());
    for (const auto &s : token.services) {
      order.push_back(&s);
    }
    std::stable_sort(order.begin(), order.end(), [](const Service *a, const Service *b) { return a->type < b->type; });
    for (const auto *s : order) {
      detail::pack_service(w, *s);
    }
  }

  // A token its own decoder (and the references) would refuse is no use to anyone.
  if (payload.size() > kMaxInflatedPayload) {
    throw Error(Errc::invalid_argument, "the 007 payload would be " + std::to_string(payload.size()) +
                                            " bytes, over the " + std::to_string(kMaxInflatedPayload) +
                                            "-byte limit decoders accept; the largest field is " +
                                            detail::largest_field(token));
  }

  unsigned char key[detail::kSha256Size];
  unsigned char signature[detail::kSha256Size];
  detail::signing_key_007(app_certificate, token.issue_ts, token.salt, key);
  detail::hmac_sha256(detail::as_view(key, sizeof key), std::string_view(payload).substr(signed_at), signature);
  std::memcpy(&payload[2], signature, sizeof signature);

  std::string compressed;
  detail::append_zlib_compressed(compressed, payload);
  std::string out;
  out.reserve(3 + 4 * ((compressed.size() + 2) / 3) + 1);
  out.append("007");
  detail::append_base64(out, compressed);
  return out;
}

bool verify(const AccessToken2 &token, std::string_view app_certificate) {
  detail::require_hex32("app certificate", app_certificate, true);
  if (!is_hex32(token.app_id) || token.signature.size() != detail::kSha256Size) {
    return false;
  }
  unsigned char key[detail::kSha256Size];
  unsigned char expected[detail::kSha256Size];
  detail::signing_key_007(app_certificate, token.issue_ts, token.salt, key);
  detail::hmac_sha256(detail::as_view(key, sizeof key), token.signed_bytes, expected);
  return detail::equal_ct(detail::as_view(expected, sizeof expected), token.signature);
}

int64_t AccessToken2::expires_at() const noexcept {
  const int64_t base = issue_ts;
  int64_t earliest = base + expire;
  for (const auto &s : services) {
    for (const auto &[id, value] : s.privileges) {
      if (value != 0) {
        earliest = std::min(earliest, base + value);
      }
    }
  }
  return earliest;
}

} // namespace eduauth::token

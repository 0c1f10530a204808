// Strict decoding details beyond the vectors: base64 form, zlib container, ordering rules,
// exact 006 content, and the hints in error messages.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>

#include "eduauth/builders.hpp"
#include "eduauth/token.hpp"
#include "eduauth_test/expect_error.hpp"
#include "eduauth_test/hex.hpp"
#include "eduauth_test/vectors.hpp"
#include "token/base64.hpp"
#include "token/packer.hpp"
#include "token/zlib_codec.hpp"

namespace {

using nlohmann::json;
namespace tk = eduauth::token;
using eduauth::Errc;

constexpr const char *kCert = "5CFd2fd1755d40ecb72977518be15d3b";

using eduauth_test::error_of;

std::string token_007_of_payload(std::string_view payload) {
  std::string compressed;
  tk::detail::append_zlib_compressed(compressed, payload);
  std::string token = "007";
  tk::detail::append_base64(token, compressed);
  return token;
}

std::string payload_of(const char *id) {
  return eduauth::test::from_hex(
      eduauth::test::vector_by_id(id).at("decoded").at("payload_hex").get<std::string>());
}

TEST(Strictness, Base64RoundTripsEveryLength) {
  std::mt19937 rng(7);
  for (size_t n = 0; n < 64; ++n) {
    std::string bytes(n, '\0');
    for (auto &b : bytes) {
      b = static_cast<char>(rng());
    }
    std::string text;
    tk::detail::append_base64(text, bytes);
    EXPECT_EQ(4 * ((n + 2) / 3), text.size());
    EXPECT_EQ(bytes, tk::detail::decode_base64_strict(text, 0));
  }
}

TEST(Strictness, Base64RejectsEverythingButCanonicalStandardForm) {
  const auto reject = [](const std::string &s, const std::string &needle) {
    const std::string msg = error_of([&] { tk::detail::decode_base64_strict(s, 0); }, Errc::malformed_token);
    EXPECT_NE(std::string::npos, msg.find(needle)) << s << " -> " << msg;
  };
  reject("QUJD-A==", "'-' at offset 4");
  reject("QUJD-A==", "URL-safe");
  reject("QUJD_A==", "'_' at offset 4");
  reject("QUJD QUJD", "' ' at offset 4");
  reject("QUJD\r\nQUJD", "\\x0d at offset 4");
  reject("QU=D", "follows '=' padding");
  reject("Q===", "at most 2");
  reject("QUI", "multiple of 4");
  reject("QR==", "non-canonical"); // 'R' leaves a set bit that the padding drops
  reject("QUJ=", "non-canonical");
  reject("\xc3\xa9QUJ", "\\xc3 at offset 0");
  reject("QU\"D", "JSON quotes");
}

TEST(Strictness, CanonicalPaddingIsAccepted) {
  EXPECT_EQ("A", tk::detail::decode_base64_strict("QQ==", 0));
  EXPECT_EQ("AB", tk::detail::decode_base64_strict("QUI=", 0));
  EXPECT_EQ("", tk::detail::decode_base64_strict("", 0));
}

TEST(Strictness, DataAfterTheZlibStreamIsRejected) {
  // m007-19 (held out of our file): the references ignore bytes after the stream; we do not.
  std::string compressed;
  tk::detail::append_zlib_compressed(compressed, payload_of("p007-rtm-01"));
  compressed += "XYZ";
  std::string token = "007";
  tk::detail::append_base64(token, compressed);
  const std::string msg = error_of([&] { tk::decode(token); }, Errc::malformed_token);
  EXPECT_NE(std::string::npos, msg.find("3 bytes after the end of the zlib stream")) << msg;
}

TEST(Strictness, BadAdlerChecksumIsRejected) {
  std::string compressed;
  tk::detail::append_zlib_compressed(compressed, payload_of("p007-rtm-01"));
  compressed.back() = static_cast<char>(compressed.back() ^ 0x5a);
  std::string token = "007";
  tk::detail::append_base64(token, compressed);
  const std::string msg = error_of([&] { tk::decode(token); }, Errc::malformed_token);
  EXPECT_NE(std::string::npos, msg.find("incorrect data check")) << msg;
}

TEST(Strictness, CompressionMatchesStockZlibLevel6) {
  // The first bytes of every reference token: zlib header 78 9c -> "eJ".
  const std::string token = token_007_of_payload(payload_of("p007-rtm-01"));
  EXPECT_EQ(eduauth::test::vector_by_id("p007-rtm-01").at("expected_token").get<std::string>(), token);
  EXPECT_EQ(0u, token.rfind("007eJ", 0));
}

TEST(Strictness, PrivilegeIdsMustBeUniqueAndAscending) {
  // p007-rtc-uid-01's RTC block has privileges 1,2,3,4: swap the ids of entries 2 and 3.
  std::string payload = payload_of("p007-rtc-uid-01");
  const size_t at = payload.find(std::string("\x02\x00\x58\x02\x00\x00\x03\x00", 8));
  ASSERT_NE(std::string::npos, at);
  payload[at] = 3;
  payload[at + 6] = 2;
  const std::string msg =
      error_of([&] { tk::decode(token_007_of_payload(payload)); }, Errc::malformed_token);
  EXPECT_NE(std::string::npos, msg.find("ids must be unique and ascending")) << msg;
  EXPECT_NE(std::string::npos, msg.find("service #0 (RTC)")) << msg;
  payload[at] = 1; // duplicate of id 1
  EXPECT_THROW(tk::decode(token_007_of_payload(payload)), eduauth::Error);
}

TEST(Strictness, Content006MustEndExactlyAfterItsMessage) {
  // Extra bytes inside the message (after the privilege map): the length prefix covers them.
  const tk::Token t = tk::decode(
      eduauth::test::vector_by_id("p006-rtc-uid-02").at("expected_token").get<std::string>());
  std::string message = t.v006.message + "\x01";
  std::string content;
  tk::detail::Writer w(content);
  w.string("signature", t.v006.signature);
  w.u32(t.v006.crc_channel_name);
  w.u32(t.v006.crc_uid);
  w.string("message", message);
  std::string token = "006" + t.v006.app_id;
  tk::detail::append_base64(token, content);
  const std::string msg = error_of([&] { tk::decode(token); }, Errc::malformed_token);
  EXPECT_NE(std::string::npos, msg.find("after the privilege map")) << msg;
}

TEST(Strictness, VersionPrefixMessages) {
  EXPECT_NE(std::string::npos,
            error_of([] { tk::decode("\"007eJw\""); }, Errc::unsupported_version).find("wrapped in quotes"));
  EXPECT_NE(std::string::npos,
            error_of([] { tk::decode("'007eJw'"); }, Errc::unsupported_version).find("wrapped in quotes"));
  EXPECT_NE(std::string::npos,
            error_of([] { tk::decode(" 007eJw"); }, Errc::unsupported_version).find("leading whitespace"));
  EXPECT_NE(std::string::npos,
            error_of([] { tk::decode("{\"token\":1}"); }, Errc::unsupported_version).find("JSON syntax"));
  EXPECT_NE(std::string::npos, error_of([] { tk::decode("005abc"); }, Errc::unsupported_version).find("\"005\""));
  error_of([] { tk::decode("00"); }, Errc::malformed_token);
  error_of([] { tk::decode("007"); }, Errc::malformed_token);
  error_of([] { tk::decode("006"); }, Errc::malformed_token);
}

TEST(Strictness, RandomMutationsNeverCrash) {
  // Each mutated token decodes to a whole Token or throws eduauth::Error; the sanitizer
  // tree runs this too.
  std::mt19937 rng(2024);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
  int decoded = 0;
  for (const char *id : {"p007-raw-01", "p007-rtm2-perm-01", "p006-rtc-uid-01"}) {
    const std::string base = eduauth::test::vector_by_id(id).at("expected_token").get<std::string>();
    for (int i = 0; i < 2000; ++i) {
      std::string t = base;
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits; ++e) {
        t[3 + rng() % (t.size() - 3)] = alphabet[rng() % alphabet.size()];
      }
      try {
        const tk::Token d = tk::decode(t);
        (void)tk::to_json(d);
        if (d.version == tk::Version::v007) {
          (void)tk::verify(d.v007, kCert);
        }
        ++decoded;
      } catch (const eduauth::Error &e) {
        EXPECT_TRUE(e.code() == Errc::malformed_token || e.code() == Errc::unsupported_version) << e.what();
      }
    }
  }
  RecordProperty("decoded_mutants", decoded);
}

TEST(Strictness, RandomPayloadMutationsNeverCrash) {
  std::mt19937 rng(99);
  const std::string base = payload_of("p007-raw-01");
  for (int i = 0; i < 3000; ++i) {
    std::string p = base;
    p[rng() % p.size()] = static_cast<char>(rng());
    if (i % 3 == 0) {
      p.resize(rng() % p.size());
    }
    try {
      (void)tk::to_json(tk::decode(token_007_of_payload(p)));
    } catch (const eduauth::Error &e) {
      EXPECT_EQ(Errc::malformed_token, e.code()) << e.what();
    }
  }
}

TEST(Strictness, JsonShowsHexForNonPrintableStrings) {
  tk::AccessToken2 a;
  a.app_id = "970CA35de60c44645bbae8a215061b33";
  a.issue_ts = 1;
  a.salt = 1;
  a.services.push_back(tk::Service::rtc(std::string("a\0b", 3), "\xff").add_privilege(1, 0));
  const json j = json::parse(tk::to_json(tk::decode(tk::build(a, kCert)), 2));
  const json &s = j.at("services")[0];
  EXPECT_EQ("610062", s.at("channel_name_hex"));
  EXPECT_EQ(3u, s.at("channel_name_byte_length").get<size_t>());
  EXPECT_EQ("ff", s.at("account_hex"));
  EXPECT_FALSE(s.contains("user_id"));
}

} // namespace

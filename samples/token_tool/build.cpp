// `eduauth-token build KIND --app-id … --app-certificate … [kind options]`: one named builder
// (builders.hpp) per kind. The table below is the single place that maps kinds to builders.
#include <cstdlib>
#include <ctime>
#include <functional>
#include <ostream>
#include <set>

#include "args.hpp"
#include "command.hpp"
#include "eduauth/builders.hpp"
#include "eduauth/token.hpp"

namespace eduauth::tool {

namespace {

using namespace eduauth::token;

constexpr uint32_t kDefaultExpire = 3600; // seconds relative to issue_ts (007)

// Everything a kind's builder needs, already parsed and range-checked.
struct BuildInput {
  const ParsedArgs &args;
  std::string app_id;
  std::string app_certificate;
  BuildOptions options;

  const std::string &text(const char *name) const { return args.require(name); }
  uint32_t expire() const { return args.has("expire") ? to_u32("expire", args.require("expire")) : kDefaultExpire; }
  uint32_t privilege_expire() const {
    return args.has("privilege-expire") ? to_u32("privilege-expire", args.require("privilege-expire")) : 0;
  }
  int64_t uid() const { return to_i64("uid", args.require("uid")); }
  int32_t role() const { return to_i32("role", args.require("role")); }
};

RtcTokenBuilder2::Role rtc2_role(const ParsedArgs &args) {
  const std::string role = args.get("role").value_or("publisher");
  if (role == "publisher" || role == "1") return RtcTokenBuilder2::kRolePublisher;
  if (role == "subscriber" || role == "2") return RtcTokenBuilder2::kRoleSubscriber;
  throw UsageError("--role: '" + role + "' is not a 007 RTC role (publisher|1, subscriber|2)");
}

RtcTokenBuilder::Role rtc006_role(const ParsedArgs &args) {
  const std::string role = args.get("role").value_or("publisher");
  if (role == "attendee" || role == "0") return RtcTokenBuilder::kRoleAttendee;
  if (role == "publisher" || role == "1") return RtcTokenBuilder::kRolePublisher;
  if (role == "subscriber" || role == "2") return RtcTokenBuilder::kRoleSubscriber;
  if (role == "admin" || role == "101") return RtcTokenBuilder::kRoleAdmin;
  throw UsageError("--role: '" + role + "' is not a 006 RTC role (attendee|0, publisher|1, subscriber|2, admin|101)");
}

struct Kind {
  const char *name;
  const char *description;
  std::set<std::string> required;
  std::set<std::string> optional;
  std::function<std::string(const BuildInput &)> build;
};

const std::vector<Kind> &kinds() {
  static const std::vector<Kind> table = {
      {"education-room-user",
       "EducationTokenBuilder2::BuildRoomUserToken: APaaS room-user + RTM login + Chat user (md5 of user uuid)",
       {"room-uuid", "user-uuid", "role"}, {"expire"},
       [](const BuildInput &in) {
         return EducationTokenBuilder2::BuildRoomUserToken(in.app_id, in.app_certificate, in.text("room-uuid"),
                                                           in.text("user-uuid"), in.role(), in.expire(), in.options);
       }},
      {"education-user", "EducationTokenBuilder2::BuildUserToken: APaaS user", {"user-uuid"}, {"expire"},
       [](const BuildInput &in) {
         return EducationTokenBuilder2::BuildUserToken(in.app_id, in.app_certificate, in.text("user-uuid"),
                                                       in.expire(), in.options);
       }},
      {"education-app", "EducationTokenBuilder2::BuildAppToken: APaaS app", {}, {"expire"},
       [](const BuildInput &in) {
         return EducationTokenBuilder2::BuildAppToken(in.app_id, in.app_certificate, in.expire(), in.options);
       }},
      {"rtm", "RtmTokenBuilder2::BuildToken: RTM login (007)", {"user-id"}, {"expire"},
       [](const BuildInput &in) {
         return RtmTokenBuilder2::BuildToken(in.app_id, in.app_certificate, in.text("user-id"), in.expire(),
                                             in.options);
       }},
      {"rtm-006", "RtmTokenBuilder::buildToken: legacy 006 RTM login (signs channel = account, uid = \"\")",
       {"account"}, {"privilege-expire"},
       [](const BuildInput &in) {
         return RtmTokenBuilder::buildToken(in.app_id, in.app_certificate, in.text("account"),
                                            RtmTokenBuilder::Rtm_User, in.privilege_expire(), in.options);
       }},
      {"rtc-uid", "RtcTokenBuilder2::BuildTokenWithUid (role form)", {"channel-name", "uid"},
       {"role", "expire", "privilege-expire"},
       [](const BuildInput &in) {
         return RtcTokenBuilder2::BuildTokenWithUid(in.app_id, in.app_certificate, in.text("channel-name"), in.uid(),
                                                    rtc2_role(in.args), in.expire(), in.privilege_expire(),
                                                    in.options);
       }},
      {"rtc-account", "RtcTokenBuilder2::BuildTokenWithUserAccount (role form)", {"channel-name", "account"},
       {"role", "expire", "privilege-expire"},
       [](const BuildInput &in) {
         return RtcTokenBuilder2::BuildTokenWithUserAccount(in.app_id, in.app_certificate, in.text("channel-name"),
                                                            in.text("account"), rtc2_role(in.args), in.expire(),
                                                            in.privilege_expire(), in.options);
       }},
      {"rtc-rtm", "RtcTokenBuilder2::BuildTokenWithRtm: RTC + RTM login for the same account",
       {"channel-name", "account"}, {"role", "expire", "privilege-expire"},
       [](const BuildInput &in) {
         return RtcTokenBuilder2::BuildTokenWithRtm(in.app_id, in.app_certificate, in.text("channel-name"),
                                                    in.text("account"), rtc2_role(in.args), in.expire(),
                                                    in.privilege_expire(), in.options);
       }},
      {"rtc-006-uid", "RtcTokenBuilder::buildTokenWithUid: legacy 006 RTC", {"channel-name", "uid"},
       {"role", "privilege-expire"},
       [](const BuildInput &in) {
         return RtcTokenBuilder::buildTokenWithUid(in.app_id, in.app_certificate, in.text("channel-name"), in.uid(),
                                                   rtc006_role(in.args), in.privilege_expire(), in.options);
       }},
      {"rtc-006-account", "RtcTokenBuilder::buildTokenWithUserAccount: legacy 006 RTC", {"channel-name", "account"},
       {"role", "privilege-expire"},
       [](const BuildInput &in) {
         return RtcTokenBuilder::buildTokenWithUserAccount(in.app_id, in.app_certificate, in.text("channel-name"),
                                                           in.text("account"), rtc006_role(in.args),
                                                           in.privilege_expire(), in.options);
       }},
      {"chat-user", "ChatTokenBuilder2::BuildUserToken: Chat user", {"user-id"}, {"expire"},
       [](const BuildInput &in) {
         return ChatTokenBuilder2::BuildUserToken(in.app_id, in.app_certificate, in.text("user-id"), in.expire(),
                                                  in.options);
       }},
      {"chat-app", "ChatTokenBuilder2::BuildAppToken: Chat app", {}, {"expire"},
       [](const BuildInput &in) {
         return ChatTokenBuilder2::BuildAppToken(in.app_id, in.app_certificate, in.expire(), in.options);
       }},
      {"fpa", "FpaTokenBuilder::BuildToken: FPA login (expire fixed at 86400 s)", {}, {},
       [](const BuildInput &in) { return FpaTokenBuilder::BuildToken(in.app_id, in.app_certificate, in.options); }},
  };
  return table;
}

const std::set<std::string> kCommonOptions = {"app-id", "app-certificate", "issue-ts", "salt"};

std::string build_usage() {
  std::string usage =
      "usage: eduauth-token build KIND --app-id HEX32 --app-certificate HEX32 [options]\n"
      "\n"
      "Builds a token with the named builder of KIND and prints it. --app-id and --app-certificate\n"
      "may also come from the environment variables APP_ID and APP_CERTIFICATE.\n"
      "\n"
      "Kinds (required options, then [optional ones]):\n";
  for (const Kind &kind : kinds()) {
    usage += "  " + std::string(kind.name) + "\n      " + kind.description + "\n     ";
    for (const auto &name : kind.required) usage += " --" + name;
    for (const auto &name : kind.optional) usage += " [--" + name + "]";
    usage += "\n";
  }
  usage +=
      "\n"
      "Options:\n"
      "  --expire S            007 token lifetime, seconds RELATIVE to issue_ts (default 3600,\n"
      "                        at most 86400: larger values look like absolute times, case C-03;\n"
      "                        0 is built with a warning: expired at issue time, not \"never\")\n"
      "  --privilege-expire S  007 RTC: privilege lifetime, seconds relative to issue_ts (default 0 =\n"
      "                        no limit of its own); 006: ABSOLUTE Unix seconds (default 0)\n"
      "  --uid N               numeric uid 0..4294967295; 0 means any user (empty account)\n"
      "  --account A           user account string, used verbatim (\"0\" is not uid 0)\n"
      "  --user-id U           RTM / Chat user id\n"
      "  --room-uuid R --user-uuid U --role N   Flexible Classroom room, user and role (int16)\n"
      "  --role R              007 RTC: publisher|subscriber (default publisher);\n"
      "                        006 RTC: attendee|publisher|subscriber|admin (default publisher)\n"
      "  --channel-name C      RTC channel name\n"
      "  --issue-ts T          pin the build time, absolute Unix seconds (006: ts = T + 86400);\n"
      "                        default: now\n"
      "  --salt N              pin the salt (u32); default: random in 1..99999999\n"
      "Exit: 0 built, 2 bad arguments (the message names the option and value).\n";
  return usage;
}

std::string from_option_or_env(const ParsedArgs &args, const char *option, const char *env) {
  if (auto value = args.get(option)) return *value;
  if (const char *value = std::getenv(env); value && *value) return value;
  throw UsageError(std::string("missing --") + option + " (or environment variable " + env + ")");
}

const Kind &find_kind(const std::string &name) {
  for (const Kind &kind : kinds())
    if (name == kind.name) return kind;
  std::string known;
  for (const Kind &kind : kinds()) known += std::string(known.empty() ? "" : ", ") + kind.name;
  throw UsageError("unknown token kind '" + name + "' (known: " + known + ")");
}

} // namespace

int run_build(const std::vector<std::string> &args, Io &io) {
  std::set<std::string> all_options = kCommonOptions;
  for (const Kind &kind : kinds()) {
    all_options.insert(kind.required.begin(), kind.required.end());
    all_options.insert(kind.optional.begin(), kind.optional.end());
  }
  ParsedArgs parsed = parse_args(args, all_options);
  if (parsed.help || parsed.positional.empty()) {
    (parsed.help ? io.out : io.err) << build_usage();
    return parsed.help ? kExitOk : kExitError;
  }
  if (parsed.positional.size() != 1)
    throw UsageError("build takes one KIND; unexpected argument '" + parsed.positional[1] + "'");
  const Kind &kind = find_kind(parsed.positional[0]);

  // An option another kind uses is almost always a mix-up (e.g. --uid for an rtm token).
  for (const auto &[name, value] : parsed.options) {
    if (kCommonOptions.count(name) || kind.required.count(name) || kind.optional.count(name)) continue;
    throw UsageError("option --" + name + " does not apply to kind " + kind.name);
  }
  for (const auto &name : kind.required) parsed.require(name);

  BuildInput input{parsed, from_option_or_env(parsed, "app-id", "APP_ID"),
                   from_option_or_env(parsed, "app-certificate", "APP_CERTIFICATE"), {}};
  if (auto ts = parsed.get("issue-ts")) input.options.issue_ts = to_u32("issue-ts", *ts);
  if (auto salt = parsed.get("salt")) input.options.salt = to_u32("salt", *salt);

  // 007 expire 0 is not "never" (that reading belongs to 006 privilege 0): the token lives until
  // issue_ts + 0, i.e. it is expired when built (token-format.md 2.7), and the eduauth client
  // refuses it. The reference packs 0 as given and vectors use it, so build it, but say so.
  if (parsed.has("expire") && input.expire() == 0)
    io.err << "eduauth-token build: warning: --expire 0 makes a token that is already expired: a 007 token is "
              "valid until issue_ts + expire (token-format.md 2.7), 0 does not mean \"never expires\"; the "
              "eduauth client refuses it. Give the lifetime in seconds, 1..86400\n";

  // 006 privilege values are absolute; a small one (e.g. 3600) yields a token that expired in 1970.
  const bool is_006 = std::string(kind.name).find("006") != std::string::npos;
  if (is_006 && parsed.has("privilege-expire")) {
    const uint32_t value = input.privilege_expire();
    const int64_t now = input.options.issue_ts ? *input.options.issue_ts : static_cast<int64_t>(std::time(nullptr));
    if (value != 0 && value < now)
      io.err << "eduauth-token build: warning: --privilege-expire " << value
             << " is before the build time; 006 privilege values are ABSOLUTE Unix seconds\n";
  }

  io.out << kind.build(input) << '\n';
  return kExitOk;
}

} // namespace eduauth::tool

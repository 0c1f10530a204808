// `eduauth-token fetch` against the sample token server: decoded output, --watch event
// lines, bearer from the environment, failures as exit code 2 with the error code.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

#include "fault_server.hpp"
#include "shell_run.hpp"
#include "temp_dir.hpp"
#include "token_server_process.hpp"

namespace {

using namespace eduauth::testing;
using nlohmann::json;

using CliRun = ShellRun;

// Runs the CLI through the shell (stderr merged into `out` when merge_stderr).
CliRun run_cli(const std::string &args, bool merge_stderr = false, const std::string &env = "") {
  return shell_run(env + " '" EDUAUTH_TOKEN_TOOL_BIN "' " + args, merge_stderr);
}

class CliFetch : public ::testing::Test {
protected:
  TempDir dir;
};

TEST_F(CliFetch, PrintsTheDecodedToken) {
  TokenServerProcess server({}, {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kAppCertificate}}, dir.file("s.log"));
  const CliRun r = run_cli("fetch --server " + server.base_url() + " --room-uuid room-9 --user-uuid 老师01 --role 1 --app-id " +
                        kAppId);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["version"], "007");
  EXPECT_EQ(j["app_id"], kAppId);
  EXPECT_EQ(j["expire"], 3600);
  bool apaas = false;
  for (const auto &s : j["services"])
    if (s["type_name"] == "APaaS") {
      apaas = true;
      EXPECT_EQ(s["room_uuid"], "room-9");
      EXPECT_EQ(s["user_uuid"], "老师01");
      EXPECT_EQ(s["role"], 1);
    }
  EXPECT_TRUE(apaas) << r.out;
}

TEST_F(CliFetch, WatchPrintsOneJsonEventPerLineAndExitsZero) {
  TokenServerProcess server({"--expire", "4", "--bearer-secret", "cli-secret"},
                            {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kAppCertificate}}, dir.file("s.log"));
  const CliRun r = run_cli("fetch --server " + server.base_url() +
                            " --room-uuid r --user-uuid u --role 2 --min-remaining 1 --watch 5",
                        false, "EDUAUTH_BEARER=cli-secret");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream lines(r.out);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(json::parse(line)["expire"], 4); // the decoded token, compact, first
  int refreshed = 0;
  int64_t last_expiry = 0;
  json metrics;
  while (std::getline(lines, line)) {
    const json ev = json::parse(line); // every line is one JSON object
    ASSERT_TRUE(ev.contains("event")) << line;
    EXPECT_TRUE(metrics.is_null()) << "metrics must be the last line: " << line;
    if (ev["event"] == "metrics") metrics = ev;
    if (ev["event"] == "will_expire" || ev["event"] == "expired") {
      EXPECT_GT(ev["expires_at"].get<int64_t>(), 0) << line; // same shape as eduauth-launch --watch
      EXPECT_EQ(ev["fingerprint"].get<std::string>().rfind("sha256:", 0), 0u) << line;
    }
    if (ev["event"] == "refreshed") {
      ++refreshed;
      EXPECT_EQ(ev["fingerprint"].get<std::string>().rfind("sha256:", 0), 0u) << line;
      EXPECT_GE(ev["expires_at"].get<int64_t>(), last_expiry);
      last_expiry = ev["expires_at"];
    }
    EXPECT_FALSE(ev.contains("token")) << line;
  }
  EXPECT_GE(refreshed, 2) << r.out; // the first fetch and at least one background refresh
  // The final {"event":"metrics"} line: every fetch counted, each one succeeded.
  ASSERT_TRUE(metrics.is_object()) << r.out;
  EXPECT_GE(metrics["fetch_successes"].get<int>(), refreshed) << line; // + one ending during close
  EXPECT_LE(metrics["fetch_successes"].get<int>(), refreshed + 1) << line;
  EXPECT_GE(metrics["fetches_started"].get<int>(), refreshed) << line;
  EXPECT_EQ(metrics["fetch_failures"], 0) << line;
  EXPECT_EQ(metrics["keys"], 1) << line;
  EXPECT_EQ(metrics["latency_buckets"].size(), 9u) << line;
  EXPECT_EQ(metrics["latency_bucket_bounds_ms"].back(), 5000) << line;
  uint64_t bucketed = 0;
  for (const auto &b : metrics["latency_buckets"]) bucketed += b.get<uint64_t>();
  EXPECT_EQ(bucketed, metrics["latency_count"].get<uint64_t>()) << line;
  EXPECT_EQ(r.out.find("cli-secret"), std::string::npos);
}

TEST_F(CliFetch, FailuresExitTwoNamingTheCode) {
  TokenServerProcess server({"--bearer-secret", "x"}, {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kAppCertificate}},
                            dir.file("s.log"));
  const CliRun denied = run_cli("fetch --server " + server.base_url() + " --room-uuid r --user-uuid u --role 1", true);
  EXPECT_EQ(denied.exit_code, 2);
  EXPECT_NE(denied.out.find("EDUAUTH_E_REAUTH_REQUIRED"), std::string::npos) << denied.out;

  const CliRun preset = run_cli("fetch --server " + server.base_url() + " --preset nope --room-uuid r --user-uuid u --role 1", true);
  EXPECT_EQ(preset.exit_code, 2);
  EXPECT_NE(preset.out.find("\"nope\""), std::string::npos) << preset.out;

  const CliRun missing_ca = run_cli("fetch --server https://127.0.0.1:1 --ca-file " + dir.file("none.pem") +
                                     " --room-uuid r --user-uuid u --role 1",
                                 true);
  EXPECT_EQ(missing_ca.exit_code, 2);
  EXPECT_NE(missing_ca.out.find("ca_file"), std::string::npos) << missing_ca.out;

  const CliRun bad_role = run_cli("fetch --server " + server.base_url() + " --room-uuid r --user-uuid u --role x", true);
  EXPECT_EQ(bad_role.exit_code, 2);
  EXPECT_NE(bad_role.out.find("--role"), std::string::npos) << bad_role.out;
}

} // namespace

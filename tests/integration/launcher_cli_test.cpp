// eduauth-launch's option errors that need no token server: --sdk-bundle problems are named
// in the tool's words (not std::filesystem's), exit 2; --help prints usage, exit 0. And the
// --watch output against the sample server: event lines shaped like eduauth-token's, metrics last.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fault_server.hpp"
#include "shell_run.hpp"
#include "temp_dir.hpp"
#include "token_server_process.hpp"

namespace {

using eduauth::testing::TempDir;

using LaunchRun = eduauth::testing::ShellRun;

LaunchRun launch(const std::string &args, bool merge_stderr = true) {
  return eduauth::testing::shell_run("'" EDUAUTH_LAUNCH_BIN "' " + args, merge_stderr);
}

// Every required option; the server is never contacted because parsing fails first.
const std::string kRequired = "--server http://127.0.0.1:9 --room-uuid r --room-name R --room-type small "
                              "--user-uuid u --user-name U --role student";

TEST(LauncherCli, MissingSdkBundleIsNamed) {
  TempDir dir;
  const std::string missing = dir.file("nope/edu_sdk.bundle.js");
  const LaunchRun r = launch(kRequired + " --html " + dir.file("page.html") + " --sdk-bundle " + missing);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "eduauth-launch: --sdk-bundle " + missing + ": file not found (see --help)\n");
}

TEST(LauncherCli, SdkBundleMustBeAFileAndNeedsHtml) {
  TempDir dir;
  const LaunchRun directory =
      launch(kRequired + " --html " + dir.file("page.html") + " --sdk-bundle " + dir.path());
  EXPECT_EQ(directory.exit_code, 2) << directory.out;
  EXPECT_EQ(directory.out,
            "eduauth-launch: --sdk-bundle " + dir.path() + ": not a regular file (see --help)\n");

  const LaunchRun no_html = launch(kRequired + " --sdk-bundle " + dir.path());
  EXPECT_EQ(no_html.exit_code, 2) << no_html.out;
  EXPECT_EQ(no_html.out,
            "eduauth-launch: --sdk-bundle " + dir.path() + ": only used with --html (see --help)\n");
}

TEST(LauncherCli, HelpPrintsUsageAndExitsZero) {
  const LaunchRun r = launch("--help", false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("usage: eduauth-launch --server URL", 0), 0u) << r.out;
}

} // namespace

TEST(LauncherCli, OptionValueErrorsNameTheOptionBeforeAnyFetch) {
  const std::string base =
      "--server http://127.0.0.1:9 --room-uuid r --room-name R --user-uuid u --user-name U ";
  const LaunchRun room = launch(base + "--role student --room-type smal");
  EXPECT_EQ(room.exit_code, 2) << room.out;
  EXPECT_EQ(room.out.rfind("eduauth-launch: --room-type: ", 0), 0u) << room.out;
  EXPECT_NE(room.out.find("smal"), std::string::npos) << room.out;

  const LaunchRun role = launch(base + "--room-type small --role studnet");
  EXPECT_EQ(role.exit_code, 2) << role.out;
  EXPECT_EQ(role.out.rfind("eduauth-launch: --role: ", 0), 0u) << role.out;

  const LaunchRun app = launch(kRequired + " --app-id abc");
  EXPECT_EQ(app.exit_code, 2) << app.out;
  EXPECT_EQ(app.out, "eduauth-launch: --app-id \"abc\" is not an app ID (32 hex characters) (see --help)\n");
}

namespace {

TEST(LauncherCli, WatchPrintsFlatEventLinesAndTheMetricsLast) {
  TempDir dir;
  // 60 s tokens: will_expire (lead 60 s) fires at once, no refresh within the 2 s watch.
  eduauth::testing::TokenServerProcess server(
      {"--expire", "60"},
      {{"APP_ID", eduauth::testing::kAppId}, {"APP_CERTIFICATE", eduauth::testing::kAppCertificate}},
      dir.file("s.log"));
  const LaunchRun r = launch("--server " + server.base_url() +
                                 " --room-uuid r --room-name R --room-type small --user-uuid u --user-name U"
                                 " --role student --watch 2",
                             false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> events;
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    if (j.contains("event")) events.push_back(j);
    EXPECT_FALSE(j.contains("token")) << line;
  }
  ASSERT_GE(events.size(), 3u) << r.out;
  EXPECT_EQ(events[0]["event"], "refreshed");
  EXPECT_EQ(events[0]["room_uuid"], "r");
  EXPECT_EQ(events[0]["user_uuid"], "u");
  EXPECT_EQ(events[0]["role"], 2);
  EXPECT_EQ(events[0]["fingerprint"].get<std::string>().rfind("sha256:", 0), 0u);
  EXPECT_EQ(events[1]["event"], "will_expire");
  EXPECT_EQ(events[1]["expires_at"], events[0]["expires_at"]);
  EXPECT_EQ(events[1]["fingerprint"], events[0]["fingerprint"]);
  EXPECT_GT(events[1]["seconds_left"].get<int>(), 50);
  const nlohmann::json &m = events.back();
  ASSERT_EQ(m["event"], "metrics") << r.out;
  EXPECT_EQ(m["fetches_started"], 1);
  EXPECT_EQ(m["fetch_successes"], 1);
  EXPECT_EQ(m["fetch_failures"], 0);
  EXPECT_EQ(m["keys"], 1);
  EXPECT_EQ(m["keys_with_token"], 1);
  EXPECT_EQ(m["latency_count"], 1);
  EXPECT_EQ(m["latency_buckets"].size(), 9u);
}

} // namespace

TEST(LauncherCli, PageAndBundleMustBeDifferentFiles) {
  TempDir dir;
  const std::string bundle = dir.file("b.js");
  {
    FILE *f = std::fopen(bundle.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("// sdk", f);
    std::fclose(f);
  }
  const LaunchRun r = launch(kRequired + " --html " + bundle + " --sdk-bundle " + bundle);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "eduauth-launch: --html and --sdk-bundle name the same file (" + bundle +
                       "): the page, which holds the token, would overwrite the bundle (see --help)\n");
}

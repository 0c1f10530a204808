// Against the sample token server: its 400 reason reaches the fetch error (fetcher and
// `eduauth-token fetch`), and `eduauth-token fetch --role` takes role names like eduauth-launch.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "eduauth/source.hpp"
#include "fault_server.hpp"
#include "print_errc.hpp"
#include "shell_run.hpp"
#include "temp_dir.hpp"
#include "token_server_process.hpp"

namespace {

using namespace eduauth;
using namespace eduauth::testing;
using nlohmann::json;

using CliRun = ShellRun;

CliRun run_cli(const std::string &args, bool merge_stderr) {
  return shell_run("'" EDUAUTH_TOKEN_TOOL_BIN "' " + args, merge_stderr);
}

class ServerReason : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new TokenServerProcess({}, {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kAppCertificate}},
                                     dir_->file("server.log"));
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static TempDir *dir_;
  static TokenServerProcess *server_;
};
TempDir *ServerReason::dir_ = nullptr;
TokenServerProcess *ServerReason::server_ = nullptr;

TEST_F(ServerReason, The400ReasonIsInTheFetchError) {
  const FetchResult r =
      make_http_fetcher(make_source("education", server_->base_url()))->fetch({"room-r", "user-r", 40000});
  EXPECT_EQ(r.status, Errc::http_status);
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.message, "token server answered HTTP 400 to POST /fetch_education_token: server says \"field "
                       "\"role\" must be an integer in -32768..32767, got 40000\"");
}

TEST_F(ServerReason, CliFetchTakesRoleNames) {
  const CliRun r = run_cli("fetch --server " + server_->base_url() +
                               " --room-uuid room-n --user-uuid user-n --role Student",
                           false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  int role = -100;
  const json decoded = json::parse(r.out); // kept alive while its services are read
  for (const auto &s : decoded["services"])
    if (s["type_name"] == "APaaS") role = s["role"].get<int>();
  EXPECT_EQ(role, 2);

  const CliRun bad =
      run_cli("fetch --server " + server_->base_url() + " --room-uuid r --user-uuid u --role pupil", true);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find(
                "--role: 'pupil' is not a role (teacher, student, assistant, observer, audience, invisible, "
                "none, or a number)"),
            std::string::npos)
      << bad.out;
}

TEST_F(ServerReason, CliFetchPrintsTheServerReason) {
  const CliRun r =
      run_cli("fetch --server " + server_->base_url() + " --room-uuid r --user-uuid u --role 40000", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("server says \"field \"role\" must be an integer in -32768..32767, got 40000\""),
            std::string::npos)
      << r.out;
}

} // namespace

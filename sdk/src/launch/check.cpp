// check() = field rules + token rules; build() = fill from the token, check, throw on errors.
#include "eduauth/token.hpp"
#include "launch/checks.hpp"

namespace eduauth::launch {
namespace {

Errc overall_code(const std::vector<Issue> &issues) {
  // A broken field rule or an unusable token makes the option itself invalid; only when
  // every problem is a disagreement with the token is it a mismatch.
  for (const Issue &i : issues)
    if (i.code != Errc::launch_token_mismatch) return Errc::invalid_launch_option;
  return issues.empty() ? Errc::invalid_launch_option : Errc::launch_token_mismatch;
}

std::string summary(const std::vector<Issue> &issues) {
  std::string s = "launchOption has " + std::to_string(issues.size()) +
                  (issues.size() == 1 ? " problem:" : " problems:");
  for (const Issue &i : issues) s += "\n  " + i.message;
  return s;
}

} // namespace

LaunchError::LaunchError(std::vector<Issue> issues)
    : Error(overall_code(issues), summary(issues)), issues_(std::move(issues)) {}

Report check(const LaunchOption &option, const CheckOptions &options) {
  Report report;
  detail::check_fields(option, report.errors);
  detail::check_token(option, options, report);
  return report;
}

LaunchOption build(LaunchOption inputs, std::string_view token, const CheckOptions &options,
                   std::vector<Issue> *warnings) {
  inputs.token = std::string(token);
  if (!inputs.app_id && !inputs.token.empty()) {
    try {
      inputs.app_id = token::decode(inputs.token).app_id();
    } catch (const Error &) {
      // check() reports the undecodable token with its own message.
    }
  }
  Report report = check(inputs, options);
  if (!report.ok()) throw LaunchError(std::move(report.errors));
  if (warnings) warnings->insert(warnings->end(), report.warnings.begin(), report.warnings.end());
  return inputs;
}

} // namespace eduauth::launch

// eduauth C API — the process-wide C log sink (eduauth_log_set_sink).
#pragma once

#include <cstdint>
#include <string_view>

namespace eduauth::capi {

/// Delivers one line to the installed C sink when level >= the sink's threshold. Safe from
/// any thread; a message logged from inside the sink itself (same thread) is dropped rather
/// than re-entering it. The message must already be free of secrets.
void log_to_sink(int32_t level, std::string_view message) noexcept;

/// True when a sink is installed that would accept `level` (lets callers skip formatting).
bool sink_wants(int32_t level) noexcept;

} // namespace eduauth::capi

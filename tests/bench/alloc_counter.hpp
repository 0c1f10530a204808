// Allocation counting for the benchmarks: this binary replaces the global operator new (all
// forms), and routes OpenSSL's allocator through a counting hook, so a benchmark can report
// heap allocations per operation. Not thread-aware by design: benchmarks run single-threaded.
#pragma once

#include <cstdint>

namespace eduauth::bench {

/// operator new / new[] calls (every overload) since the program started.
uint64_t cpp_allocations() noexcept;

/// OpenSSL CRYPTO_malloc/CRYPTO_realloc calls since install_openssl_counter().
uint64_t openssl_allocations() noexcept;

/// Installs the OpenSSL counting hook; must run before OpenSSL allocates anything (first
/// thing in main). Returns false when OpenSSL refused (then openssl_allocations() stays 0).
bool install_openssl_counter() noexcept;

} // namespace eduauth::bench

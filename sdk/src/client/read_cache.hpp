// Per-thread memo of the tokens a thread was served last: the lock-free read path of
// TokenClient::get().
//
// Why: a cached get() is the call apps make on every request, from many threads. Taking the
// client mutex, walking the key map and bumping the token's shared reference count all write
// to cache lines every core shares, so the cost grows with the number of threads. Here each
// thread keeps a few slots {client serial, client generation, key, token}; a hit only reads
// the client's generation counter (written once per token change, not per get) and copies a
// TokenPtr whose control block belongs to this thread alone.
//
// Correctness rests on the generation: the client bumps it, with its mutex held, whenever
// any key's served token changes (install, expiry drop, invalidate, forget, close), and a
// slot is stored only with the generation read under that mutex. A slot whose generation
// is not the current one is never used. Validity in time (deadlines) is checked by the
// caller on every hit.
#pragma once

#include <cstdint>

#include "eduauth/client.hpp"

namespace eduauth::client_detail {

/// A process-wide unique, never reused, non-zero id for a client (addresses can be reused).
uint64_t next_client_serial();

/// The token this thread stored for (client, generation, key), or nullptr. The pointer is
/// valid until this thread's next read_cache_store().
const TokenPtr *read_cache_find(uint64_t client, uint64_t generation, const TokenKey &key);

/// Remembers `token` for (client, generation, key) in this thread's slots (evicting the
/// oldest). Allocates a thread-private control block that keeps `token` alive.
void read_cache_store(uint64_t client, uint64_t generation, const TokenKey &key, const TokenPtr &token);

} // namespace eduauth::client_detail

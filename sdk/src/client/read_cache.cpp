#include "read_cache.hpp"

#include <array>
#include <atomic>

namespace eduauth::client_detail {

namespace {

struct Slot {
  uint64_t client = 0; // 0 = empty
  uint64_t generation = 0;
  TokenKey key;
  TokenPtr token; // aliases the client's TokenPtr through a control block of this thread
};

// Four slots: a thread usually asks for one or two keys (an RTC and an RTM token, say).
constexpr size_t kSlots = 4;

struct Slots {
  std::array<Slot, kSlots> slot;
  size_t next = 0; // round-robin victim
};

thread_local Slots t_slots;

} // namespace

uint64_t next_client_serial() {
  static std::atomic<uint64_t> serial{0};
  return serial.fetch_add(1, std::memory_order_relaxed) + 1;
}

const TokenPtr *read_cache_find(uint64_t client, uint64_t generation, const TokenKey &key) {
  for (const Slot &s : t_slots.slot)
    if (s.client == client && s.generation == generation && s.key.role == key.role && s.key == key)
      return &s.token;
  return nullptr;
}

void read_cache_store(uint64_t client, uint64_t generation, const TokenKey &key, const TokenPtr &token) {
  Slots &all = t_slots;
  Slot *target = nullptr;
  for (Slot &s : all.slot) // same key of the same client: replace it in place
    if (s.client == client && s.key == key) target = &s;
  if (!target) {
    target = &all.slot[all.next];
    all.next = (all.next + 1) % kSlots;
  }
  // The deleter owns a reference to the client's token: copies of target->token then only
  // touch this new, thread-private reference count.
  target->token = TokenPtr(token.get(), [keep = token](const CachedToken *) {});
  target->client = client;
  target->generation = generation;
  target->key = key;
}

} // namespace eduauth::client_detail

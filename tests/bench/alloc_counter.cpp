#include "alloc_counter.hpp"

#include <openssl/crypto.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<uint64_t> g_cpp{0};
std::atomic<uint64_t> g_openssl{0};

void *counted_alloc(std::size_t size) {
  g_cpp.fetch_add(1, std::memory_order_relaxed);
  if (void *p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

void *counted_aligned_alloc(std::size_t size, std::align_val_t align) {
  g_cpp.fetch_add(1, std::memory_order_relaxed);
  const std::size_t a = static_cast<std::size_t>(align);
  const std::size_t rounded = ((size == 0 ? 1 : size) + a - 1) / a * a; // aligned_alloc wants a multiple
  if (void *p = std::aligned_alloc(a, rounded)) return p;
  throw std::bad_alloc();
}

void *ossl_malloc(size_t n, const char *, int) {
  g_openssl.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n);
}
void *ossl_realloc(void *p, size_t n, const char *, int) {
  g_openssl.fetch_add(1, std::memory_order_relaxed);
  return std::realloc(p, n);
}
void ossl_free(void *p, const char *, int) { std::free(p); }
} // namespace

namespace eduauth::bench {
uint64_t cpp_allocations() noexcept { return g_cpp.load(std::memory_order_relaxed); }
uint64_t openssl_allocations() noexcept { return g_openssl.load(std::memory_order_relaxed); }
bool install_openssl_counter() noexcept { return CRYPTO_set_mem_functions(ossl_malloc, ossl_realloc, ossl_free) == 1; }
} // namespace eduauth::bench

// The replaced global allocation functions ([replacement.functions]); deletes pair with malloc.
void *operator new(std::size_t size) { return counted_alloc(size); }
void *operator new[](std::size_t size) { return counted_alloc(size); }
void *operator new(std::size_t size, const std::nothrow_t &) noexcept {
  try {
    return counted_alloc(size);
  } catch (...) {
    return nullptr;
  }
}
void *operator new[](std::size_t size, const std::nothrow_t &) noexcept {
  try {
    return counted_alloc(size);
  } catch (...) {
    return nullptr;
  }
}
void *operator new(std::size_t size, std::align_val_t align) { return counted_aligned_alloc(size, align); }
void *operator new[](std::size_t size, std::align_val_t align) { return counted_aligned_alloc(size, align); }
void operator delete(void *p) noexcept { std::free(p); }
void operator delete[](void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t) noexcept { std::free(p); }
void operator delete(void *p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void *p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void *p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t, std::align_val_t) noexcept { std::free(p); }

/*
 * Read access to shared/vectors/token_vectors.json for the C tests. The JSON is parsed by a
 * small C++ helper (vectors.cpp, nlohmann/json); every assertion stays in C.
 * Sections: "positive", "verify", "malformed". Paths are JSON pointers ("/inputs/uid").
 * Returned strings live until the process exits.
 */
#ifndef EDUAUTH_TEST_VECTORS_H
#define EDUAUTH_TEST_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Number of entries in a section (0 and a message on stderr when the file cannot be read). */
size_t tv_count(const char *section);
/* The string at path of entry i, or NULL when absent or not a string. */
const char *tv_str(const char *section, size_t i, const char *path);
/* 1 and *out = the integer at path of entry i; 0 when absent or not an integer. */
int tv_int(const char *section, size_t i, const char *path, int64_t *out);
/* Compact JSON text of the value at path, or NULL when absent. */
const char *tv_json(const char *section, size_t i, const char *path);

#ifdef __cplusplus
}
#endif

#endif /* EDUAUTH_TEST_VECTORS_H */

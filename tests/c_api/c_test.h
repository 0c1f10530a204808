/*
 * A minimal test harness for the C API tests (C99). Each test file defines test functions
 * and a main() that runs them with C_TEST_RUN; the process exits non-zero when any check
 * failed, which CTest reports. Failed checks print the file, line, expression, the status
 * names and eduauth_error_last().
 */
#ifndef EDUAUTH_C_TEST_H
#define EDUAUTH_C_TEST_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <eduauth.h>

static int c_test_failures = 0;
static int c_test_checks = 0;

#define C_TEST_FAIL_AT(...)                                                                      \
  do {                                                                                           \
    fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                                              \
    fprintf(stderr, __VA_ARGS__);                                                                \
    fputc('\n', stderr);                                                                         \
    c_test_failures++;                                                                           \
  } while (0)

/* A boolean condition. */
#define CHECK(cond)                                                                              \
  do {                                                                                           \
    c_test_checks++;                                                                             \
    if (!(cond)) C_TEST_FAIL_AT("CHECK(%s) failed", #cond);                                      \
  } while (0)

/* A call that must return the given status code. */
#define CHECK_RC(expr, expected)                                                                 \
  do {                                                                                           \
    int c_test_rc_ = (expr);                                                                     \
    int c_test_ex_ = (expected);                                                                 \
    c_test_checks++;                                                                             \
    if (c_test_rc_ != c_test_ex_)                                                                \
      C_TEST_FAIL_AT("%s returned %s (%d), expected %s (%d); last error: %s", #expr,             \
                     eduauth_status_name(c_test_rc_), c_test_rc_, eduauth_status_name(c_test_ex_), \
                     c_test_ex_, eduauth_error_last());                                          \
  } while (0)

#define CHECK_OK(expr) CHECK_RC(expr, EDUAUTH_OK)

/* Two NUL-terminated strings are equal (NULL only equals NULL). */
#define CHECK_STR(actual, expected)                                                              \
  do {                                                                                           \
    const char *c_test_a_ = (actual);                                                            \
    const char *c_test_e_ = (expected);                                                          \
    c_test_checks++;                                                                             \
    if (!((c_test_a_ == NULL && c_test_e_ == NULL) ||                                            \
          (c_test_a_ != NULL && c_test_e_ != NULL && strcmp(c_test_a_, c_test_e_) == 0)))        \
      C_TEST_FAIL_AT("%s is \"%s\", expected \"%s\"", #actual, c_test_a_ ? c_test_a_ : "(null)",  \
                     c_test_e_ ? c_test_e_ : "(null)");                                          \
  } while (0)

/* `haystack` contains `needle`. */
#define CHECK_CONTAINS(haystack, needle)                                                         \
  do {                                                                                           \
    const char *c_test_h_ = (haystack);                                                          \
    const char *c_test_n_ = (needle);                                                            \
    c_test_checks++;                                                                             \
    if (c_test_h_ == NULL || strstr(c_test_h_, c_test_n_) == NULL)                               \
      C_TEST_FAIL_AT("%s is \"%s\", which does not contain \"%s\"", #haystack,                   \
                     c_test_h_ ? c_test_h_ : "(null)", c_test_n_);                               \
  } while (0)

/* Two integers (compared as int64_t) are equal. */
#define CHECK_INT(actual, expected)                                                              \
  do {                                                                                           \
    int64_t c_test_ia_ = (int64_t)(actual);                                                      \
    int64_t c_test_ie_ = (int64_t)(expected);                                                    \
    c_test_checks++;                                                                             \
    if (c_test_ia_ != c_test_ie_)                                                                \
      C_TEST_FAIL_AT("%s is %" PRId64 ", expected %" PRId64, #actual, c_test_ia_, c_test_ie_);    \
  } while (0)

#define C_TEST_RUN(fn)                                                                           \
  do {                                                                                           \
    int c_test_before_ = c_test_failures;                                                        \
    fn();                                                                                        \
    printf("[%s] %s\n", c_test_failures == c_test_before_ ? "  OK  " : " FAIL ", #fn);           \
  } while (0)

static int c_test_finish(void) {
  printf("%d checks, %d failed\n", c_test_checks, c_test_failures);
  return c_test_failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Public test credentials (shared/cases/README.md). */
#define TEST_APP_ID "970CA35de60c44645bbae8a215061b33"
#define TEST_APP_CERT "5CFd2fd1755d40ecb72977518be15d3b"

#endif /* EDUAUTH_C_TEST_H */

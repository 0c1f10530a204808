/*
 * eduauth.i — the one SWIG interface shared by the Java (org.eduauth) and C# (EduAuth)
 * bindings. It wraps the stable C API (c_api/include/eduauth.h) and nothing else: the
 * generated layer is a thin, package-private / internal mirror of the C functions, and the
 * hand-written idiomatic classes (bindings/java, bindings/csharp) sit on top of it.
 *
 * Rules applied here, per language in java/ and csharp/ (shared/DESIGN.md "Bindings"):
 *   - Strings cross as explicit UTF-8 bytes, never JNI modified UTF-8 or the C# ANSI default
 *     (case C-08).
 *   - Opaque handles are plain pointers-as-integers in Java (`long`) and SafeHandles in C#,
 *     so that the idiomatic classes own them and free them exactly once.
 *   - `T **out` handles, `char **out` owned strings (freed here with eduauth_string_free) and
 *     numeric out parameters become one-element holders / C# `out` parameters; every
 *     fallible function keeps its int status, which the idiomatic layer turns into an
 *     EduAuthException with eduauth_error_last().
 *   - Nothing calls back from native into managed code: C function-pointer entry points
 *     (event callback, async get, log sink) are not wrapped; the bindings poll the event
 *     queue on a thread they own and run blocking gets on their own threads instead.
 */
%module EduAuthNative

%{
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "eduauth.h"
%}

%include <stdint.i>

/* Status codes, service types, event kinds and log levels as plain int constants. */
%include <enumsimple.swg>

#if defined(SWIGJAVA)
%include "java/eduauth_java.swg"
#elif defined(SWIGCSHARP)
%include "csharp/eduauth_csharp.swg"
#else
#error "eduauth.i supports Java and C# only"
#endif

/* Opaque handle types (language macros define how a handle crosses). */
EDUAUTH_HANDLE(eduauth_token, TokenHandle)
EDUAUTH_HANDLE(eduauth_client_config, ClientConfigHandle)
EDUAUTH_HANDLE(eduauth_client, ClientHandle)
EDUAUTH_HANDLE(eduauth_event, EventHandle)
EDUAUTH_HANDLE(eduauth_launch_option, LaunchOptionHandle)

/* Caller-owned strings returned through `char **` (freed inside the wrapper / helper). */
%apply char **EDUAUTH_OWNED_STRING { char **out, char **out_json, char **out_token };
/* Borrowed strings returned through `const char **` (live as long as their token). */
%apply const char **EDUAUTH_BORROWED_STRING { const char **out };

/* Numeric out parameters. */
%apply uint32_t *EDUAUTH_U32_OUT { uint32_t *out, uint32_t *out_id, uint32_t *out_value };
%apply int32_t *EDUAUTH_I32_OUT { int32_t *out };
%apply int64_t *EDUAUTH_I64_OUT { int64_t *out_expires_at };
%apply size_t *EDUAUTH_SIZE_OUT { size_t *out };
%apply int *EDUAUTH_INT_OUT { int *out_dropped };

/*
 * Release functions are declared here, before the headers, with the parameter name
 * `released`: managed finalizers / SafeHandle.ReleaseHandle pass the raw pointer (a SafeHandle
 * cannot be marshalled while it is being released). The declarations in the headers are then
 * ignored so that each function is wrapped once.
 */
void eduauth_token_free(eduauth_token *released);
void eduauth_client_config_free(eduauth_client_config *released);
void eduauth_client_free(eduauth_client *released);
void eduauth_event_free(eduauth_event *released);
void eduauth_launch_option_free(eduauth_launch_option *released);
%ignore eduauth_token_free;
%ignore eduauth_client_config_free;
%ignore eduauth_client_free;
%ignore eduauth_event_free;
%ignore eduauth_launch_option_free;

/* Native-to-managed callbacks are not wrapped (see the header comment). */
%ignore eduauth_log_set_sink;
%ignore eduauth_client_config_set_event_callback;
%ignore eduauth_client_get_token_async;

%include "eduauth/common.h"
%include "eduauth/token.h"
%include "eduauth/builders.h"
%include "eduauth/client.h"
%include "eduauth/launch.h"

/*
 * Metrics (eduauth/metrics.h): the struct is not wrapped (Java has no unsigned 64-bit and the
 * struct_size rule is a C concern). This helper, compiled into the binding's own native module,
 * copies one snapshot into an int64 array in field order, fetches_started .. latency_buckets[8]
 * (EDUAUTH_BINDING_METRICS_COUNT values; counters above INT64_MAX saturate); the idiomatic
 * classes read that array.
 */
%ignore eduauth_client_metrics;
%ignore eduauth_client_config_set_metrics_sink;
%ignore eduauth_metrics;
%apply int64_t *EDUAUTH_I64_ARRAY { int64_t *values };
%inline %{
#define EDUAUTH_BINDING_METRICS_COUNT 32
typedef char eduauth_binding_metrics_layout[sizeof(eduauth_metrics) == 8 + 8 * EDUAUTH_BINDING_METRICS_COUNT ? 1 : -1];
static int eduauth_binding_client_metrics(eduauth_client *client, int64_t *values, int32_t count) {
  eduauth_metrics m;
  const uint64_t *fields = &m.fetches_started;
  int32_t i;
  int rc;
  memset(&m, 0, sizeof m);
  m.struct_size = (uint32_t)sizeof m;
  rc = eduauth_client_metrics(client, &m);
  if (rc != EDUAUTH_OK) return rc;
  for (i = 0; i < count && i < EDUAUTH_BINDING_METRICS_COUNT; ++i)
    values[i] = fields[i] > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)fields[i];
  return EDUAUTH_OK;
}
%}

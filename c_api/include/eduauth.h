/*
 * eduauth — the stable C API of the eduauth SDK (Agora Flexible Classroom authentication).
 *
 *   #include <eduauth.h>      link with -leduauth (libeduauth.so.0)
 *
 * Modules (each header is self-contained and may be included on its own):
 *   eduauth/common.h    export macro, version, status codes, per-thread errors, strings, logging
 *   eduauth/token.h     decode, inspect, verify "007" / "006" tokens; JSON form
 *   eduauth/builders.h  token builders (education room-user/user/app, RTM, RTC, chat, 006)
 *   eduauth/client.h    token client: fetch, cache, refresh, events (callback and poll)
 *   eduauth/metrics.h   token client metrics: counters, gauges, fetch latency; snapshot and sink
 *   eduauth/launch.h    launchOption builder with the token consistency check
 *
 * Conventions, units and ownership rules: see eduauth/common.h and shared/DESIGN.md.
 */
#ifndef EDUAUTH_H
#define EDUAUTH_H

#include "eduauth/common.h"
#include "eduauth/token.h"
#include "eduauth/builders.h"
#include "eduauth/client.h"
#include "eduauth/metrics.h"
#include "eduauth/launch.h"

#endif /* EDUAUTH_H */

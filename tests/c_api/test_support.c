/* POSIX helpers for the C API client tests; see test_support.h. */
#define _POSIX_C_SOURCE 200809L
#include "test_support.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <eduauth.h>

#ifndef EDUAUTH_TOKEN_SERVER
#error "EDUAUTH_TOKEN_SERVER (path of eduauth-token-server) must be defined"
#endif

int64_t test_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void test_sleep_ms(int ms) {
  struct timespec ts;
  ts.tv_sec = ms / 1000;
  ts.tv_nsec = (long)(ms % 1000) * 1000000L;
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

/* ---- the sample token server ------------------------------------------------------------ */

int token_server_start(token_server *s, const char *const *extra_args) {
  int out[2];
  const char *argv[16];
  int argc = 0;
  FILE *f;
  char line[256];
  int64_t deadline = test_now_ms() + 20000;
  memset(s, 0, sizeof *s);
  argv[argc++] = EDUAUTH_TOKEN_SERVER;
  argv[argc++] = "--port";
  argv[argc++] = "0";
  while (extra_args && *extra_args && argc < 15) argv[argc++] = *extra_args++;
  argv[argc] = NULL;
  if (pipe(out) != 0) return -1;
  s->pid = fork();
  if (s->pid < 0) return -1;
  if (s->pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    execv(argv[0], (char *const *)argv);
    _exit(127);
  }
  close(out[1]);
  f = fdopen(out[0], "r");
  while (f && test_now_ms() < deadline && fgets(line, sizeof line, f)) {
    const char *p = strstr(line, "listening on http");
    if (p) {
      const char *url = strstr(p, "http");
      size_t n = strcspn(url, " \r\n");
      if (n >= sizeof s->url) n = sizeof s->url - 1;
      memcpy(s->url, url, n);
      s->url[n] = '\0';
      /* Keep our end open until stop: a closed pipe would SIGPIPE the server's next write. */
      s->out = f;
      return 0;
    }
  }
  if (f) fclose(f);
  token_server_stop(s);
  return -1;
}

void token_server_stop(token_server *s) {
  if (s->pid > 0) {
    kill(s->pid, SIGTERM);
    waitpid(s->pid, NULL, 0);
    s->pid = 0;
  }
  if (s->out) {
    fclose((FILE *)s->out);
    s->out = NULL;
  }
}

/* ---- the scripted server ------------------------------------------------------------------ */

struct mini_server {
  int listen_fd;
  int port;
  uint32_t expire_s;
  int64_t issue_offset_s;
  pthread_t thread;
  pthread_mutex_t mu;
  int delay_ms;  /* guarded by mu */
  int stop;      /* guarded by mu */
  int requests;  /* guarded by mu */
  int in_flight; /* guarded by mu */
};

static int stopping(mini_server *m) {
  int s;
  pthread_mutex_lock(&m->mu);
  s = m->stop;
  pthread_mutex_unlock(&m->mu);
  return s;
}

/* Copies the JSON string value of "key" in body into out ("" when absent). */
static void json_string(const char *body, const char *key, char *out, size_t size) {
  char pattern[64];
  const char *p;
  size_t n;
  out[0] = '\0';
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  p = strstr(body, pattern);
  if (!p) return;
  p += strlen(pattern);
  n = strcspn(p, "\"");
  if (n >= size) n = size - 1;
  memcpy(out, p, n);
  out[n] = '\0';
}

static int json_int(const char *body, const char *key) {
  char pattern[64];
  const char *p;
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  p = strstr(body, pattern);
  return p ? atoi(p + strlen(pattern)) : 0;
}

static void serve_one(mini_server *m, int fd) {
  char req[8192];
  size_t len = 0;
  char *body;
  char room[128], user[128], response[2048];
  char *token = NULL;
  int delay, waited = 0, content_length = 0;
  /* Read headers and body (Content-Length). */
  for (;;) {
    struct pollfd pfd;
    ssize_t r;
    char *hdr_end;
    pfd.fd = fd;
    pfd.events = POLLIN;
    if (poll(&pfd, 1, 50) <= 0) {
      if (stopping(m)) return;
      continue;
    }
    r = read(fd, req + len, sizeof req - 1 - len);
    if (r <= 0) return;
    len += (size_t)r;
    req[len] = '\0';
    hdr_end = strstr(req, "\r\n\r\n");
    if (hdr_end) {
      const char *cl = strstr(req, "Content-Length:");
      if (!cl) cl = strstr(req, "content-length:");
      content_length = cl ? atoi(cl + 15) : 0;
      if (len >= (size_t)(hdr_end + 4 - req) + (size_t)content_length) break;
    }
    if (len >= sizeof req - 1) return;
  }
  body = strstr(req, "\r\n\r\n") + 4;
  json_string(body, "roomUuid", room, sizeof room);
  json_string(body, "userUuid", user, sizeof user);
  pthread_mutex_lock(&m->mu);
  m->requests++;
  m->in_flight++;
  delay = m->delay_ms;
  pthread_mutex_unlock(&m->mu);
  /* Wait out the delay in slices so stop() is prompt; delay < 0 holds the connection. */
  while ((delay < 0 || waited < delay) && !stopping(m)) {
    test_sleep_ms(10);
    waited += 10;
  }
  if (!stopping(m)) {
    eduauth_build_education_room_user_token_at(&token, "970CA35de60c44645bbae8a215061b33",
                                               "5CFd2fd1755d40ecb72977518be15d3b", room, user,
                                               json_int(body, "role"), m->expire_s,
                                               (uint32_t)((int64_t)time(NULL) + m->issue_offset_s), 7u);
    char json[1024], date[64];
    time_t now = time(NULL);
    struct tm gmt;
    /* A Date header lets the client measure skew; without it the token counts as issued at
       receipt and an expired token (C-09) would look fresh. */
    gmtime_r(&now, &gmt);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &gmt);
    snprintf(json, sizeof json, "{\"token\":\"%s\",\"code\":\"200\"}", token ? token : "");
    snprintf(response, sizeof response,
             "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
             "Date: %s\r\nContent-Length: %zu\r\n\r\n%s",
             date, strlen(json), json);
    /* MSG_NOSIGNAL: a client that gave up must not kill the test with SIGPIPE. */
    if (send(fd, response, strlen(response), MSG_NOSIGNAL) < 0) {
      /* nothing to do */
    }
    eduauth_string_free(token);
  }
  pthread_mutex_lock(&m->mu);
  m->in_flight--;
  pthread_mutex_unlock(&m->mu);
}

static void *mini_server_main(void *arg) {
  mini_server *m = (mini_server *)arg;
  while (!stopping(m)) {
    struct pollfd pfd;
    int fd;
    pfd.fd = m->listen_fd;
    pfd.events = POLLIN;
    if (poll(&pfd, 1, 50) <= 0) continue;
    fd = accept(m->listen_fd, NULL, NULL);
    if (fd < 0) continue;
    serve_one(m, fd);
    close(fd);
  }
  return NULL;
}

static int listen_loopback(int *port) {
  struct sockaddr_in addr;
  socklen_t alen = sizeof addr;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 16) != 0 ||
      getsockname(fd, (struct sockaddr *)&addr, &alen) != 0) {
    if (fd >= 0) close(fd);
    return -1;
  }
  *port = ntohs(addr.sin_port);
  return fd;
}

mini_server *mini_server_start(int delay_ms, uint32_t expire_s, int64_t issue_offset_s) {
  mini_server *m = (mini_server *)calloc(1, sizeof *m);
  if (!m) return NULL;
  m->listen_fd = listen_loopback(&m->port);
  if (m->listen_fd < 0) {
    free(m);
    return NULL;
  }
  m->delay_ms = delay_ms;
  m->expire_s = expire_s;
  m->issue_offset_s = issue_offset_s;
  pthread_mutex_init(&m->mu, NULL);
  pthread_create(&m->thread, NULL, mini_server_main, m);
  return m;
}

int mini_server_port(const mini_server *m) { return m->port; }

int mini_server_requests(mini_server *m) {
  int n;
  pthread_mutex_lock(&m->mu);
  n = m->requests;
  pthread_mutex_unlock(&m->mu);
  return n;
}

int mini_server_in_flight(mini_server *m) {
  int n;
  pthread_mutex_lock(&m->mu);
  n = m->in_flight;
  pthread_mutex_unlock(&m->mu);
  return n;
}

void mini_server_set_delay(mini_server *m, int delay_ms) {
  pthread_mutex_lock(&m->mu);
  m->delay_ms = delay_ms;
  pthread_mutex_unlock(&m->mu);
}

void mini_server_stop(mini_server *m) {
  if (!m) return;
  pthread_mutex_lock(&m->mu);
  m->stop = 1;
  pthread_mutex_unlock(&m->mu);
  pthread_join(m->thread, NULL);
  close(m->listen_fd);
  pthread_mutex_destroy(&m->mu);
  free(m);
}

int unused_port(void) {
  int port = 0;
  int fd = listen_loopback(&port);
  if (fd >= 0) close(fd);
  return port;
}

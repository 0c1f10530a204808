/*
 * C API: freeing a client while it is busy. eduauth_client_free runs on another thread
 * while a refresh is in flight at the token server and an event callback is running: no
 * crash, no callback after free returns, every user-data destructor called exactly once.
 * Also: free from inside the client's own callback, and free while a thread is blocked in
 * eduauth_client_next_event. Runs under ASan+UBSan (native) and ThreadSanitizer (tsan).
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "c_test.h"
#include "test_support.h"

struct shared {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int in_callback;      /* a callback is running right now */
  int callbacks;        /* callbacks that ran (events + async completions) */
  int started;          /* callbacks that started */
  int after_free;       /* callbacks that started after free returned */
  int freed;            /* set once eduauth_client_free returned */
  int event_destroyed;  /* event user data released */
  int async_destroyed;  /* async user data released */
  int async_closed;     /* async completions with EDUAUTH_E_CLOSED */
  eduauth_client *client;
  int free_in_callback; /* scenario B: the first callback frees the client */
};

static void enter(struct shared *s) {
  pthread_mutex_lock(&s->mu);
  s->in_callback++;
  s->started++;
  if (s->freed) s->after_free++;
  pthread_cond_broadcast(&s->cv);
  pthread_mutex_unlock(&s->mu);
}

static void leave(struct shared *s) {
  pthread_mutex_lock(&s->mu);
  s->in_callback--;
  s->callbacks++;
  pthread_cond_broadcast(&s->cv);
  pthread_mutex_unlock(&s->mu);
}

static void slow_event(void *user_data, const eduauth_event *e) {
  struct shared *s = (struct shared *)user_data;
  eduauth_client *to_free = NULL;
  (void)e;
  enter(s);
  pthread_mutex_lock(&s->mu);
  if (s->free_in_callback && s->client) {
    to_free = s->client;
    s->client = NULL;
  }
  pthread_mutex_unlock(&s->mu);
  if (to_free) {
    eduauth_client_free(to_free); /* allowed: does not wait for this very callback */
  } else {
    test_sleep_ms(200); /* a slow app callback, so that free overlaps it */
  }
  leave(s);
}

static void event_destroy(void *user_data) {
  struct shared *s = (struct shared *)user_data;
  pthread_mutex_lock(&s->mu);
  s->event_destroyed++;
  pthread_cond_broadcast(&s->cv);
  pthread_mutex_unlock(&s->mu);
}

static void slow_async(void *user_data, int32_t status, const char *token, int64_t expires_at, const char *message) {
  struct shared *s = (struct shared *)user_data;
  (void)token;
  (void)expires_at;
  (void)message;
  enter(s);
  if (status == EDUAUTH_E_CLOSED) {
    pthread_mutex_lock(&s->mu);
    s->async_closed++;
    pthread_mutex_unlock(&s->mu);
  } else {
    test_sleep_ms(100);
  }
  leave(s);
}

static void async_destroy(void *user_data) {
  struct shared *s = (struct shared *)user_data;
  pthread_mutex_lock(&s->mu);
  s->async_destroyed++;
  pthread_mutex_unlock(&s->mu);
}

static void *free_thread(void *arg) {
  struct shared *s = (struct shared *)arg;
  eduauth_client_free(s->client);
  pthread_mutex_lock(&s->mu);
  s->freed = 1;
  s->client = NULL;
  pthread_mutex_unlock(&s->mu);
  return NULL;
}

static void shared_init(struct shared *s) {
  memset(s, 0, sizeof *s);
  pthread_mutex_init(&s->mu, NULL);
  pthread_cond_init(&s->cv, NULL);
}

static void shared_destroy(struct shared *s) {
  pthread_mutex_destroy(&s->mu);
  pthread_cond_destroy(&s->cv);
}

static eduauth_client *new_client(mini_server *m, struct shared *s) {
  char url[64];
  eduauth_client_config *cfg = NULL;
  eduauth_client *client = NULL;
  snprintf(url, sizeof url, "http://127.0.0.1:%d", mini_server_port(m));
  CHECK_OK(eduauth_client_config_new(&cfg));
  CHECK_OK(eduauth_client_config_set_server_url(cfg, url));
  CHECK_OK(eduauth_client_config_set_event_callback(cfg, slow_event, s, event_destroy));
  CHECK_OK(eduauth_client_new(&client, cfg));
  eduauth_client_config_free(cfg);
  return client;
}

/* Scenario A, several rounds. */
static void test_free_from_another_thread_while_busy(void) {
  int round;
  mini_server *m = mini_server_start(300, 3600, 0);
  CHECK(m != NULL);
  for (round = 0; round < 3; ++round) {
    struct shared s;
    pthread_t t;
    int callbacks_at_free, waited = 0;
    shared_init(&s);
    s.client = new_client(m, &s);
    CHECK_OK(eduauth_client_get_token_async(s.client, "room-1", "user-1", 2, slow_async, &s, async_destroy));
    /* Wait until a callback is running (the first token arrived after ~300 ms)... */
    pthread_mutex_lock(&s.mu);
    while (s.started == 0 && waited < 500) {
      pthread_mutex_unlock(&s.mu);
      test_sleep_ms(20);
      waited++;
      pthread_mutex_lock(&s.mu);
    }
    pthread_mutex_unlock(&s.mu);
    CHECK(s.started > 0);
    /* ...start another fetch (in flight for 300 ms) and another async get, then free. */
    CHECK_OK(eduauth_client_prefetch(s.client, "room-2", "user-2", 1));
    CHECK_OK(eduauth_client_get_token_async(s.client, "room-3", "user-3", 1, slow_async, &s, async_destroy));
    test_sleep_ms(30 * round); /* vary the overlap a little between rounds */
    CHECK(pthread_create(&t, NULL, free_thread, &s) == 0);
    pthread_join(t, NULL);
    pthread_mutex_lock(&s.mu);
    CHECK_INT(s.in_callback, 0); /* free waited for the running callback */
    CHECK_INT(s.event_destroyed, 1);
    CHECK_INT(s.async_destroyed, 2); /* both async gets released their user data */
    callbacks_at_free = s.callbacks;
    pthread_mutex_unlock(&s.mu);
    /* Give any stray work (the fetch that was in flight) time to finish: nothing may call back. */
    test_sleep_ms(500);
    pthread_mutex_lock(&s.mu);
    CHECK_INT(s.after_free, 0);
    CHECK_INT(s.callbacks, callbacks_at_free);
    CHECK_INT(s.event_destroyed, 1);
    CHECK_INT(s.async_destroyed, 2);
    printf("  round %d: %d callbacks, %d async closed, server requests so far %d\n", round, s.callbacks,
           s.async_closed, mini_server_requests(m));
    pthread_mutex_unlock(&s.mu);
    shared_destroy(&s);
  }
  mini_server_stop(m);
}

/* Scenario B: the client's own event callback frees it. */
static void test_free_from_own_callback(void) {
  struct shared s;
  mini_server *m = mini_server_start(0, 3600, 0);
  int waited = 0;
  shared_init(&s);
  s.free_in_callback = 1;
  s.client = new_client(m, &s);
  CHECK_OK(eduauth_client_prefetch(s.client, "room-1", "user-1", 2));
  pthread_mutex_lock(&s.mu);
  while (s.event_destroyed == 0 && waited < 250) {
    pthread_mutex_unlock(&s.mu);
    test_sleep_ms(20);
    waited++;
    pthread_mutex_lock(&s.mu);
  }
  CHECK_INT(s.event_destroyed, 1);
  CHECK(s.client == NULL);
  pthread_mutex_unlock(&s.mu);
  test_sleep_ms(200);
  pthread_mutex_lock(&s.mu);
  CHECK_INT(s.started, 1);
  CHECK_INT(s.event_destroyed, 1);
  pthread_mutex_unlock(&s.mu);
  mini_server_stop(m);
  shared_destroy(&s);
}

struct poller {
  eduauth_client *client;
  int rc;
  int64_t elapsed_ms;
};

static void *poll_thread(void *arg) {
  struct poller *p = (struct poller *)arg;
  eduauth_event *ev = NULL;
  int64_t t0 = test_now_ms();
  /* A binding's event thread: blocks for up to 10 s per call until the client goes away. */
  for (;;) {
    p->rc = eduauth_client_next_event(&ev, p->client, 10000);
    if (p->rc != EDUAUTH_OK) break;
    eduauth_event_free(ev);
  }
  p->elapsed_ms = test_now_ms() - t0;
  return NULL;
}

/* Scenario C: free wakes a thread blocked in next_event and waits for it to leave. */
static void test_free_while_polling(void) {
  struct shared s;
  struct poller p;
  pthread_t t;
  mini_server *m = mini_server_start(0, 3600, 0);
  int64_t t0;
  shared_init(&s);
  s.client = new_client(m, &s);
  p.client = s.client;
  p.rc = 0;
  p.elapsed_ms = 0;
  CHECK(pthread_create(&t, NULL, poll_thread, &p) == 0);
  test_sleep_ms(100); /* let it block */
  t0 = test_now_ms();
  eduauth_client_free(s.client);
  CHECK(test_now_ms() - t0 < 3000);
  pthread_join(t, NULL);
  CHECK_RC(p.rc, EDUAUTH_E_CLOSED);
  CHECK(p.elapsed_ms < 5000);
  CHECK_INT(s.event_destroyed, 1);
  mini_server_stop(m);
  shared_destroy(&s);
}

int main(void) {
  C_TEST_RUN(test_free_from_another_thread_while_busy);
  C_TEST_RUN(test_free_from_own_callback);
  C_TEST_RUN(test_free_while_polling);
  return c_test_finish();
}

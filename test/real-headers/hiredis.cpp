// Real hiredis headers (libhiredis-dev).
// RUN: %check_session %s -- %hiredis_flags

#include <async.h>
#include <hiredis.h>
#include <memory>
#include <string>

class RateLimiter {
public:
  RateLimiter() : Ctx(redisConnect("127.0.0.1", 6379)) {}
  bool allowRequest(const char *Client);

private:
  redisContext *Ctx;
// CHECK-NOTES: :[[@LINE-1]]:17: warning: session 'Ctx' of type 'redisContext *' is stored in a member of 'RateLimiter'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

class EventBus {
public:
  void publishEvent(const char *Name);

private:
  redisAsyncContext *Async = nullptr;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: session 'Async' of type 'redisAsyncContext *' is stored in a member of 'EventBus'; open it per operation in an RAII scope or take it as a parameter [session-member-storage]
};

static std::unique_ptr<redisContext, decltype(&redisFree)> Cache{nullptr,
// CHECK-NOTES: :[[@LINE-1]]:60: warning: session 'Cache' of type 'std::unique_ptr<redisContext, decltype(&redisFree)>' is a namespace-scope variable: it stays open for the life of the process and every caller shares it; open it per unit of work in an RAII scope or take it as a parameter [session-static-storage]
                                                                 &redisFree};

void backgroundJob() {
  std::unique_ptr<redisContext, decltype(&redisFree)> Ctx(
      redisConnect("127.0.0.1", 6379), &redisFree);
  freeReplyObject(redisCommand(Ctx.get(), "PING"));
}
void handleRequest(redisContext *Ctx) {
  freeReplyObject(redisCommand(Ctx, "PING"));
}

// An RAII client whose interface is Redis's own verbs: a wrapper.
class RedisClient {
public:
  RedisClient(const char *Host, int Port) : Ctx(redisConnect(Host, Port)) {}
  ~RedisClient() { redisFree(Ctx); }
  std::string send_command(const std::string &Command);
  std::string get(const std::string &Key);
  void set(const std::string &Key, const std::string &Value);

private:
  redisContext *Ctx;
};

// session-unscoped-acquire: an error context must be freed too.
bool ping(const char *Host) {
  redisContext *Ctx = redisConnect(Host, 6379);
// CHECK-NOTES: :[[@LINE-1]]:23: warning: session 'Ctx' acquired by 'redisConnect' is not released on every path out of 'ping'; own it with 'std::unique_ptr<redisContext, decltype(&redisFree)>' [session-unscoped-acquire]
// CHECK-NOTES: :[[@LINE+2]]:5: note: leaked when this return is taken
  if (Ctx == nullptr || Ctx->err)
    return false;
  freeReplyObject(redisCommand(Ctx, "PING"));
  redisFree(Ctx);
  return true;
}
bool pingSafely(const char *Host) {
  redisContext *Ctx = redisConnect(Host, 6379);
  if (Ctx == nullptr)
    return false;
  bool Ok = !Ctx->err;
  if (Ok)
    freeReplyObject(redisCommand(Ctx, "PING"));
  redisFree(Ctx);
  return Ok;
}

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
};
class EventBus {
public:
  void publishEvent(const char *Name);

private:
  redisAsyncContext *Async = nullptr;
};
static std::unique_ptr<redisContext, decltype(&redisFree)> Cache{nullptr,
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


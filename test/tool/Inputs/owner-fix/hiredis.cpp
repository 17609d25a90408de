#include <hiredis.h>

void touch(const char *Key) {
  redisContext *Ctx = redisConnect("127.0.0.1", 6379);
  if (Ctx->err)
    return;
  freeReplyObject(redisCommand(Ctx, "SET %s 1", Key));
  redisFree(Ctx);
}

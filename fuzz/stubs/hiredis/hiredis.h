// Stub hiredis for the analysis fuzzer.
#pragma once
extern "C" {
struct timeval { long tv_sec; long tv_usec; };
typedef struct redisContext { int err; char errstr[128]; } redisContext;
typedef struct redisAsyncContext { int err; } redisAsyncContext;
typedef struct redisReply { int type; long long integer; char *str; } redisReply;
redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectWithTimeout(const char *ip, int port, const struct timeval tv);
redisContext *redisConnectNonBlock(const char *ip, int port);
redisContext *redisConnectUnix(const char *path);
void redisFree(redisContext *c);
void *redisCommand(redisContext *c, const char *format, ...);
void freeReplyObject(void *reply);
redisAsyncContext *redisAsyncConnect(const char *ip, int port);
void redisAsyncFree(redisAsyncContext *ac);
}

// A project's vendored copy of a C client library (a stand-in with the
// declarations the test needs): the folder it is found in is the library's
// header tree, as the compiler resolved it.
#pragma once

typedef struct redisContext {
  int err;
  int fd;
} redisContext;

redisContext *redisConnect(const char *ip, int port);
void *redisCommand(redisContext *c, const char *format, ...);
void redisFree(redisContext *c);

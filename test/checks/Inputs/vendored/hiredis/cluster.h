// A vendored hiredis add-on (C): its structs are the library's own.
#pragma once
#include <hiredis.h>

typedef struct redisClusterNode {
  char *host;
  int port;
  redisContext *con;
} redisClusterNode;

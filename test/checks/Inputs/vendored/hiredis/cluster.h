// A vendored hiredis add-on (C), in the vendored library's own folder: its
// structs are the library's own.
#pragma once
#include "hiredis.h"

typedef struct redisClusterNode {
  char *host;
  int port;
  redisContext *con;
} redisClusterNode;

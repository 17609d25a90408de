// The project's own code in a folder named like a client library: still the
// project's, so its service is reported.
#pragma once
#include <hiredis/hiredis.h>

class SessionCache {
public:
  void rememberLogin(int UserId);

private:
  redisContext *Redis = nullptr;
};

// The project's own header next to the vendored ones: still checked.
#pragma once
#include <hiredis/hiredis.h>

class InventoryClient {
public:
  int reserveItem(int ItemId);

private:
  redisContext *Ctx = nullptr;
};

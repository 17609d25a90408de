#include "db.h"

class CartService {
public:
  int items(int CartId) { return Conn.exec("SELECT count(*) FROM cart_items"); }

private:
  shop::Db Conn{"dbname=shop"};
};

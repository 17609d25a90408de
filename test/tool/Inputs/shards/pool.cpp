#include <soci/soci.h>

void serve() { soci::connection_pool Pool(4); }

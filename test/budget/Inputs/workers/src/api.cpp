// The API server: a pool of 4 connections, 8 request threads.
#include <boost/asio/thread_pool.hpp>
#include <soci/soci.h>
soci::connection_pool Pool(4);
boost::asio::thread_pool Requests(8);

#pragma once
namespace app {
struct Db {};
} // namespace app

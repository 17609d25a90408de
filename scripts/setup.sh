#!/usr/bin/env bash
# Installs what session-lint needs on Debian 12 (LLVM 19, the database client
# headers the tests compile against), then configures and builds it.
# Safe to re-run: installed packages are skipped, the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ python3
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 clang-tidy-19
  llvm-19-tools libfmt-dev libgtest-dev
  # session-clangd: clangd's static libraries link gRPC and protobuf.
  libgrpc++-dev libprotobuf-dev
  # The end-to-end budget test runs a throwaway PostgreSQL server.
  postgresql
  # The integration tests: a git repository with session-lint's pre-commit
  # hook, through the pre-commit framework too; workflow files read as YAML.
  git pre-commit python3-yaml
  # The client libraries of the session catalog (SPEC §3).
  libpqxx-dev libsoci-dev libpoco-dev qtbase5-dev libmysqlcppconn-dev
  libsqlitecpp-dev libpq-dev libsqlite3-dev unixodbc-dev libmariadb-dev
  libhiredis-dev libcppdb-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build

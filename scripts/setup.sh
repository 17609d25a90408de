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
  # The end-to-end budget tests run a throwaway PostgreSQL server, and one
  # of them PgBouncer in front of it.
  postgresql pgbouncer
  # The integration tests: a git repository with session-lint's pre-commit
  # hook, through the pre-commit framework too; workflow files read as YAML.
  git pre-commit python3-yaml
  # session-clangd is tested in a real editor's LSP client.
  neovim
  # The batch tests: the HTML report is checked in a real browser.
  chromium
  # The sanitizer build and the fuzzers (scripts/test-sanitizers.sh): the
  # ASan, UBSan and libFuzzer runtimes of clang-19.
  libclang-rt-19-dev
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
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build

# Microsoft's SARIF validator for the format tests (a self-contained binary
# in an npm package; npm 11 does not run its chmod install script).
sarif=build/tools/sarif-multitool
multitool=$sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$multitool" ] && ! command -v npm >/dev/null; then
  echo "setup: installing npm"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends nodejs npm >/dev/null
fi
if [ ! -x "$multitool" ]; then
  echo "setup: installing @microsoft/sarif-multitool from the npm registry"
  mkdir -p "$sarif"
  if npm install --prefix "$sarif" --no-audit --no-fund --loglevel=error \
      @microsoft/sarif-multitool@5.7.0 >/dev/null; then
    chmod u+x "$multitool"
  else
    echo "setup: could not install the SARIF validator; its tests will be skipped"
  fi
fi

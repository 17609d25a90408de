#!/usr/bin/env bash
# Fetches the real-code corpus once, at the commits pinned in projects.tsv,
# installs the Debian packages each project needs, and configures each with
# CMake and clang++-19 to produce its compile_commands.json (plus, where a
# project generates headers at build time, only those: Qt's moc/uic output).
#
#   bench/real/setup.sh [WORK]        # WORK defaults to build-bench-work/real
#
# A project's source comes from, in this order: WORK/src/NAME already there;
# a local mirror of the repository ($MIRRORS/OWNER+NAME/repo, a bare git
# directory, exported with `git archive` at the pinned commit); a git clone of
# https://github.com/OWNER/NAME at the pinned commit. A mirror may lack a
# few large blobs (test data); they are left out and listed in SRC/.missing. Nothing is built but
# the generated headers; bench/real/run.py replays the commands.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-$ROOT/build-bench-work/real}
MIRRORS=${MIRRORS:-/work/.mirror}
mkdir -p "$WORK/src" "$WORK/build"

need=()
while IFS=$'\t' read -r name repo commit packages _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  IFS=, read -ra list <<<"$packages"
  for p in "${list[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
done <"$HERE/projects.tsv"
need+=()
for tool in cmake ninja-build clang-19; do dpkg -s "$tool" >/dev/null 2>&1 || need+=("$tool"); done
if ((${#need[@]})); then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

while IFS=$'\t' read -r name repo commit packages cmake_args autogen notes; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  src="$WORK/src/$name" bld="$WORK/build/$name"
  if [[ ! -f "$src/.pinned" || "$(cat "$src/.pinned")" != "$commit" ]]; then
    rm -rf "$src" && mkdir -p "$src"
    mirror="$MIRRORS/${repo/\//+}/repo"
    if [[ -d "$mirror" ]] && git -C "$mirror" cat-file -e "$commit^{commit}" 2>/dev/null; then
      echo "$name: $commit from $mirror"
      # A mirror may lack its largest blobs (test data): those are left out
      # and listed in $src/.missing.
      if ! git -C "$mirror" archive "$commit" 2>/dev/null | tar -x -C "$src"; then
        rm -rf "$src" && mkdir -p "$src"
        python3 "$HERE/export_tree.py" "$mirror" "$commit" "$src"
      fi
    else
      echo "$name: cloning https://github.com/$repo at $commit"
      git clone -q "https://github.com/$repo" "$src"
      git -C "$src" checkout -q "$commit"
    fi
    echo "$commit" >"$src/.pinned"
  fi
  read -ra args <<<"$cmake_args"
  echo "$name: configuring ($cmake_args)"
  cmake -S "$src" -B "$bld" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "${args[@]}" >"$bld.configure.log" 2>&1 ||
    { echo "$name: cmake failed, see $bld.configure.log"; exit 1; }
  if [[ "$autogen" == autogen ]]; then
    # Qt's generated sources the units include or are (ui_*.h, moc_*.cpp,
    # mocs_compilation.cpp, qrc_*.cpp), made by CMake's own autogen steps run
    # directly: the autogen targets would first build the project's libraries.
    echo "$name: generating Qt's moc, uic and rcc output"
    find "$bld" -name AutogenInfo.json | sort | while read -r info; do
      (cd "$(dirname "$(dirname "$(dirname "$info")")")" &&
        cmake -E cmake_autogen "$info" Release) >>"$bld.autogen.log" 2>&1
    done
    find "$bld" -name 'AutoRcc_*_Info.json' | sort | while read -r info; do
      (cd "$(dirname "$(dirname "$(dirname "$info")")")" &&
        cmake -E cmake_autorcc "$info" Release) >>"$bld.autogen.log" 2>&1 ||
        echo "$name: rcc failed for $info (its unit is left out of the replay)"
    done
  fi
  echo "$name: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$bld/compile_commands.json") translation units in $bld/compile_commands.json"
done <"$HERE/projects.tsv"

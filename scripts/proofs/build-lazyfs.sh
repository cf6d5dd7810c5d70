#!/usr/bin/env bash
# Builds LazyFS (github.com/dsrhaslab/lazyfs, a FUSE filesystem that keeps written data in its own page
# cache until fsync and drops it on command, as a power cut does) for `npm run proof:power`.
# The LazyFS source is not part of this repository: pass a checkout (LAZYFS_SRC=dir) or a git directory
# (LAZYFS_GIT_DIR=dir, exported with `git archive HEAD`). Its CMake files fetch toml11 and spdlog from
# the network (FetchContent); here they use Debian's packages instead (find_package), so the build needs
# no network: apt-get install cmake g++ pkg-config fuse3 libfuse3-dev libtoml11-dev libspdlog-dev.
# Output: $LAZYFS_BUILD/lazyfs/build/lazyfs (default LAZYFS_BUILD=.cache/lazyfs, ignored by git).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${LAZYFS_BUILD:-$ROOT/.cache/lazyfs}"

missing=()
for tool in cmake g++ pkg-config; do command -v "$tool" >/dev/null || missing+=("$tool"); done
for pc in fuse3; do pkg-config --exists "$pc" 2>/dev/null || missing+=("lib$pc-dev"); done
[ -f /usr/include/toml.hpp ] || [ -f /usr/include/toml11/toml.hpp ] || missing+=(libtoml11-dev)
[ -f /usr/include/spdlog/spdlog.h ] || missing+=(libspdlog-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "build-lazyfs: missing ${missing[*]} (Debian: apt-get install cmake g++ pkg-config fuse3 libfuse3-dev libtoml11-dev libspdlog-dev)" >&2
  exit 2
fi

rm -rf "$BUILD"
mkdir -p "$BUILD"
if [ -n "${LAZYFS_SRC:-}" ]; then
  cp -a "$LAZYFS_SRC/." "$BUILD/"
elif [ -n "${LAZYFS_GIT_DIR:-}" ]; then
  # Only what the build needs (a mirror may lack the large test fixtures).
  git --git-dir="$LAZYFS_GIT_DIR" archive HEAD lazyfs libs | tar -x -C "$BUILD"
else
  echo "build-lazyfs: no LazyFS source: set LAZYFS_SRC to a checkout of dsrhaslab/lazyfs or LAZYFS_GIT_DIR to its git directory" >&2
  exit 2
fi

# libpcache: toml11 and spdlog from the system instead of FetchContent.
python3 - "$BUILD/libs/libpcache/CMakeLists.txt" "$BUILD/lazyfs/CMakeLists.txt" <<'PY'
import re, sys
pcache, lazyfs = sys.argv[1], sys.argv[2]
s = open(pcache).read()
s = re.sub(r'include\(FetchContent\)\s*', '', s)
s = re.sub(r'FetchContent_Declare\(\s*toml.*?\)\s*FetchContent_MakeAvailable\(toml\)', 'find_package(toml11 REQUIRED)', s, flags=re.S)
s = re.sub(r'FetchContent_Declare\(spdlog.*?\)\s*FetchContent_MakeAvailable\(spdlog\)', 'find_package(spdlog REQUIRED)', s, flags=re.S)
s = s.replace('set_target_properties(spdlog PROPERTIES POSITION_INDEPENDENT_CODE ON)', '')
s = s.replace('target_link_libraries(pcache toml11::toml11 spdlog)', 'target_link_libraries(pcache toml11::toml11 spdlog::spdlog)')
assert 'FetchContent' not in s, 'libpcache CMakeLists.txt: FetchContent left'
open(pcache, 'w').write(s)
s = open(lazyfs).read()
s = s.replace('link_directories(../libs/libpcache/build/_deps/spdlog-build/)\n', '')
s = s.replace('include_directories(../libs/libpcache/build/_deps/spdlog-src/include)\n', 'find_package(spdlog REQUIRED)\nfind_package(toml11 REQUIRED)\n')
s = s.replace('target_link_libraries(${CMAKE_PROJECT_NAME} fuse3 Threads::Threads libpcache.so)',
              'target_link_libraries(${CMAKE_PROJECT_NAME} fuse3 Threads::Threads ${CMAKE_CURRENT_SOURCE_DIR}/../libs/libpcache/build/libpcache.so spdlog::spdlog toml11::toml11)')
open(lazyfs, 'w').write(s)
PY

jobs="$(nproc 2>/dev/null || echo 1)"
(cd "$BUILD/libs/libpcache" && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build -j "$jobs")
(cd "$BUILD/lazyfs" && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DLAZYFS_BUILD_TESTS=OFF >/dev/null && cmake --build build -j "$jobs")
echo "$BUILD/lazyfs/build/lazyfs"

#!/usr/bin/env bash
# Builds the static Windows libraries the cross-build links, from Debian's own source packages, into
# build-windows/deps (or $BUILD_DIR/deps): GLFW, Dear ImGui (core + GLFW + OpenGL3 backends) and SQLite.
# No foreign source is committed: `apt-get source` fetches them through a private apt configuration
# whose deb-src entries are made from this machine's apt sources (one-line and deb822 formats), with
# its own state and cache under the build folder, so the system's apt is neither read-modified nor
# needs root. The versions are the ones installed on the host, so Linux and Windows match.
# Quick when done: each library is rebuilt only when its stamp is missing or its source version changes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-windows}
deps=$build/deps
prefix=$deps/install
triple=x86_64-w64-mingw32
cc=$triple-gcc-posix
cxx=$triple-g++-posix
jobs=${JOBS:-$(nproc)}

for tool in "$cc" "$cxx" "$triple-ar" apt-get dpkg-source; do
  command -v "$tool" >/dev/null || {
    echo "error: $tool not found: run scripts/install-deps.sh windows (mingw-w64, dpkg-dev)" >&2; exit 1; }
done

# The source package and version that the host's -dev package was built from, so both builds match.
source_version() {
  dpkg-query -W -f='${source:Version}' "$1" 2>/dev/null || true
}

# Names each library's wanted source as "package=version" (or just the package if the -dev
# package is not installed).
want_glfw=glfw3; v=$(source_version libglfw3-dev); [ -n "$v" ] && want_glfw="glfw3=$v"
want_imgui=imgui; v=$(source_version libimgui-dev); [ -n "$v" ] && want_imgui="imgui=$v"
# The stamp names what is built too, so adding a unit rebuilds the library.
imgui_recipe="$want_imgui +stdlib"
want_sqlite=sqlite3; v=$(source_version libsqlite3-dev); [ -n "$v" ] && want_sqlite="sqlite3=$v"

stamp_ok() { [ -f "$deps/stamps/$1" ] && [ "$(cat "$deps/stamps/$1")" = "$2" ]; }
all_built() {
  stamp_ok glfw "$want_glfw" && stamp_ok imgui "$imgui_recipe" && stamp_ok sqlite "$want_sqlite"
}
if all_built; then
  echo "Windows dependencies are built ($deps)."
  exit 0
fi
mkdir -p "$deps/stamps" "$prefix/include" "$prefix/lib"

# --- a private apt: deb-src entries for this Debian release, from the system's own sources ---
apt_dir=$deps/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources.list.d" \
         "$apt_dir/preferences.d" "$apt_dir/src"
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ -n "$codename" ] || { echo "error: no VERSION_CODENAME in /etc/os-release" >&2; exit 1; }

one_line_sources() {
  # "deb [options] URI SUITE COMPONENT..." -> the same as deb-src, for this release's suites only.
  awk -v cn="$codename" '
    /^[ \t]*deb[ \t]/ {
      line = $0; sub(/^[ \t]*deb/, "", line)
      opts = ""; if (match(line, /\[[^]]*\]/)) { opts = substr(line, RSTART, RLENGTH); line = substr(line, RSTART + RLENGTH) }
      n = split(line, f, /[ \t]+/); k = 0
      for (i = 1; i <= n; i++) if (f[i] != "") w[++k] = f[i]
      if (k >= 3 && w[2] ~ ("^" cn "(-[a-z]+)?/?$")) {
        printf "deb-src %s %s %s", opts, w[1], w[2]
        for (i = 3; i <= k; i++) printf " %s", w[i]
        printf "\n"
      }
    }' "$@"
}

deb822_sources() {
  # Stanzas whose Types include "deb" and are not disabled, as deb-src, keeping every other field
  # (Signed-By, inline keys included, through its continuation lines), this release's suites only.
  awk -v cn="$codename" '
    function flush(   i, n, ss, out) {
      if (nf > 0 && enabled != "no" && types ~ /(^|[ \t])deb([ \t]|$)/) {
        n = split(suites, ss, /[ \t]+/); out = ""
        for (i = 1; i <= n; i++) if (ss[i] ~ ("^" cn "(-[a-z]+)?/?$")) out = out (out == "" ? "" : " ") ss[i]
        if (out != "") {
          printf "Types: deb-src\nSuites: %s\n", out
          for (i = 1; i <= nf; i++) printf "%s\n", keep[i]
          printf "\n"
        }
      }
      nf = 0; types = ""; suites = ""; enabled = "yes"; skip = 0
    }
    BEGIN { nf = 0; enabled = "yes" }
    /^[ \t]*#/ { next }
    /^[ \t]*$/ { flush(); next }
    /^[ \t]/ { if (!skip) keep[++nf] = $0; next }
    {
      key = tolower(substr($0, 1, index($0, ":") - 1)); val = substr($0, index($0, ":") + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", val); skip = 0
      if (key == "types") { types = val; skip = 1 }
      else if (key == "suites") { suites = val; skip = 1 }
      else if (key == "enabled") { enabled = tolower(val); skip = 1 }
      else keep[++nf] = $0
    }
    END { flush() }' "$@"
}

# One-line entries go to a .list file and deb822 stanzas to a .sources file: apt reads each format
# by its file name.
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [ -f "$f" ] && one_line_sources "$f"
done >"$apt_dir/sources.list"
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] && deb822_sources "$f"
done >"$apt_dir/sources.list.d/system.sources"
if ! grep -qs 'deb-src' "$apt_dir/sources.list" "$apt_dir/sources.list.d/system.sources"; then
  echo "error: found no Debian $codename entry in /etc/apt/sources.list or sources.list.d to make deb-src from" >&2
  exit 1
fi

cat >"$apt_dir/apt.conf" <<CONF
Dir::State "$apt_dir";
Dir::State::lists "$apt_dir/lists";
Dir::State::status "/var/lib/dpkg/status";
Dir::Cache "$apt_dir/cache";
Dir::Etc::SourceList "$apt_dir/sources.list";
Dir::Etc::SourceParts "$apt_dir/sources.list.d";
Dir::Etc::Preferences "$apt_dir/preferences";
Dir::Etc::PreferencesParts "$apt_dir/preferences.d";
APT::Sandbox::User "$(id -un)";
Debug::NoLocking "true";
CONF
export APT_CONFIG=$apt_dir/apt.conf

# Fetches and unpacks one source package into src/<name>/ once per wanted version; prints the
# unpacked folder.
fetch() {
  local want=$1 name=${1%%=*} dir=$apt_dir/src/${1%%=*}
  if [ "$(cat "$dir/.want" 2>/dev/null)" != "$want" ]; then
    if [ ! -f "$apt_dir/lists/.updated" ]; then
      apt-get -q update >"$apt_dir/update.log" 2>&1 || {
        echo "error: apt-get update (deb-src) failed; see $apt_dir/update.log" >&2; exit 1; }
      touch "$apt_dir/lists/.updated"
    fi
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && apt-get -q source --only-source "$want" >"$apt_dir/source-$name.log" 2>&1) || {
      echo "error: apt-get source $want failed; see $apt_dir/source-$name.log" >&2; exit 1; }
    echo "$want" >"$dir/.want"
  fi
  find "$dir" -mindepth 1 -maxdepth 1 -type d | head -n1
}

toolchain=$root/cmake/toolchains/mingw-w64-x86_64.cmake
# ccache when the machine has it (CI runs this script each time; a rebuild after a version change is
# then mostly cache hits).
ccache=(); launcher=()
if command -v ccache >/dev/null; then
  ccache=(ccache)
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
objs=$deps/obj

# --- header-only dependencies: Debian's host headers, staged alone so the Windows build never sees
# /usr/include (whose system headers are Linux's) ---
stage_headers() {
  local d
  for d in nlohmann doctest stb; do
    [ -d "/usr/include/$d" ] || {
      echo "error: /usr/include/$d is missing: run scripts/install-deps.sh windows" >&2; exit 1; }
    rm -rf "$prefix/include/$d"
    cp -a "/usr/include/$d" "$prefix/include/$d"
  done
}
headers_version="$(dpkg-query -W -f='${Version} ' nlohmann-json3-dev doctest-dev libstb-dev 2>/dev/null || true)"
if ! stamp_ok headers "$headers_version"; then
  stage_headers
  echo "$headers_version" >"$deps/stamps/headers"
fi

# --- SQLite: Debian's source package is SQLite's full tree, not the amalgamation. SQLite's own build
# makes the amalgamation (sqlite3.c) from it with tclsh and small tools compiled for this machine;
# that one file is then compiled for Windows with the feature options the history needs. It is one
# long compile on one core, so it runs in the background while GLFW and ImGui take the others. ---
build_sqlite() {
  local src=$1
  echo "Building SQLite for Windows from $(basename "$src")"
  rm -rf "$objs/sqlite" && mkdir -p "$objs/sqlite"
  (cd "$objs/sqlite" && "$src/configure" --disable-tcl --disable-readline >"$deps/sqlite.log" 2>&1 &&
   make sqlite3.c >>"$deps/sqlite.log" 2>&1) || {
    echo "error: making SQLite's amalgamation failed; see $deps/sqlite.log" >&2; exit 1; }
  "${ccache[@]}" "$cc" -O2 -DSQLITE_THREADSAFE=1 -DSQLITE_SECURE_DELETE -DSQLITE_OMIT_LOAD_EXTENSION \
    -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_MAX_SCHEMA_RETRY=25 \
    -c "$objs/sqlite/sqlite3.c" -o "$objs/sqlite/sqlite3.o"
  rm -f "$prefix/lib/libsqlite3.a"
  "$triple-ar" rcs "$prefix/lib/libsqlite3.a" "$objs/sqlite/sqlite3.o"
  cp "$objs/sqlite/sqlite3.h" "$prefix/include/"
  echo "$want_sqlite" >"$deps/stamps/sqlite"
}
sqlite_pid=
if ! stamp_ok sqlite "$want_sqlite"; then
  command -v tclsh >/dev/null || { echo "error: tclsh not found: run scripts/install-deps.sh windows (tcl)" >&2; exit 1; }
  # Fetched here, in the foreground: the private apt's state is not shared between two apt-gets.
  sqlite_src=$(fetch "$want_sqlite")
  build_sqlite "$sqlite_src" &
  sqlite_pid=$!
fi

# --- GLFW: its own CMake build, static ---
if ! stamp_ok glfw "$want_glfw"; then
  src=$(fetch "$want_glfw")
  echo "Building GLFW for Windows from $(basename "$src")"
  rm -rf "$objs/glfw"
  cmake -S "$src" -B "$objs/glfw" --toolchain "$toolchain" "${launcher[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=OFF -DGLFW_BUILD_EXAMPLES=OFF \
    -DGLFW_BUILD_TESTS=OFF -DGLFW_BUILD_DOCS=OFF -DGLFW_INSTALL=ON >"$deps/glfw.log" 2>&1
  cmake --build "$objs/glfw" -j "$jobs" >>"$deps/glfw.log" 2>&1
  cmake --install "$objs/glfw" >>"$deps/glfw.log" 2>&1
  echo "$want_glfw" >"$deps/stamps/glfw"
fi

# --- Dear ImGui: the core and the GLFW and OpenGL3 backends, as Debian's own Makefile builds them
# (stb_truetype and stb_rect_pack from Debian's stb headers; their implementation is compiled once in
# third_party/windows/stb_impl.cpp) ---
if ! stamp_ok imgui "$imgui_recipe"; then
  src=$(fetch "$want_imgui")
  echo "Building Dear ImGui for Windows from $(basename "$src")"
  rm -rf "$objs/imgui" && mkdir -p "$objs/imgui"
  flags=(-std=c++11 -O2 -I"$src" -I"$prefix/include" -DIMGUI_DISABLE_STB_RECT_PACK_IMPLEMENTATION
         '-DIMGUI_STB_RECT_PACK_FILENAME=<stb/stb_rect_pack.h>' -DIMGUI_DISABLE_STB_TRUETYPE_IMPLEMENTATION
         '-DIMGUI_STB_TRUETYPE_FILENAME=<stb/stb_truetype.h>')
  units=(imgui imgui_demo imgui_draw imgui_tables imgui_widgets backends/imgui_impl_glfw backends/imgui_impl_opengl3
         misc/cpp/imgui_stdlib)
  pids=()
  for u in "${units[@]}"; do
    "${ccache[@]}" "$cxx" "${flags[@]}" -c "$src/$u.cpp" -o "$objs/imgui/$(basename "$u").o" &
    pids+=($!)
    [ ${#pids[@]} -ge "$jobs" ] && { wait "${pids[0]}"; pids=("${pids[@]:1}"); }
  done
  for p in "${pids[@]}"; do wait "$p"; done
  rm -f "$prefix/lib/libimgui.a"
  "$triple-ar" rcs "$prefix/lib/libimgui.a" "$objs"/imgui/*.o
  rm -rf "$prefix/include/imgui" && mkdir -p "$prefix/include/imgui/backends"
  cp "$src"/*.h "$prefix/include/imgui/"
  cp "$src"/backends/imgui_impl_glfw.h "$src"/backends/imgui_impl_opengl3.h \
     "$src"/backends/imgui_impl_opengl3_loader.h "$prefix/include/imgui/backends/"
  cp "$src"/misc/cpp/imgui_stdlib.h "$prefix/include/imgui/"
  echo "$imgui_recipe" >"$deps/stamps/imgui"
fi

if [ -n "$sqlite_pid" ] && ! wait "$sqlite_pid"; then
  echo "error: building SQLite for Windows failed (see above)" >&2
  exit 1
fi

echo "Windows dependencies are built ($deps)."

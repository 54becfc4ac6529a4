# The Windows cross-build's dependencies, as the same cut:: targets the Linux build gives (included by
# CMakeLists.txt when WIN32). GLFW, Dear ImGui and SQLite are static libraries that
# scripts/windows-deps.sh builds from Debian's source packages into <build>/deps; nlohmann/json,
# doctest and stb are Debian's host headers, staged there alone so that /usr/include (Linux's system
# headers) never reaches the Windows compiler. Not on Windows: libcurl (WinHTTP instead), Xlib,
# sd-bus, and the test-only HTTPS server, which runs as a Linux program.
set(CUT_WINDOWS_DEPS "${CMAKE_BINARY_DIR}/deps/install" CACHE PATH
    "Where scripts/windows-deps.sh installed the Windows libraries and staged headers")

foreach(need lib/libglfw3.a lib/libimgui.a lib/libsqlite3.a include/sqlite3.h include/nlohmann/json.hpp
             include/doctest/doctest.h include/stb/stb_image.h include/imgui/imgui.h)
  if(NOT EXISTS "${CUT_WINDOWS_DEPS}/${need}")
    message(FATAL_ERROR
      "The Windows dependencies are missing (${CUT_WINDOWS_DEPS}/${need}).\n"
      "Run scripts/windows-deps.sh (it builds them into ${CMAKE_BINARY_DIR}/deps), or use "
      "scripts/windows-build.sh, which runs it first.")
  endif()
endforeach()

set(CUT_WINDOWS_INCLUDE "${CUT_WINDOWS_DEPS}/include")

function(cut_windows_static name library)
  add_library(${name} STATIC IMPORTED GLOBAL)
  set_target_properties(${name} PROPERTIES IMPORTED_LOCATION "${CUT_WINDOWS_DEPS}/lib/${library}")
endfunction()

# --- nlohmann/json ---
add_library(cut_json INTERFACE)
target_include_directories(cut_json SYSTEM INTERFACE "${CUT_WINDOWS_INCLUDE}")
add_library(cut::json ALIAS cut_json)

# --- SQLite 3 (the amalgamation made from Debian's source, see third_party/README.md) ---
cut_windows_static(cut_sqlite_static libsqlite3.a)
add_library(cut_sqlite INTERFACE)
target_include_directories(cut_sqlite SYSTEM INTERFACE "${CUT_WINDOWS_INCLUDE}")
target_link_libraries(cut_sqlite INTERFACE cut_sqlite_static)
add_library(cut::sqlite ALIAS cut_sqlite)

# --- stb: Debian's headers; the implementations Linux takes from libstb.so are compiled here ---
add_library(cut_stb STATIC stb_impl_windows.cpp)
target_include_directories(cut_stb SYSTEM PUBLIC "${CUT_WINDOWS_INCLUDE}/stb")
target_include_directories(cut_stb SYSTEM PRIVATE "${CUT_WINDOWS_INCLUDE}")
add_library(cut::stb ALIAS cut_stb)

# --- GLFW 3.3 (draws through GDI and loads opengl32.dll itself) ---
cut_windows_static(cut_glfw_static libglfw3.a)
add_library(cut_glfw INTERFACE)
target_include_directories(cut_glfw SYSTEM INTERFACE "${CUT_WINDOWS_INCLUDE}")
target_link_libraries(cut_glfw INTERFACE cut_glfw_static gdi32)
add_library(cut::glfw ALIAS cut_glfw)

# --- Dear ImGui 1.86 with its GLFW and OpenGL3 backends, compiled into libimgui.a as on Debian ---
cut_windows_static(cut_imgui_static libimgui.a)
add_library(cut_imgui INTERFACE)
target_include_directories(cut_imgui SYSTEM INTERFACE "${CUT_WINDOWS_INCLUDE}/imgui")
target_link_libraries(cut_imgui INTERFACE cut_imgui_static cut::stb imm32)
add_library(cut::imgui ALIAS cut_imgui)

add_library(cut_imgui_backends INTERFACE)
target_include_directories(cut_imgui_backends SYSTEM INTERFACE "${CUT_WINDOWS_INCLUDE}/imgui/backends")
target_link_libraries(cut_imgui_backends INTERFACE cut::imgui cut::glfw)
add_library(cut::imgui_backends ALIAS cut_imgui_backends)

# --- OpenGL: opengl32.dll, which Windows (and Wine) provides ---
add_library(cut_opengl INTERFACE)
target_link_libraries(cut_opengl INTERFACE opengl32)
add_library(cut::opengl ALIAS cut_opengl)

# --- Inter, embedded at build time from the host's font package ---
find_file(CUT_FONT_REGULAR Inter-Regular.otf PATHS /usr/share/fonts/opentype/inter
          NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
find_file(CUT_FONT_SEMIBOLD Inter-SemiBold.otf PATHS /usr/share/fonts/opentype/inter
          NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
if(NOT CUT_FONT_REGULAR OR NOT CUT_FONT_SEMIBOLD)
  cut_missing("The Inter font" "fonts-inter")
endif()

# --- Test-only: doctest ---
if(CUT_BUILD_TESTS)
  add_library(cut_doctest INTERFACE)
  target_include_directories(cut_doctest SYSTEM INTERFACE "${CUT_WINDOWS_INCLUDE}")
  add_library(cut::doctest ALIAS cut_doctest)
endif()

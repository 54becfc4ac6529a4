// A second, informative floor for the widget's memory: the bare window plus the least any
// shader-based OpenGL UI does: compile and link one GLSL 3.30 program (textured, vertex-coloured,
// like Dear ImGui's), upload a 1x1 texture and draw one blended triangle. Under Mesa's llvmpipe the
// first GLSL compile sets up the compiler until the program releases it (glReleaseShaderCompiler, as
// the widget does) and the first draw JIT-compiles the pipeline through LLVM; this program shows what
// that costs by itself. It is not the baseline the widget's memory target is set against (that is
// bare_window.cpp). Prints "ready first_frame_ms=N" once its frame is shown.
#define GL_GLEXT_PROTOTYPES
#define GLFW_INCLUDE_GLEXT
#include <GLFW/glfw3.h>

#include <malloc.h>

#include <array>
#include <cstdint>

#include "bench_window.h"

namespace {

constexpr const char* kVertex =
    "#version 330 core\n"
    "layout (location = 0) in vec2 Position;\n"
    "layout (location = 1) in vec2 UV;\n"
    "layout (location = 2) in vec4 Color;\n"
    "uniform mat4 ProjMtx;\n"
    "out vec2 Frag_UV;\n"
    "out vec4 Frag_Color;\n"
    "void main() {\n"
    "  Frag_UV = UV;\n"
    "  Frag_Color = Color;\n"
    "  gl_Position = ProjMtx * vec4(Position.xy, 0, 1);\n"
    "}\n";
constexpr const char* kFragment =
    "#version 330 core\n"
    "in vec2 Frag_UV;\n"
    "in vec4 Frag_Color;\n"
    "uniform sampler2D Texture;\n"
    "layout (location = 0) out vec4 Out_Color;\n"
    "void main() { Out_Color = Frag_Color * texture(Texture, Frag_UV.st); }\n";

struct Vertex {
  float x, y, u, v;
  std::uint32_t rgba;
};

GLuint shader(GLenum type, const char* source) {
  const GLuint id = glCreateShader(type);
  glShaderSource(id, 1, &source, nullptr);
  glCompileShader(id);
  return id;
}

void drawTriangle() {
  const GLuint vertex = shader(GL_VERTEX_SHADER, kVertex);
  const GLuint fragment = shader(GL_FRAGMENT_SHADER, kFragment);
  const GLuint program = glCreateProgram();
  glAttachShader(program, vertex);
  glAttachShader(program, fragment);
  glLinkProgram(program);
  glDeleteShader(vertex);
  glDeleteShader(fragment);

  const std::uint32_t white = 0xFFFFFFFFu;
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, &white);

  const std::array<Vertex, 3> triangle = {
      {{20, 20, 0, 0, 0xFF3CC850u}, {280, 20, 1, 0, 0xFF3CC850u}, {150, 180, 0, 1, 0xFF3CC850u}}};
  GLuint vao = 0, vbo = 0;
  glGenVertexArrays(1, &vao);
  glBindVertexArray(vao);
  glGenBuffers(1, &vbo);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  glBufferData(GL_ARRAY_BUFFER, sizeof(triangle), triangle.data(), GL_STREAM_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(8));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Vertex), reinterpret_cast<void*>(16));

  // An orthographic projection of the 300x200 window, as ImGui's backend sets it.
  const std::array<float, 16> projection = {2.0f / 300, 0, 0,  0, 0,  -2.0f / 200, 0, 0,
                                            0,          0, -1, 0, -1, 1,           0, 1};
  glUseProgram(program);
  glUniformMatrix4fv(glGetUniformLocation(program, "ProjMtx"), 1, GL_FALSE, projection.data());
  glUniform1i(glGetUniformLocation(program, "Texture"), 0);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, 300, 200);
  glDrawArrays(GL_TRIANGLES, 0, 3);
}
}  // namespace

int main() {
  GLFWwindow* window = cut::bench::openWindow("bench_shader_window", "shader window");
  if (!window) return 1;
  drawTriangle();
  glfwSwapBuffers(window);
  // As the widget does after its first frame: release the shader compiler and give back the heap
  // start-up freed.
  const auto releaseShaderCompiler =
      reinterpret_cast<PFNGLRELEASESHADERCOMPILERPROC>(glfwGetProcAddress("glReleaseShaderCompiler"));
  if (releaseShaderCompiler) releaseShaderCompiler();
  malloc_trim(0);
  return cut::bench::idleUntilStopped(window);
}

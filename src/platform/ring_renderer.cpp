#include "platform/ring_renderer.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <numbers>
#include <utility>

#include <GLFW/glfw3.h>

#include "platform/shader_compiler.h"

namespace cut::embedded {
extern const unsigned char ringVertShader[];
extern const unsigned char ringFragShader[];
}  // namespace cut::embedded

namespace cut::platform {

// GL 2.0+ entry points come from the driver at run time (libGL exports only the old ABI), through
// GLFW so no loader library is needed.
struct GlRingRenderer::Gl {
  PFNGLCREATESHADERPROC createShader = nullptr;
  PFNGLSHADERSOURCEPROC shaderSource = nullptr;
  PFNGLCOMPILESHADERPROC compileShader = nullptr;
  PFNGLGETSHADERIVPROC getShaderiv = nullptr;
  PFNGLGETSHADERINFOLOGPROC getShaderInfoLog = nullptr;
  PFNGLDELETESHADERPROC deleteShader = nullptr;
  PFNGLCREATEPROGRAMPROC createProgram = nullptr;
  PFNGLATTACHSHADERPROC attachShader = nullptr;
  PFNGLLINKPROGRAMPROC linkProgram = nullptr;
  PFNGLGETPROGRAMIVPROC getProgramiv = nullptr;
  PFNGLGETPROGRAMINFOLOGPROC getProgramInfoLog = nullptr;
  PFNGLDELETEPROGRAMPROC deleteProgram = nullptr;
  PFNGLUSEPROGRAMPROC useProgram = nullptr;
  PFNGLGETUNIFORMLOCATIONPROC getUniformLocation = nullptr;
  PFNGLUNIFORM1FPROC uniform1f = nullptr;
  PFNGLUNIFORM2FPROC uniform2f = nullptr;
  PFNGLUNIFORM4FPROC uniform4f = nullptr;
  PFNGLGENVERTEXARRAYSPROC genVertexArrays = nullptr;
  PFNGLBINDVERTEXARRAYPROC bindVertexArray = nullptr;
  PFNGLDELETEVERTEXARRAYSPROC deleteVertexArrays = nullptr;
  PFNGLGENBUFFERSPROC genBuffers = nullptr;
  PFNGLBINDBUFFERPROC bindBuffer = nullptr;
  PFNGLBUFFERDATAPROC bufferData = nullptr;
  PFNGLDELETEBUFFERSPROC deleteBuffers = nullptr;
  PFNGLVERTEXATTRIBPOINTERPROC vertexAttribPointer = nullptr;
  PFNGLENABLEVERTEXATTRIBARRAYPROC enableVertexAttribArray = nullptr;

  GLuint program = 0;
  GLuint vao = 0;
  GLuint vbo = 0;
  GLint displayPos = -1, displaySize = -1, center = -1, radius = -1, halfWidth = -1, sweep = -1,
        pixelScale = -1, color = -1, trackColor = -1;

  template <typename F>
  static bool load(F& fn, const char* name) {
    fn = reinterpret_cast<F>(glfwGetProcAddress(name));
    return fn != nullptr;
  }

  bool loadAll() {
    return load(createShader, "glCreateShader") && load(shaderSource, "glShaderSource") &&
           load(compileShader, "glCompileShader") && load(getShaderiv, "glGetShaderiv") &&
           load(getShaderInfoLog, "glGetShaderInfoLog") && load(deleteShader, "glDeleteShader") &&
           load(createProgram, "glCreateProgram") && load(attachShader, "glAttachShader") &&
           load(linkProgram, "glLinkProgram") && load(getProgramiv, "glGetProgramiv") &&
           load(getProgramInfoLog, "glGetProgramInfoLog") && load(deleteProgram, "glDeleteProgram") &&
           load(useProgram, "glUseProgram") && load(getUniformLocation, "glGetUniformLocation") &&
           load(uniform1f, "glUniform1f") && load(uniform2f, "glUniform2f") &&
           load(uniform4f, "glUniform4f") && load(genVertexArrays, "glGenVertexArrays") &&
           load(bindVertexArray, "glBindVertexArray") && load(deleteVertexArrays, "glDeleteVertexArrays") &&
           load(genBuffers, "glGenBuffers") && load(bindBuffer, "glBindBuffer") &&
           load(bufferData, "glBufferData") && load(deleteBuffers, "glDeleteBuffers") &&
           load(vertexAttribPointer, "glVertexAttribPointer") &&
           load(enableVertexAttribArray, "glEnableVertexAttribArray");
  }

  GLuint compile(GLenum type, const unsigned char* source, std::string& error) {
    const GLuint shader = createShader(type);
    const char* text = reinterpret_cast<const char*>(source);
    shaderSource(shader, 1, &text, nullptr);
    compileShader(shader);
    GLint ok = GL_FALSE;
    getShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    std::array<char, 1024> log{};
    getShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
    error = std::string(type == GL_VERTEX_SHADER ? "ring.vert: " : "ring.frag: ") + log.data();
    deleteShader(shader);
    return 0;
  }

  bool build(std::string& error) {
    const GLuint vert = compile(GL_VERTEX_SHADER, embedded::ringVertShader, error);
    if (!vert) return false;
    const GLuint frag = compile(GL_FRAGMENT_SHADER, embedded::ringFragShader, error);
    if (!frag) {
      deleteShader(vert);
      return false;
    }
    program = createProgram();
    attachShader(program, vert);
    attachShader(program, frag);
    linkProgram(program);
    deleteShader(vert);
    deleteShader(frag);
    GLint ok = GL_FALSE;
    getProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
      std::array<char, 1024> log{};
      getProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
      error = std::string("ring shader link: ") + log.data();
      return false;
    }
    displayPos = getUniformLocation(program, "uDisplayPos");
    displaySize = getUniformLocation(program, "uDisplaySize");
    center = getUniformLocation(program, "uCenter");
    radius = getUniformLocation(program, "uRadius");
    halfWidth = getUniformLocation(program, "uHalfWidth");
    sweep = getUniformLocation(program, "uSweep");
    pixelScale = getUniformLocation(program, "uPixelScale");
    color = getUniformLocation(program, "uColor");
    trackColor = getUniformLocation(program, "uTrackColor");
    genVertexArrays(1, &vao);
    genBuffers(1, &vbo);
    bindVertexArray(vao);
    bindBuffer(GL_ARRAY_BUFFER, vbo);
    enableVertexAttribArray(0);
    vertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    bindVertexArray(0);
    // Built in the middle of a frame: leave the buffer binding as ImGui's backend expects to find it.
    bindBuffer(GL_ARRAY_BUFFER, 0);
    return true;
  }

  void release() {
    if (program) deleteProgram(program);
    if (vbo) deleteBuffers(1, &vbo);
    if (vao) deleteVertexArrays(1, &vao);
  }
};

namespace {

void setColor(PFNGLUNIFORM4FPROC uniform4f, GLint location, unsigned int abgr) {
  const auto channel = [abgr](int shift) { return static_cast<float>((abgr >> shift) & 0xFFu) / 255.0f; };
  uniform4f(location, channel(0), channel(8), channel(16), channel(24));
}

}  // namespace

GlRingRenderer::GlRingRenderer() : m_gl(std::make_unique<Gl>()) {}

GlRingRenderer::~GlRingRenderer() { m_gl->release(); }

std::unique_ptr<GlRingRenderer> GlRingRenderer::create(BuildFailed onBuildFailed, std::string& error) {
  std::unique_ptr<GlRingRenderer> renderer(new GlRingRenderer());
  if (!renderer->m_gl->loadAll()) {
    error = "the OpenGL driver lacks the shader entry points";
    return nullptr;
  }
  renderer->m_onBuildFailed = std::move(onBuildFailed);
  return renderer;
}

void GlRingRenderer::beginFrame() { m_rings.clear(); }

bool GlRingRenderer::addRing(ImDrawList* drawList, float centerX, float centerY, float radius,
                             float thickness, float fraction, unsigned int color, unsigned int trackColor) {
  if (!drawList || radius <= 0.0f || thickness <= 0.0f) return false;
  if (m_build == Build::NotYet) {
    std::string error;
    m_build = m_gl->build(error) ? Build::Ready : Build::Failed;
    releaseShaderCompiler();
    if (m_build == Build::Failed && m_onBuildFailed) m_onBuildFailed(error);
  }
  if (m_build != Build::Ready) return false;
  m_rings.push_back(Ring{this, centerX, centerY, radius, thickness, fraction, color, trackColor});
  drawList->AddCallback(&GlRingRenderer::drawCallback, &m_rings.back());
  // The backend re-establishes its own program, buffers and state before the next ImGui command.
  drawList->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  return true;
}

void GlRingRenderer::drawCallback(const ImDrawList* /*list*/, const ImDrawCmd* cmd) {
  const auto* ring = static_cast<const Ring*>(cmd->UserCallbackData);
  ring->owner->draw(*ring, *cmd);
}

void GlRingRenderer::draw(const Ring& ring, const ImDrawCmd& cmd) {
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data) return;
  const Gl& gl = *m_gl;
  const ImVec2 scale = data->FramebufferScale;
  const float fbHeight = data->DisplaySize.y * scale.y;

  // The callback inherits the backend's blend state and viewport; the scissor is the command's.
  const float clipX0 = (cmd.ClipRect.x - data->DisplayPos.x) * scale.x;
  const float clipY0 = (cmd.ClipRect.y - data->DisplayPos.y) * scale.y;
  const float clipX1 = (cmd.ClipRect.z - data->DisplayPos.x) * scale.x;
  const float clipY1 = (cmd.ClipRect.w - data->DisplayPos.y) * scale.y;
  if (clipX1 <= clipX0 || clipY1 <= clipY0) return;
  glScissor(static_cast<GLint>(clipX0), static_cast<GLint>(fbHeight - clipY1),
            static_cast<GLsizei>(clipX1 - clipX0), static_cast<GLsizei>(clipY1 - clipY0));

  const float extent = ring.radius + ring.thickness * 0.5f + 2.0f;
  const float x0 = ring.centerX - extent, x1 = ring.centerX + extent;
  const float y0 = ring.centerY - extent, y1 = ring.centerY + extent;
  const std::array<float, 12> quad = {x0, y0, x1, y0, x1, y1, x0, y0, x1, y1, x0, y1};

  gl.useProgram(gl.program);
  gl.bindVertexArray(gl.vao);
  gl.bindBuffer(GL_ARRAY_BUFFER, gl.vbo);
  gl.bufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(sizeof(quad)), quad.data(), GL_STREAM_DRAW);
  gl.uniform2f(gl.displayPos, data->DisplayPos.x, data->DisplayPos.y);
  gl.uniform2f(gl.displaySize, data->DisplaySize.x, data->DisplaySize.y);
  gl.uniform2f(gl.center, ring.centerX, ring.centerY);
  gl.uniform1f(gl.radius, ring.radius);
  gl.uniform1f(gl.halfWidth, ring.thickness * 0.5f);
  gl.uniform1f(gl.sweep, std::clamp(ring.fraction, 0.0f, 1.0f) * 2.0f * std::numbers::pi_v<float>);
  gl.uniform1f(gl.pixelScale, scale.x);
  setColor(gl.uniform4f, gl.color, ring.color);
  setColor(gl.uniform4f, gl.trackColor, ring.trackColor);
  glDrawArrays(GL_TRIANGLES, 0, 6);
  ++m_ringsDrawn;
}

}  // namespace cut::platform

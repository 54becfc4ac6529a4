#include "platform/shader_compiler.h"

#include <GLFW/glfw3.h>

#include "platform/heap.h"

namespace cut::platform {

void releaseShaderCompiler() {
  // Looked up each time: this runs once or twice in a process, and a cached pointer would outlive
  // the context it came from.
  const auto release = reinterpret_cast<PFNGLRELEASESHADERCOMPILERPROC>(glfwGetProcAddress("glReleaseShaderCompiler"));
  if (!release) return;
  release();
  releaseFreedHeap();
}

}  // namespace cut::platform

#pragma once
// The GL driver's shader compiler, given back between compiles. Main thread only, with the window's
// GL context current.

namespace cut::platform {

/// Tells the driver that no shader will be compiled soon (glReleaseShaderCompiler, core since
/// OpenGL 4.1 and offered by Mesa at 3.3 through ARB_ES2_compatibility), then hands the heap it
/// freed back to the system. Mesa's GLSL compiler keeps its library of built-in functions, the
/// largest part of its heap, from the first compile until this call; a later compile builds it again. Does nothing
/// where the driver lacks the entry point. Call after the last shader of a batch is linked.
void releaseShaderCompiler();

}  // namespace cut::platform

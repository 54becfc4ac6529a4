#version 330 core
// The gauge ring: one quad around the ring, positions in ImGui display pixels.
layout(location = 0) in vec2 aPosition;

uniform vec2 uDisplayPos;   // ImDrawData::DisplayPos
uniform vec2 uDisplaySize;  // ImDrawData::DisplaySize
uniform vec2 uCenter;

out vec2 vLocal;  // pixels from the ring's centre, y down

void main() {
  vLocal = aPosition - uCenter;
  vec2 ndc = (aPosition - uDisplayPos) / uDisplaySize * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}

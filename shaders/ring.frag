#version 330 core
// An anti-aliased arc with rounded caps, from a signed distance in pixels: the arc runs clockwise
// from 12 o'clock over uSweep radians, drawn over a full-circle track.
in vec2 vLocal;

uniform float uRadius;     // to the middle of the stroke
uniform float uHalfWidth;  // half the stroke thickness
uniform float uSweep;      // 0 .. 2*pi
uniform float uPixelScale; // framebuffer pixels per display pixel, for the anti-aliasing width
uniform vec4 uColor;       // straight alpha
uniform vec4 uTrackColor;

out vec4 fragColor;

const float kTwoPi = 6.28318530718;

float ringDistance(vec2 p) { return abs(length(p) - uRadius) - uHalfWidth; }

float arcDistance(vec2 p) {
  if (uSweep <= 0.0) return 1e6;
  if (uSweep >= kTwoPi) return ringDistance(p);
  float angle = atan(p.x, -p.y);  // 0 at 12 o'clock, growing clockwise (y points down)
  if (angle < 0.0) angle += kTwoPi;
  if (angle <= uSweep) return ringDistance(p);
  vec2 capStart = vec2(0.0, -uRadius);
  vec2 capEnd = vec2(sin(uSweep), -cos(uSweep)) * uRadius;
  return min(length(p - capStart), length(p - capEnd)) - uHalfWidth;
}

float coverage(float distance) { return clamp(0.5 - distance * uPixelScale, 0.0, 1.0); }

void main() {
  float track = coverage(ringDistance(vLocal)) * uTrackColor.a;
  float arc = coverage(arcDistance(vLocal)) * uColor.a;
  // The arc over the track ("over" compositing, straight alpha out).
  float alpha = arc + track * (1.0 - arc);
  if (alpha <= 0.0) discard;
  vec3 rgb = (uColor.rgb * arc + uTrackColor.rgb * track * (1.0 - arc)) / alpha;
  fragColor = vec4(rgb, alpha);
}

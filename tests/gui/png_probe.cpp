// Reads a widget screenshot and reports what a person would look for: how many pixels of each
// gauge colour band there are and where they sit. Layout-independent on purpose, so the GUI tests
// check colours "where they belong" (session above weekly above the per-model row) without
// hard-coding the UI's pixel positions.
//
// Usage: gui_png_probe FILE.png
// Prints "size W H", then "<band> COUNT MEAN_Y TOP_Y" for green, amber and red (TOP_Y: the first row
// holding that colour, -1 when none), then "opaque COUNT", then "edge <band> COUNT" for the pixels
// of each band within 3 px of the image's edge (the window's border).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>

namespace {

enum Band { kGreen, kAmber, kRed, kBandCount };
const char* const kNames[kBandCount] = {"green", "amber", "red"};

/// Saturated pixels only, so anti-aliased edges and the dark panel never count.
int bandOf(int r, int g, int b) {
  if (g > 150 && g > r + 50 && g > b + 20) return kGreen;
  if (r > 190 && g > 120 && g < 210 && b < 120 && r > g + 25) return kAmber;
  if (r > 180 && g < 120 && b < 130) return kRed;
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FILE.png\n", argv[0]);
    return 2;
  }
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(argv[1], &width, &height, &channels, 4);
  if (!pixels) {
    std::fprintf(stderr, "cannot read %s: %s\n", argv[1], stbi_failure_reason());
    return 1;
  }
  long count[kBandCount] = {};
  double sumY[kBandCount] = {};
  int topY[kBandCount] = {-1, -1, -1};
  long opaque = 0;
  long edge[kBandCount] = {};
  constexpr int kEdgePx = 3;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const unsigned char* p = pixels + (static_cast<long>(y) * width + x) * 4;
      if (p[3] > 200) ++opaque;
      if (p[3] < 200) continue;
      const int band = bandOf(p[0], p[1], p[2]);
      if (band < 0) continue;
      ++count[band];
      if (x < kEdgePx || y < kEdgePx || x >= width - kEdgePx || y >= height - kEdgePx) ++edge[band];
      sumY[band] += y;
      if (topY[band] < 0) topY[band] = y;
    }
  }
  stbi_image_free(pixels);
  std::printf("size %d %d\n", width, height);
  for (int band = 0; band < kBandCount; ++band) {
    std::printf("%s %ld %.1f %d\n", kNames[band], count[band],
                count[band] ? sumY[band] / static_cast<double>(count[band]) : -1.0, topY[band]);
  }
  std::printf("opaque %ld\n", opaque);
  for (int band = 0; band < kBandCount; ++band) std::printf("edge %s %ld\n", kNames[band], edge[band]);
  return 0;
}

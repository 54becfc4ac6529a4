// The stb implementations for the Windows build. On Linux, Debian's libstb.so exports them; there is
// no Windows build of that library, so they are compiled here once from Debian's own stb headers
// (libstb-dev, staged by scripts/windows-deps.sh). Dear ImGui's font atlas uses stb_truetype and
// stb_rect_pack (libimgui.a is built without its copies, as Debian builds it); the window icon uses
// stb_image and screenshots stb_image_write.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_TRUETYPE_IMPLEMENTATION
#define STB_RECT_PACK_IMPLEMENTATION
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#include <stb/stb_rect_pack.h>
#include <stb/stb_truetype.h>

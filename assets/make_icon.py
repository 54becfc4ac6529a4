#!/usr/bin/env python3
"""Draws assets/icon.png, the window icon: a gauge ring on a dark rounded tile.

Run once by hand when the artwork changes (python3 assets/make_icon.py); the PNG is committed and
embedded into the program at build time. The build also runs it as `make_icon.py SIZE OUT.png` to
draw the installed hicolor icons: the same shapes drawn at each size, sharper than a resized bitmap.
"""
import math
import struct
import sys
import zlib

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 64
OUT = sys.argv[2] if len(sys.argv) > 2 else __file__.rsplit("/", 1)[0] + "/icon.png"
# The artwork is laid out on a 64-unit grid; distances are converted to pixels of this size.
SCALE = SIZE / 64
TILE = (29, 33, 40)
TRACK = (58, 64, 75)
ARC = (76, 195, 138)
RING_R, RING_W, SWEEP = 18.0, 8.0, math.radians(235)


def coverage(d):
    return max(0.0, min(1.0, 0.5 - d))


def rounded_box(px, py, half, radius):
    qx, qy = abs(px) - half + radius, abs(py) - half + radius
    return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - radius


def arc(px, py):
    a = math.atan2(px, -py) % (2 * math.pi)
    if a <= SWEEP:
        return abs(math.hypot(px, py) - RING_R) - RING_W / 2
    ends = [(0.0, -RING_R), (RING_R * math.sin(SWEEP), -RING_R * math.cos(SWEEP))]
    return min(math.hypot(px - ex, py - ey) for ex, ey in ends) - RING_W / 2


def pixel(x, y):
    px, py = (x + 0.5 - SIZE / 2) / SCALE, (y + 0.5 - SIZE / 2) / SCALE
    alpha = coverage(rounded_box(px, py, 31, 14) * SCALE)
    rgb = TILE
    for colour, d in ((TRACK, abs(math.hypot(px, py) - RING_R) - RING_W / 2 + 1), (ARC, arc(px, py))):
        c = coverage(d * SCALE)
        rgb = tuple(round(a * (1 - c) + b * c) for a, b in zip(rgb, colour))
    return bytes(rgb) + bytes([round(alpha * 255)])


def chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


rows = b"".join(b"\0" + b"".join(pixel(x, y) for x in range(SIZE)) for y in range(SIZE))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) +
       chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
with open(OUT, "wb") as f:
    f.write(png)

"""The site's default sharing image: a PNG drawn at build time, byte-identical every build.

Open Graph consumers mostly ignore SVG, so the page image is a raster. It is drawn here
with a tiny block font and encoded with zlib: no imaging library, no font files, no clock.
"""

from __future__ import annotations

import struct
import zlib

WIDTH, HEIGHT = 1200, 630
INDIGO = (0x28, 0x35, 0x93)
AMBER = (0xFF, 0xC1, 0x07)
WHITE = (0xFF, 0xFF, 0xFF)

GLYPHS = {  # 5 x 7 cells, "#" is ink
    "I": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "#####"),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "M": ("#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
    "S": (".####", "#....", "#....", ".###.", "....#", "....#", "####."),
    "P": ("####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
    "O": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "R": ("####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
    "T": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
    "A": (".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "L": ("#....", "#....", "#....", "#....", "#....", "#....", "#####"),
    " ": (".....",) * 7,
}


class Canvas:
    def __init__(self, width: int, height: int, color: tuple[int, int, int]):
        self.width, self.height = width, height
        self.rows = [bytearray(bytes(color) * width) for _ in range(height)]

    def rect(self, x: int, y: int, w: int, h: int, color: tuple[int, int, int]) -> None:
        x0, x1 = max(0, x), min(self.width, x + w)
        if x1 <= x0:
            return
        run = bytes(color) * (x1 - x0)
        for row in self.rows[max(0, y): min(self.height, y + h)]:
            row[3 * x0: 3 * x1] = run

    def text(self, text: str, cx: int, y: int, scale: int, color: tuple[int, int, int]) -> None:
        """Block letters centred on ``cx``: each glyph cell is ``scale`` pixels, one cell apart."""
        advance = 6 * scale
        x = cx - (advance * len(text) - scale) // 2
        for char in text:
            for r, line in enumerate(GLYPHS[char]):
                for c, cell in enumerate(line):
                    if cell == "#":
                        self.rect(x + c * scale, y + r * scale, scale, scale, color)
            x += advance

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)  # filter type 0 per row
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)  # 8-bit RGB
        return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
                + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def default_image() -> bytes:
    """1200 x 630 (the Open Graph size): "I4MS" and "PORTAL" on indigo, an amber band below."""
    canvas = Canvas(WIDTH, HEIGHT, INDIGO)
    canvas.text("I4MS", WIDTH // 2, 130, 32, WHITE)
    canvas.text("PORTAL", WIDTH // 2, 400, 10, AMBER)
    canvas.rect(0, HEIGHT - 48, WIDTH, 48, AMBER)
    return canvas.png()

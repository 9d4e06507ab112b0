"""The default sharing image: a valid 1200 x 630 PNG, the same bytes every time."""

from __future__ import annotations

import struct
import zlib

from i4ms.outputs.pictures.og_image import AMBER, HEIGHT, INDIGO, WIDTH, default_image


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    out, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body)
        out.append((kind, body))
        pos += 12 + length
    return out


def test_png_is_valid_and_deterministic():
    data = default_image()
    assert data == default_image()
    parts = chunks(data)
    assert [k for k, _ in parts] == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, colour = struct.unpack(">IIBB", parts[0][1][:10])
    assert (width, height, depth, colour) == (WIDTH, HEIGHT, 8, 2) == (1200, 630, 8, 2)
    raw = zlib.decompress(parts[1][1])
    assert len(raw) == (1 + 3 * WIDTH) * HEIGHT
    assert raw[1:4] == bytes(INDIGO)
    last = raw[(HEIGHT - 1) * (1 + 3 * WIDTH):]
    assert last[1:4] == bytes(AMBER)
    assert len(data) < 50_000

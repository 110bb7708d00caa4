#!/usr/bin/env python3
"""Writes assets/fonts/chronoscope-replacement.ttf: a TrueType font of our own with one glyph,
U+FFFD REPLACEMENT CHARACTER (a dark diamond with a question mark cut out of it).

None of egui's bundled fonts has U+FFFD, so text decoded from a damaged file (where each invalid
byte becomes U+FFFD) drew as empty boxes. Chronoscope adds this font as the last fallback of
every family (`src/render/fonts.rs`). The outline is drawn here from straight lines; the file is
the same bytes on every run (no timestamps), so the script can be rerun and diffed.

Tables: head, hhea, maxp, hmtx, cmap (format 4), loca, glyf, name and post; no hinting.
"""
import struct
import sys
from pathlib import Path

UNITS_PER_EM = 1000
ASCENT, DESCENT = 800, -200
ADVANCE = 900

# Contours in font units (y up). The diamond runs clockwise (filled); the question mark's hook
# and dot run the other way (holes), as TrueType's non-zero rule wants.
DIAMOND = [(450, 700), (850, 300), (450, -100), (50, 300)]
HOOK = [(340, 540), (560, 540), (560, 340), (480, 340), (480, 240), (410, 240), (410, 410),
        (490, 410), (490, 470), (410, 470), (410, 420), (340, 420)]
DOT = [(410, 190), (480, 190), (480, 120), (410, 120)]


def signed_area(points):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1])) / 2


def clockwise(points):
    return points if signed_area(points) < 0 else points[::-1]


def counter_clockwise(points):
    return points[::-1] if signed_area(points) < 0 else points


CONTOURS = [clockwise(DIAMOND), counter_clockwise(HOOK), counter_clockwise(DOT)]


def glyph_bytes(contours):
    points = [p for c in contours for p in c]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    out = struct.pack(">hhhhh", len(contours), min(xs), min(ys), max(xs), max(ys))
    end = -1
    for c in contours:
        end += len(c)
        out += struct.pack(">H", end)
    out += struct.pack(">H", 0)  # no instructions
    out += bytes([0x01] * len(points))  # every point on the curve, coordinates as int16 deltas
    previous = 0
    for x in xs:
        out += struct.pack(">h", x - previous)
        previous = x
    previous = 0
    for y in ys:
        out += struct.pack(">h", y - previous)
        previous = y
    if len(out) % 2:
        out += b"\0"
    return out, (min(xs), min(ys), max(xs), max(ys)), len(points)


def cmap_table():
    # Format 4 with two segments: U+FFFD -> glyph 1, and the required final 0xFFFF segment.
    ends, starts, deltas = [0xFFFD, 0xFFFF], [0xFFFD, 0xFFFF], [(1 - 0xFFFD) % 65536, 1]
    seg_x2 = 2 * len(ends)
    search = 2 * (1 << (len(ends).bit_length() - 1))
    selector = len(ends).bit_length() - 1
    body = struct.pack(">HHHH", seg_x2, search, selector, seg_x2 - search)
    body += b"".join(struct.pack(">H", e) for e in ends) + struct.pack(">H", 0)
    body += b"".join(struct.pack(">H", s) for s in starts)
    body += b"".join(struct.pack(">H", d) for d in deltas)
    body += b"".join(struct.pack(">H", 0) for _ in ends)  # no idRangeOffset
    subtable = struct.pack(">HHH", 4, 6 + len(body), 0) + body
    return struct.pack(">HHHHI", 0, 1, 3, 1, 12) + subtable


def name_table():
    names = [(1, "Chronoscope Replacement"), (2, "Regular"), (4, "Chronoscope Replacement"),
             (6, "ChronoscopeReplacement"), (5, "Version 1.0")]
    records, strings = b"", b""
    for name_id, text in names:
        data = text.encode("utf-16-be")
        records += struct.pack(">HHHHHH", 3, 1, 0x409, name_id, len(data), len(strings))
        strings += data
    return struct.pack(">HHH", 0, len(names), 6 + 12 * len(names)) + records + strings


def checksum(data):
    data = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(">%dI" % (len(data) // 4), data)) & 0xFFFFFFFF


def font():
    glyph, (x_min, y_min, x_max, y_max), n_points = glyph_bytes(CONTOURS)
    head = struct.pack(">IIIIHHqqhhhhHHhhh", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0x000B,
                       UNITS_PER_EM, 0, 0, x_min, y_min, x_max, y_max, 0, 8, 2, 0, 0)
    hhea = struct.pack(">IhhhHhhhhhhhhhhhH", 0x00010000, ASCENT, DESCENT, 0, ADVANCE, x_min,
                       ADVANCE - x_max, x_max, 1, 0, 0, 0, 0, 0, 0, 0, 2)
    maxp = struct.pack(">IHHHHHHHHHHHHHH", 0x00010000, 2, n_points, len(CONTOURS), 0, 0, 2, 0, 0, 0,
                       0, 0, 0, 0, 0)
    hmtx = struct.pack(">HhHh", ADVANCE // 2, 0, ADVANCE, x_min)
    loca = struct.pack(">HHH", 0, 0, len(glyph) // 2)
    post = struct.pack(">IIhhIIIII", 0x00030000, 0, -100, 50, 0, 0, 0, 0, 0)
    tables = {b"cmap": cmap_table(), b"glyf": glyph, b"head": head, b"hhea": hhea, b"hmtx": hmtx,
              b"loca": loca, b"maxp": maxp, b"name": name_table(), b"post": post}
    count = len(tables)
    search = 16 * (1 << (count.bit_length() - 1))
    header = struct.pack(">IHHHH", 0x00010000, count, search, count.bit_length() - 1, count * 16 - search)
    offset = len(header) + 16 * count
    directory, body = b"", b""
    for tag in sorted(tables):
        data = tables[tag]
        directory += struct.pack(">4sIII", tag, checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    whole = bytearray(header + directory + body)
    # head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
    head_offset = offset + body.index(head)
    struct.pack_into(">I", whole, head_offset + 8, (0xB1B0AFBA - checksum(bytes(whole))) & 0xFFFFFFFF)
    return bytes(whole)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent / "assets/fonts/chronoscope-replacement.ttf")
    target.write_bytes(font())
    print(f"wrote {target} ({target.stat().st_size} bytes)")

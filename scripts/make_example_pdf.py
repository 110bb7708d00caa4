#!/usr/bin/env python3
"""Writes assets/examples/marrowby-council-minutes.pdf, the bundled PDF example (our own text): a
two-page text PDF in the standard Helvetica font, with a running header and a page-number footer
on every page that Chronoscope must leave out. Byte-identical on every run.
Run from the repository root: python3 scripts/make_example_pdf.py"""

HEADER = "Marrowby County Council - minutes"
PAGES = [
    [
        "Minutes of the extraordinary meeting of the council,",
        "held at the town hall on Friday 16 June 2023.",
        "",
        "1. The fire at the Dunmore Cold Store",
        "The chief fire officer told members that the fire on Tuesday",
        "destroyed the cold store on Canal Street. Canal Street reopened",
        "on Wednesday after the fumes cleared.",
    ],
    [
        "2. What the council will do",
        "Members will meet the owners of the store on 23 June. The",
        "public inquiry opens in September, and the council will publish",
        "its evidence a week before it starts.",
    ],
]


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def page_stream(number, lines):
    ops = ["BT", "/F1 9 Tf", "72 800 Td", f"({escape(HEADER)}) Tj", "ET", "BT", "/F1 11 Tf", "14 TL", "72 740 Td"]
    for line in lines:
        ops.append(f"({escape(line)}) Tj T*" if line else "T*")
    ops += ["ET", "BT", "/F1 9 Tf", "280 40 Td", f"(Page {number} of {len(PAGES)}) Tj", "ET"]
    return "\n".join(ops).encode("latin-1")


objects = []  # bodies, numbered from 1
font = 3 + 2 * len(PAGES)
kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(PAGES)))
objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(PAGES)} >>".encode())
for i, lines in enumerate(PAGES):
    content = page_stream(i + 1, lines)
    objects.append(
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> "
        f"/Contents {4 + 2 * i} 0 R >>".encode()
    )
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")

out = bytearray(b"%PDF-1.4\n")
offsets = []
for number, body in enumerate(objects, start=1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for offset in offsets:
    out += b"%010d 00000 n \n" % offset
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
with open("assets/examples/marrowby-council-minutes.pdf", "wb") as f:
    f.write(out)

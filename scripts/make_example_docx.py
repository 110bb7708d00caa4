#!/usr/bin/env python3
"""Writes assets/examples/dunmore-foods-statement.docx, the bundled Word example (our own text),
as a minimal but complete Office Open XML file that Word and LibreOffice open. The running header
and footer carry a date that must not reach the timeline (Chronoscope reads the body only).
Run from the repository root: python3 scripts/make_example_docx.py"""
import zipfile
from xml.sax.saxutils import escape

TITLE = "Dunmore Foods statement on the Canal Street fire"
PARAGRAPHS = [
    TITLE,
    "Marrowby, 14 June 2023",
    "A fire broke out at the Dunmore Cold Store on Canal Street on Tuesday afternoon. "
    "Every worker on shift left the building before the roof collapsed.",
    "We thank the crews from Marrowby, Hollin Bridge and Oldacre who fought the blaze.",
    "The company will rebuild on the same site. Work is due to start in September, "
    "and staff will be paid in full until the store reopens.",
    "Dunmore has run the cold store since 1998.",
]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def para(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def part(tag, text):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} {W}>{para(text)}</w:{tag}>'


body = "".join(para(p, "Title" if i == 0 else None) for i, p in enumerate(PARAGRAPHS))
section = '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/></w:sectPr>'
files = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>",
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>",
    "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
    '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
    "</Relationships>",
    "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} {R}><w:body>{body}{section}</w:body></w:document>',
    "word/header1.xml": part("hdr", "Dunmore Foods press office"),
    "word/footer1.xml": part("ftr", "Printed 1 July 2023"),
    "docProps/core.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/">'
    f"<dc:title>{escape(TITLE)}</dc:title></cp:coreProperties>",
}
with zipfile.ZipFile("assets/examples/dunmore-foods-statement.docx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in files.items():
        info = zipfile.ZipInfo(name, date_time=(2023, 6, 14, 12, 0, 0))  # fixed: same bytes every run
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text)

"""Writes zaozi.ttf: a test stand-in for a 造字 (user-made character) font.

One glyph, a square with a cross, at the private-use code point U+E000;
family "Zongjie Test Zaozi". Made with fontTools (pip install fonttools):
    python3 make-zaozi.py
"""
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

UPM = 1000


def square_with_cross():
    pen = TTGlyphPen(None)
    # Outer square, clockwise (TrueType), inner square counter-clockwise.
    for contour in (
        [(60, -80), (60, 820), (940, 820), (940, -80)],
        [(140, 0), (860, 0), (860, 740), (140, 740)],
        [(460, 0), (460, 740), (540, 740), (540, 0)],
        [(140, 330), (140, 410), (860, 410), (860, 330)],
    ):
        pen.moveTo(contour[0])
        for point in contour[1:]:
            pen.lineTo(point)
        pen.closePath()
    return pen.glyph()


def empty():
    return TTGlyphPen(None).glyph()


fb = FontBuilder(UPM, isTTF=True)
fb.setupGlyphOrder([".notdef", "space", "uniE000"])
fb.setupCharacterMap({0x20: "space", 0xE000: "uniE000"})
fb.setupGlyf({".notdef": empty(), "space": empty(), "uniE000": square_with_cross()})
fb.setupHorizontalMetrics({".notdef": (UPM, 0), "space": (UPM // 2, 0), "uniE000": (UPM, 60)})
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable(
    {
        "familyName": "Zongjie Test Zaozi",
        "styleName": "Regular",
        "uniqueFontIdentifier": "ZongjieTestZaozi-Regular",
        "fullName": "Zongjie Test Zaozi",
        "psName": "ZongjieTestZaozi-Regular",
        "version": "Version 1.000",
    }
)
fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
fb.setupPost()
fb.save("zaozi.ttf")

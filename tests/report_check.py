#!/usr/bin/env python3
"""report_check.py: what a person would check in the HTML report.

    report_check.py html REPORT.html [TEXT...]
        the HTML parses, every element is closed, nothing is loaded from
        outside (no script, no link, no src or href to elsewhere), and each
        TEXT is in its text as it is (escaped in the file)
    report_check.py ink IMAGE.png MIN
        at least MIN per mille of the pixels are not white (the page is
        not blank)
    report_check.py differ A.png B.png MIN
        at least MIN per mille of the pixels differ (A is drawn otherwise)
    report_check.py pages PDF_TEXT_DIR PAGE TEXT... [-- TEXT TEXT ...]
        TEXT is on page PAGE (the text of page N in DIR/N.txt); after --,
        each pair of TEXTs is on one page (a chart's title and its legend:
        the chart is not split)

Exit 0 when all holds, 1 with what does not on stderr.
"""
import html.parser
import os
import struct
import sys
import zlib

VOID = {'meta', 'br', 'img', 'input', 'link', 'hr', 'col', 'area', 'base', 'wbr', 'source', 'rect', 'path',
        'line', 'circle', 'stop', 'use'}


class Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'link', 'iframe', 'object', 'embed'):
            self.problems.append('a <%s> element' % tag)
        for name, value in attrs:
            if name.startswith('on'):
                self.problems.append('an event handler %s=' % name)
            if name in ('src', 'href') and value and not value.startswith('#'):
                self.problems.append('%s="%s" loads from outside' % (name, value))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append('</%s> closes <%s>' % (tag, self.stack[-1] if self.stack else 'nothing'))
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check_html(path, texts):
    with open(path, encoding='utf-8') as f:
        p = Parser()
        p.feed(f.read())
        p.close()
    problems = p.problems[:]
    if p.stack:
        problems.append('not closed: ' + ', '.join(p.stack))
    text = ''.join(p.text)
    for t in texts:
        if t not in text:
            problems.append('not in the text: %r' % t)
    return problems


def png_pixels(path):
    """The RGB(A) rows of an 8-bit, non-interlaced PNG."""
    with open(path, 'rb') as f:
        data = f.read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'no PNG'
    pos, idat, w = 8, b'', 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and ctype in (2, 6) and not interlace, 'an 8-bit RGB(A) PNG'
            bpp = 3 if ctype == 2 else 4
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(h):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    problems = []
    if mode == 'html':
        problems = check_html(args[0], args[1:])
    elif mode == 'ink':
        w, h, bpp, rows = png_pixels(args[0])
        ink = sum(1 for r in rows for x in range(0, w * bpp, bpp) if r[x] < 200 or r[x + 1] < 200 or r[x + 2] < 200)
        if ink * 1000 < int(args[1]) * w * h:
            problems.append('%s: %d of %d pixels drawn' % (args[0], ink, w * h))
    elif mode == 'differ':
        wa, ha, ba, ra = png_pixels(args[0])
        wb, hb, bb, rb = png_pixels(args[1])
        if (wa, ha) != (wb, hb):
            problems.append('the images are of different sizes')
        else:
            diff = sum(1 for y in range(ha) for x in range(wa)
                       if ra[y][x * ba:x * ba + 3] != rb[y][x * bb:x * bb + 3])
            if diff * 1000 < int(args[2]) * wa * ha:
                problems.append('only %d of %d pixels differ' % (diff, wa * ha))
    elif mode == 'pages':
        d, page = args[0], int(args[1])
        rest = args[2:]
        pairs = []
        if '--' in rest:
            k = rest.index('--')
            rest, pairs = rest[:k], rest[k + 1:]
        pages = {}
        for name in os.listdir(d):
            if name.endswith('.txt'):
                with open(os.path.join(d, name), encoding='utf-8') as f:
                    pages[int(name[:-4])] = ' '.join(f.read().split())
        for t in rest:
            if t not in pages.get(page, ''):
                problems.append('not on page %d: %r' % (page, t))
        for a, b in zip(pairs[0::2], pairs[1::2]):
            on = [n for n, txt in pages.items() if a in txt]
            if not on or b not in pages[on[0]]:
                problems.append('%r and %r are not on one page (%r on %s)' % (a, b, a, on))
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())

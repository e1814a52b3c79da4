#!/usr/bin/env python3
"""export_check.py: read kijun's exports back and compare them with the
workspace, read independently of kijun (a small libconfig reader for the
settings kijun writes).

    export_check.py json WORKSPACE EXPORT.json
        every setting of every workspace file is in the JSON, the same
    export_check.py csv WORKSPACE EXPORT.json EXPORT.csv ROUND
        the CSV's rows are the round's risks, its cells their values (the
        neutralisation of formula cells undone), names as the JSON's
    export_check.py schema SCHEMA.json EXPORT.json
        the JSON validates against the JSON Schema (python3-jsonschema)

Exit 0 when all holds, 1 with the differences on stderr.
"""
import csv
import io
import json
import os
import re
import sys

TOKEN = re.compile(r'''
    (?P<space>\s+|\#[^\n]*|//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<int>-?(?:0[xX][0-9a-fA-F]+|[0-9]+)L{0,2})
  | (?P<bool>true|false|TRUE|FALSE)
  | (?P<name>[A-Za-z*][-A-Za-z0-9_*]*)
  | (?P<punct>[=:;,{}()\[\]])
''', re.X | re.S)

ESCAPES = {'"': '"', '\\': '\\', 'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'a': '\a', 'b': '\b', 'v': '\v'}


def unescape(s):
    out, i = [], 0
    raw = s.encode('utf-8')
    b = bytearray()
    while i < len(raw):
        c = raw[i:i + 1]
        if c == b'\\':
            n = chr(raw[i + 1])
            if n == 'x':
                b.append(int(raw[i + 2:i + 4], 16))
                i += 4
                continue
            b += ESCAPES[n].encode()
            i += 2
            continue
        b += c
        i += 1
    return b.decode('utf-8')


def tokens(text):
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError('cannot read at %r' % text[pos:pos + 20])
        pos = m.end()
        kind = m.lastgroup
        if kind != 'space':
            yield kind, m.group()


class Reader:
    def __init__(self, text):
        self.t = list(tokens(text))
        self.i = 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self, want=None):
        k, v = self.t[self.i]
        if want and v != want:
            raise ValueError('expected %s, read %s' % (want, v))
        self.i += 1
        return k, v

    def settings(self, end=None):
        out = {}
        while self.peek()[1] is not None and self.peek()[1] != end:
            _, name = self.take()
            self.take()  # = or :
            out[name] = self.value()
            if self.peek()[1] in (';', ','):
                self.take()
        return out

    def value(self):
        k, v = self.take()
        if k == 'string':
            s = unescape(v[1:-1])
            while self.peek()[0] == 'string':  # adjacent literals
                s += unescape(self.take()[1][1:-1])
            return s
        if k == 'int':
            return int(v.rstrip('L'), 0)
        if k == 'bool':
            return v.lower() == 'true'
        if v == '{':
            g = self.settings('}')
            self.take('}')
            return g
        if v in '([':
            close = ')' if v == '(' else ']'
            items = []
            while self.peek()[1] != close:
                items.append(self.value())
                if self.peek()[1] == ',':
                    self.take()
            self.take(close)
            return items
        raise ValueError('no value: %s' % v)


def read_cfg(path):
    with open(path, encoding='utf-8') as f:
        return Reader(f.read()).settings()


problems = []


def same(where, want, got):
    if want != got:
        problems.append('%s: the workspace has %r, the export %r' % (where, want, got))


def compare_group(where, cfg, js):
    """Every setting of cfg is in js with the same value."""
    for key, want in cfg.items():
        if key not in js:
            problems.append('%s.%s: in the workspace, not in the export' % (where, key))
        else:
            same('%s.%s' % (where, key), want, js[key])


def compare_list(where, cfg, js):
    if not isinstance(cfg, list):
        return
    entries = [e for e in cfg if isinstance(e, dict)]
    same(where + ' (entries)', len(entries), len(js))
    for k, (e, j) in enumerate(zip(entries, js)):
        compare_group('%s[%s]' % (where, e.get('id', k)), e, j)


PROFILE_SINGLES = ('organisation', 'criteria')


def check_json(ws, export):
    with open(export, encoding='utf-8') as f:
        data = json.load(f)
    prof = read_cfg(os.path.join(ws, 'profile.cfg'))
    for key, value in prof.items():
        if key == 'kijun_workspace':
            continue
        if key == 'criteria':  # the scales, within it in the file, are the profile's in the JSON
            for scale in ('impact', 'likelihood'):
                if scale in value:
                    compare_list('profile.cfg: criteria.' + scale, value.pop(scale), data['profile'][scale])
            compare_group('profile.cfg: ' + key, value, data['profile'][key])
        elif key in PROFILE_SINGLES:
            compare_group('profile.cfg: ' + key, value, data['profile'][key])
        elif key in data['profile']:
            compare_list('profile.cfg: ' + key, value, data['profile'][key])
        else:
            problems.append('profile.cfg: %s: not in the export' % key)
    cl_path = os.path.join(ws, 'checklist.cfg')
    if os.path.exists(cl_path):
        compare_list('checklist.cfg: items', read_cfg(cl_path).get('items', []), data['checklist']['items'])
    rounds = {r['name']: r for r in data['rounds']}
    adir = os.path.join(ws, 'assessments')
    names = sorted(n[:-4] for n in os.listdir(adir) if n.endswith('.cfg')) if os.path.isdir(adir) else []
    only = data['source'].get('round')
    for name in names:
        if only and name != only:
            continue
        if name not in rounds:
            problems.append('assessments/%s.cfg: no round of that name in the export' % name)
            continue
        cfg = read_cfg(os.path.join(adir, name + '.cfg'))
        for key, value in cfg.items():
            if key == 'kijun_workspace':
                continue
            where = 'assessments/%s.cfg: %s' % (name, key)
            if key == 'round':
                compare_group(where, value, rounds[name]['round'])
            elif key in rounds[name]:
                compare_list(where, value, rounds[name][key])
            else:
                problems.append(where + ': not in the export')
    same('rounds', sorted(names) if not only else [only], sorted(rounds))
    # the source: each file's hash and the digest over them, as sha256sum gives them
    import hashlib
    listing = ''
    for f in data['source']['files']:
        with open(os.path.join(ws, f['path']), 'rb') as fh:
            h = hashlib.sha256(fh.read()).hexdigest()
        same('source: ' + f['path'], h, f['sha256'])
        listing += '%s  %s\n' % (h, f['path'])
    same('source: sha256', hashlib.sha256(listing.encode()).hexdigest(), data['source']['sha256'])


def unneutral(cell):
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ('=', '+', '-', '@', '\t', '\r') else cell


def check_csv(ws, export_json, export_csv, round_name):
    with open(export_json, encoding='utf-8') as f:
        data = json.load(f)
    rnd = next(r for r in data['rounds'] if r['name'] == round_name)
    with open(export_csv, 'rb') as f:
        raw = f.read()
    if raw.startswith(b'\xef\xbb\xbf'):
        raw = raw[3:]
    text = raw.decode('utf-8')
    rows = list(csv.reader(io.StringIO(text, newline='')))
    head, body = rows[0], rows[1:]
    same('csv: rows', len(rnd['risks']), len(body))
    names = {}
    for coll in ('services', 'resources'):
        names[coll] = {e['id']: e.get('name', e['id']) for e in data['profile'][coll]}
    for row, risk in zip(body, rnd['risks']):
        cells = {h: unneutral(c) for h, c in zip(head, row)}
        where = 'csv: ' + risk['id']
        same(where + ' id', risk['id'], cells['id'])
        for key in ('title', 'decision', 'owner', 'measures', 'due', 'accepted_by', 'accepted_on', 'note'):
            same('%s %s' % (where, key), risk.get(key, ''), cells[key])
        for key in ('inherent_impact', 'inherent_likelihood', 'impact', 'likelihood'):
            same('%s %s' % (where, key), str(risk[key]) if key in risk else '', cells[key])
        comp = risk['computed']
        same(where + ' residual_value', str(comp['residual_value']) if 'residual_value' in comp else '',
             cells['residual_value'])
        same(where + ' band', comp['band'], cells['band'])
        same(where + ' service', names['services'].get(risk.get('service'), risk.get('service', '')),
             cells['service'])
        same(where + ' resource', names['resources'].get(risk.get('resource'), risk.get('resource', '')),
             cells['resource'])
    if not text.endswith('\r\n'):
        problems.append('csv: the last row does not end in CRLF')


def check_schema(schema_path, export):
    import jsonschema
    with open(schema_path, encoding='utf-8') as f:
        schema = json.load(f)
    with open(export, encoding='utf-8') as f:
        data = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    for err in jsonschema.Draft202012Validator(schema).iter_errors(data):
        problems.append('schema: %s: %s' % ('/'.join(map(str, err.absolute_path)), err.message))


def main():
    mode = sys.argv[1]
    if mode == 'json':
        check_json(sys.argv[2], sys.argv[3])
    elif mode == 'csv':
        check_csv(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    elif mode == 'schema':
        check_schema(sys.argv[2], sys.argv[3])
    for p in problems[:40]:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())

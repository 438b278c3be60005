#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz harnesses into tests/fuzz/corpus/<harness>/.

Deterministic: running it again rewrites the same files. The seeds are committed; run this
after changing it (python3 tests/fuzz/make_corpus.py). Crash inputs that became regression
seeds are kept in corpus/<harness>/regress-* and are not touched here.
"""
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def put(harness, name, data):
    d = os.path.join(CORPUS, harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---- XLSX -----------------------------------------------------------------------------------
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')


def shared_strings(items):
    si = "".join(f"<si><t>{s}</t></si>" for s in items)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst {NS} count="{len(items)}" uniqueCount="{len(items)}">{si}</sst>')


def sheet(rows_xml):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet {NS}><sheetData>{rows_xml}</sheetData></worksheet>')


def xlsx(sheet_xml, shared_xml=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in [("[Content_Types].xml", CONTENT_TYPES),
                              ("xl/workbook.xml", WORKBOOK),
                              ("xl/sharedStrings.xml", shared_xml),
                              ("xl/worksheets/sheet1.xml", sheet_xml)]:
            if content is None:
                continue
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)
    return buf.getvalue()


def both(name, sheet_xml, shared_xml=None):
    """A real .xlsx, and the same parts as raw XML (sheet, NUL, shared strings) for the
    harness's XML way in."""
    put("xlsx", name + ".xlsx", xlsx(sheet_xml, shared_xml))
    raw = sheet_xml.encode() + (b"\0" + shared_xml.encode() if shared_xml is not None else b"")
    put("xlsx", name + ".xml", raw)


SHARED = shared_strings(["ten", "ma_so_thue", "Hợp tác xã Tài Hoan", "Chợ Đồn", "=1+1"])
both("register", sheet(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>4700123456.0</v></c>'
    '<c r="C2" t="b"><v>1</v></c><c r="D2" t="inlineStr"><is><t>Bắc Kạn</t></is></c></row>'
    '<row r="4"><c r="A4" t="s"><v>3</v></c><c r="AA4" t="s"><v>4</v></c></row>'
    '<row><c><v>1</v></c><c><v>2</v></c></row>'), SHARED)
both("no-shared", sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'))
both("column-zzzzzzzz", sheet('<row r="1"><c r="ZZZZZZZZ1"><v>1</v></c></row>'))
both("column-xfd", sheet('<row r="1"><c r="XFD1"><v>1</v></c><c r="ALL1"><v>2</v></c>'
                         '<c r="ALM1"><v>3</v></c></row>'))
both("column-lowercase", sheet('<row r="1"><c r="a1"><v>1</v></c><c r="1"><v>2</v></c></row>'))
both("row-huge", sheet('<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>'
                       '<row r="-5"><c r="A1"><v>1</v></c></row>'))
both("row-max", sheet('<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
                      '<row r="1048577"><c r="A1"><v>1</v></c></row>'))
both("shared-negative", sheet('<row r="1"><c r="A1" t="s"><v>-1</v></c></row>'), SHARED)
both("shared-huge", sheet('<row r="1"><c r="A1" t="s"><v>99999999999999999999</v></c>'
                          '<c r="B1" t="s"><v>5</v></c><c r="C1" t="s"><v></v></c>'
                          '<c r="D1" t="s"><v> 1</v></c></row>'), SHARED)
both("shared-empty-sst", sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
     shared_strings([]))


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


wide = "".join(f'<c r="{col_name(i)}1"><v>{i}</v></c>' for i in range(2000))
both("columns-2000", sheet(f'<row r="1">{wide}</row>'))
both("namespaced", (
    '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main"><x:sheetData><x:row x:r="1"><x:c x:r="B1" x:t="s"><x:v>2</x:v>'
    '</x:c></x:row></x:sheetData></x:worksheet>'), SHARED)
both("entities", ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
                  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                  f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;'
                  '</t></is></c></row></sheetData></worksheet>'))
both("damaged-xml", '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>')
put("xlsx", "not-a-zip.bin", b"PK\x03\x04 this is not really a zip")
put("xlsx", "empty-zip.xlsx", b"PK\x05\x06" + b"\0" * 18)

# ---- CSV ------------------------------------------------------------------------------------
put("csv", "simple.csv", "ten,ma_so_thue,dia_chi\nHợp tác xã A,4700123456,Chợ Đồn\n")
put("csv", "bom-crlf.csv", b"\xef\xbb\xbften,so\r\nA,1\r\nB,2\r\n")
put("csv", "quotes.csv", 'a,"b ""quoted"", with comma","multi\nline"\n"",x\n')
put("csv", "unterminated.csv", 'a,b\n"never closed,\n')
put("csv", "after-quote.csv", '"a"b,c\n')
put("csv", "quote-inside.csv", 'a,b"c\n')
put("csv", "empty-lines.csv", "\n\n,\n\r\n\r\na\n\n")
put("csv", "lone-cr.csv", "a,b\rc,d\r")
put("csv", "formula.csv", "=1+1,+84912345678,-1.500.000,@SUM(A1),'=x,\"\tx\"\n")
put("csv", "header-1000.csv", ",".join(f"c{i}" for i in range(1000)) + "\n" +
    ",".join(str(i) for i in range(1000)) + "\n")
put("csv", "bom-only.csv", b"\xef\xbb\xbf")
put("csv", "double-bom.csv", b"\xef\xbb\xbf\xef\xbb\xbfa,b\n")
put("csv", "invalid-utf8.csv", b"a,\xff\xfe,\xc3\x28\n")

# ---- JSON input -----------------------------------------------------------------------------
J = "json_input"
put(J, "full.json", '{"s":"  Hợp tác xã  ","i":42,"d":"2025-03-01","n":1.5e3,'
    '"a":["x","y"],"ia":[1,2,3],"o":{"k":null}}')
put(J, "empty.json", "{}")
put(J, "nulls.json", '{"s":null,"i":null,"d":null,"n":null,"a":null,"ia":null,"o":null}')
for name, v in [("inf", "1e999"), ("neg-inf", "-1e999"), ("1e19", "1e19"),
                ("int64-max", "9223372036854775807"), ("int64-min", "-9223372036854775808"),
                ("uint64-over", "18446744073709551616"), ("uint64-max", "18446744073709551615"),
                ("neg-zero", "-0"), ("fraction", "1.5"), ("whole-double", "3.0"),
                ("safe-max", "9007199254740991"), ("safe-over", "9007199254740992"),
                ("tiny", "4.9e-324"), ("minus", "-1")]:
    put(J, f"number-{name}.json",
        f'{{"i":{v},"n":{v},"ia":[{v}],"s":{v},"d":{v},"a":[{v}],"o":{v}}}')
put(J, "deep-array-10000.json", '{"o":' + "[" * 10000 + "]" * 10000 + "}")
put(J, "deep-object.json", '{"o":' + '{"o":' * 5000 + "{}" + "}" * 5000 + "}")
put(J, "nul-escape.json", '{"s":"a\\u0000b","a":["\\u0000"]}')
put(J, "lone-surrogate.json", '{"s":"\\ud800","a":["\\udfff\\ud800"]}')
put(J, "invalid-utf8.json", b'{"s":"\xff\xfe\xc3\x28","a":["\xed\xa0\x80"]}')
put(J, "invalid-utf8-key.json", b'{"\xc0\xaf":1}')
put(J, "unknown-field.json", '{"x":1,"s":"a"}')
put(J, "duplicate-keys.json", '{"s":"a","s":"b","i":1,"i":"x"}')
put(J, "not-object.json", '[1,2,3]')
put(J, "string-body.json", '"hello"')
put(J, "trailing-comma.json", '{"s":"a",}')
put(J, "comment.json", '{"s":"a"/* c */}')
put(J, "nan.json", '{"n":NaN}')
put(J, "truncated.json", '{"s":"abc')
put(J, "dates.json", '{"d":"2024-02-29","a":["2023-02-29"]}')
put(J, "date-bad.json", '{"d":"2023-02-29"}')
put(J, "date-shapes.json", '{"d":"20x5-0a-01"}')
put(J, "long-string.json", '{"s":"' + "ệ" * 201 + '","a":["' + "a" * 51 + '"]}')
put(J, "many-items.json", '{"a":[' + ",".join('"x"' for _ in range(11)) + '],"ia":[' +
    ",".join("1" for _ in range(11)) + "]}")
put(J, "nfd.json", '{"s":"Ta\\u0300i"}')
put(J, "whitespace.json", ' \t\r\n{ "s" : " \\t " }\n ')
put(J, "empty-body.json", "")

# ---- text folding ---------------------------------------------------------------------------
for i, s in enumerate(["Hợp tác xã Tài Hoan", "Chợ Đồn", "ĐỒNG LẠC", "Ta\u0300i",
                       "  Bản   Ó\t ", "İstanbul ΣΊΣΥΦΟΣ ǅ ﬁ ẞ Å K", "한국어 가",
                       "\u00a0nbsp\u2003em\u3000", "A\u0301\u0323 \u1ea0\u0301", "\ufeffbom",
                       "\u0344\u0958\u2126\u212a\u1e9e"]):
    put("fold", f"text-{i:02d}.txt", s)
put("fold", "invalid-utf8.bin", b"a\xff b\xc3\x28 \xed\xa0\x80 \xc0\xaf \xf4\x90\x80\x80")
put("fold", "truncated.bin", b"\xe1\xbb")
put("fold", "nul.bin", b"a\0b")

# ---- static paths ---------------------------------------------------------------------------
P = "static_path"
for i, p in enumerate([
        b"/index.html", b"/assets/app.js", b"/sub/", b"/sub/page.html", b"/link-in/app.js",
        b"/ho-so/", b"/", b"//etc/passwd", b"/../../etc/passwd", b"/assets/../../etc/passwd",
        b"/%2e%2e/", b"/\\..\\etc", b"/a\0b", b"/link-out/passwd", b"/link-out/", b"/file-out",
        b"/./index.html", b"/.git/config", b"/assets//app.js", b"/assets/app.js/",
        b"/assets/app.js///", b"/index.html/.", b"/C:/windows", b"/a:b", b"/in\x7fdex.html",
        b"/sub/..", b"/sub/...", b"/..", b"index.html", b"/" + b"a/" * 600,
        b"/\xc0\xae\xc0\xae/etc/passwd", b"/link-in/../index.html", b"/assets/app.js\n"]):
    put(P, f"path-{i:02d}", p)

#!/usr/bin/env python3
"""Writes tongren_stations_gbk.{shp,shx,dbf}: three point records whose .dbf text is GBK, declared only by the
dBASE language driver byte 0x4D (code page 936), with no .cpg, as ArcGIS on a Chinese Windows writes them.
Assembled byte by byte from the ESRI Shapefile Technical Description and the dBASE III layout, independently of
the Java writer under test. Run it from this directory; the output is committed, so tests never run it."""
import struct
from datetime import date

ROWS = [  # name, district, adcode, level, pm25, since, longitude, latitude
    ("铜仁市环境监测站", "碧江区", "520602", 1, 31.25, date(2015, 1, 1), 109.1916, 27.7183),
    ("万山区空气自动站", "万山区", "520603", 2, 28.5, date(2016, 7, 15), 109.2135, 27.5178),
    ("松桃苗族自治县监测站", "松桃苗族自治县", "520628", 3, None, None, 109.2026, 28.1543),
]
FIELDS = [("NAME", "C", 40, 0), ("DISTRICT", "C", 20, 0), ("ADCODE", "C", 6, 0), ("LEVEL", "N", 4, 0),
          ("PM25", "N", 8, 2), ("SINCE", "D", 8, 0)]


def shp_and_shx():
    records, index, offset = b"", b"", 100
    for i, row in enumerate(ROWS):
        content = struct.pack("<idd", 1, row[6], row[7])
        records += struct.pack(">ii", i + 1, len(content) // 2) + content
        index += struct.pack(">ii", offset // 2, len(content) // 2)
        offset += 8 + len(content)
    xs, ys = [r[6] for r in ROWS], [r[7] for r in ROWS]

    def header(length):
        return (struct.pack(">7i", 9994, 0, 0, 0, 0, 0, length // 2)
                + struct.pack("<2i8d", 1000, 1, min(xs), min(ys), max(xs), max(ys), 0, 0, 0, 0))
    return header(100 + len(records)) + records, header(100 + len(index)) + index


def dbf():
    record_length = 1 + sum(f[2] for f in FIELDS)
    header_length = 32 + 32 * len(FIELDS) + 1
    out = struct.pack("<B3BIHH", 0x03, 124, 1, 1, len(ROWS), header_length, record_length)
    out += bytes(17) + bytes([0x4D]) + bytes(2)  # byte 29: language driver 0x4D = GBK
    for name, kind, width, decimals in FIELDS:
        out += name.encode("ascii").ljust(11, b"\0") + kind.encode() + bytes(4) + bytes([width, decimals]) + bytes(14)
    out += b"\r"
    for row in ROWS:
        out += b" "
        for (name, kind, width, decimals), value in zip(FIELDS, row[:6]):
            if value is None:
                text = b""
            elif kind == "C":
                text = value.encode("gbk")
            elif kind == "D":
                text = value.strftime("%Y%m%d").encode()
            else:
                text = (f"{value:.{decimals}f}" if decimals else str(value)).encode()
            assert len(text) <= width, (name, value)
            out += text.ljust(width) if kind in "CD" else text.rjust(width)
    return out + b"\x1a"


if __name__ == "__main__":
    shp, shx = shp_and_shx()
    for ext, data in (("shp", shp), ("shx", shx), ("dbf", dbf())):
        with open("tongren_stations_gbk." + ext, "wb") as f:
            f.write(data)

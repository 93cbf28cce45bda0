"""splice.py: the fixtures exiftool will not write (make.sh calls it)."""
import struct
import sys
import zlib


def segments(b):
    """Yield (marker, start, end) of the JPEG segments before the first scan."""
    i = 2
    while i < len(b) and b[i] == 0xFF:
        m = b[i + 1]
        n = struct.unpack(">H", b[i + 2:i + 4])[0]
        yield m, i, i + 2 + n
        if m == 0xDA:
            return
        i += 2 + n


def second_exif(first, second, out):
    a, g = open(first, "rb").read(), open(second, "rb").read()
    gps = [g[s:e] for m, s, e in segments(g) if m == 0xE1 and g[s + 4:s + 10] == b"Exif\0\0"][0]
    last = [e for m, s, e in segments(a) if m == 0xE1][-1]
    open(out, "wb").write(a[:last] + gps + a[last:])


def clear_flags(src, out):
    b = bytearray(open(src, "rb").read())
    i = b.index(b"VP8X")
    b[i + 8] &= ~0x0C & 0xFF
    open(out, "wb").write(bytes(b))


def compress_itxt(src, out):
    """Rewrite the iTXt chunks of a PNG with their text compressed."""
    b = open(src, "rb").read()
    res, i = b[:8], 8
    while i < len(b):
        n = struct.unpack(">I", b[i:i + 4])[0]
        typ, data = b[i + 4:i + 8], b[i + 8:i + 8 + n]
        if typ == b"iTXt":
            key, rest = data.split(b"\0", 1)
            lang, rest = rest[2:].split(b"\0", 1)
            tkey, text = rest.split(b"\0", 1)
            data = key + b"\0\1\0" + lang + b"\0" + tkey + b"\0" + zlib.compress(text)
        res += struct.pack(">I", len(data)) + typ + data + struct.pack(">I", zlib.crc32(typ + data))
        i += 12 + n
    open(out, "wb").write(res)


if __name__ == "__main__":
    {"second-exif": second_exif, "clear-flags": clear_flags, "compress-itxt": compress_itxt}[sys.argv[1]](*sys.argv[2:])

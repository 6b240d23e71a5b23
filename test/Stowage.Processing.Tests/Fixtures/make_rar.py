#!/usr/bin/env python3
"""Writes a RAR 4.x archive with stored (method 0x30, uncompressed) entries.

No free tool writes RAR, so the test fixtures are built from the format description in
RARLAB's technote.txt ("RAR version 4.x - Technical information"): marker block, archive
header (0x73), one file header (0x74) per entry followed by its data, end-of-archive block (0x7B).
Every block carries HEAD_CRC, the low 16 bits of the CRC32 of the header from HEAD_TYPE on;
file headers also carry FILE_CRC, the CRC32 of the unpacked data.

usage: make_rar.py OUT.rar NAME=CONTENT_FILE | NAME/ (directory) | NAME@TARGET (symlink) ...
"""
import struct
import sys
import zlib

MARKER = b"Rar!\x1a\x07\x00"
MAIN_HEAD, FILE_HEAD, ENDARC_HEAD = 0x73, 0x74, 0x7B
LHD_LONG_BLOCK = 0x8000      # ADD_SIZE (the packed data) follows the header
LHD_DIRECTORY = 0x00E0       # dictionary bits all set means "directory"
HOST_UNIX = 3
UNPACK_VERSION = 29          # RAR 2.9 / 3.x format
METHOD_STORE = 0x30
DOS_TIME = (2024 - 1980) << 25 | 1 << 21 | 1 << 16  # 2024-01-01 00:00:00
MODE_FILE, MODE_DIR, MODE_LINK = 0o100644, 0o040755, 0o120777


def block(head_type, flags, body):
    header = struct.pack("<BHH", head_type, flags, 7 + len(body)) + body
    return struct.pack("<H", zlib.crc32(header) & 0xFFFF) + header


def file_block(name, data, flags, mode):
    encoded = name.encode("utf-8")
    body = struct.pack("<IIBIIBBHI", len(data), len(data), HOST_UNIX, zlib.crc32(data),
                       DOS_TIME, UNPACK_VERSION, METHOD_STORE, len(encoded), mode) + encoded
    return block(FILE_HEAD, LHD_LONG_BLOCK | flags, body) + data


def main(out, specs):
    parts = [MARKER, block(MAIN_HEAD, 0, b"\x00" * 6)]
    for spec in specs:
        if spec.endswith("/"):
            parts.append(file_block(spec.rstrip("/"), b"", LHD_DIRECTORY, MODE_DIR))
        elif "@" in spec:
            name, target = spec.split("@", 1)
            parts.append(file_block(name, target.encode("utf-8"), 0, MODE_LINK))
        else:
            name, path = spec.split("=", 1)
            with open(path, "rb") as f:
                parts.append(file_block(name, f.read(), 0, MODE_FILE))
    parts.append(block(ENDARC_HEAD, 0, b""))
    with open(out, "wb") as f:
        f.write(b"".join(parts))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])

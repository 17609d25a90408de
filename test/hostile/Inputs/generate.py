#!/usr/bin/env python3
"""Writes the hostile inputs into a folder (they are generated, not stored:
some are large, one is binary).

Usage: generate.py DIR
"""
import os
import sys


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "empty.cpp"), b"")
    # An ELF header and binary noise, named like a source file.
    write(os.path.join(out, "binary.cpp"),
          b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 16)
    write(os.path.join(out, "bad_utf8.cpp"),
          b"#include <sqlite3.h>\n"
          b"// caf\xe9 \xff\xfe not UTF-8\n"
          b"const char *Greeting = \"\xc3\x28\";\n"
          b"sqlite3 *Global = nullptr;\n")
    lines = ["#include <libpq-fe.h>", "",
             "int report(const char *Url) {",
             "  PGconn *Conn = PQconnectdb(Url);",
             "  int Total = 0;"]
    lines += [f"  Total += {i} % 7;" for i in range(50000)]
    lines += ["  return Total;", "}", ""]
    write(os.path.join(out, "long_function.cpp"), "\n".join(lines))
    write(os.path.join(out, "nested.cpp"),
          "#include <libpq-fe.h>\n\nint nested(const char *Url) {\n"
          "  PGconn *Conn = PQconnectdb(Url);\n  int R = "
          + "(" * 5000 + "1" + ")" * 5000 + ";\n  return R;\n}\n")
    write(os.path.join(out, "template_depth.cpp"),
          "template <int N> struct Deep { static const int V = Deep<N + 1>::V; };\n"
          "int X = Deep<0>::V;\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Regenerates the analysis fuzzer's seed corpus from the lit tests.

Each test of test/checks/ and test/real-headers/ is cut into small pieces
(its #include lines, its first declarations, then top-level declarations up
to about MAX_BYTES), without the CHECK and RUN comments, which only cost the
fuzzer time. A piece is kept when it compiles against the stub headers of
fuzz/stubs/ exactly as the fuzzer compiles it (clang++-19 -fsyntax-only
-nostdinc -isystem fuzz/stubs): a seed that does not parse mostly tests the
parser's recovery, and the mutations make plenty of those. The tests about
invalid code are kept whole whatever they say.

Usage: fuzz/make_seeds.py [--out fuzz/corpus/analysis] [--clang clang++-19]
The seeds it made before (checks-*, real-headers-*) are replaced; hand-written
seeds in the folder are kept.
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_BYTES = 1800
# Tests about code that does not compile: their errors are the point.
KEEP_WHOLE = {"session-invalid-code.cpp", "session-after-errors.cpp"}
CHECK_LINE = re.compile(r"^\s*//\s*(RUN|CHECK[-A-Z]*):")


def strip(text):
    return "\n".join(line for line in text.splitlines()
                     if not CHECK_LINE.match(line)) + "\n"


def groups(text):
    """Top-level blank-line-separated groups (braces balanced)."""
    result, current, depth = [], [], 0
    for line in text.splitlines():
        current.append(line)
        code = re.sub(r"//.*", "", line)
        code = re.sub(r'"(\\.|[^"\\])*"', '""', code)
        code = re.sub(r"'(\\.|[^'\\])*'", "''", code)
        depth += code.count("{") - code.count("}")
        if depth <= 0 and not line.strip():
            if any(l.strip() for l in current):
                result.append("\n".join(current).strip("\n") + "\n")
            current, depth = [], 0
    if any(l.strip() for l in current):
        result.append("\n".join(current).strip("\n") + "\n")
    return result


def pieces(text):
    parts = groups(text)
    head = [p for p in parts if p.lstrip().startswith("#include")]
    # Comment-only groups (a file's header comment) are not code.
    body = [p for p in parts if p not in head and any(
        line.strip() and not line.lstrip().startswith("//")
        for line in p.splitlines())]
    # Declarations at the top (helpers, forward declarations, small types)
    # serve the whole file: every piece starts with them.
    prelude = "".join(head)
    while body and len(prelude) + len(body[0]) < 700 and (
            prelude == "".join(head) or not re.search(
                r"\)\s*(const\s*)?(noexcept\s*)?\{", body[0])):
        prelude += body.pop(0)
    chunk = ""
    for part in body:
        if chunk and len(prelude) + len(chunk) + len(part) > MAX_BYTES:
            yield prelude + "\n" + chunk
            chunk = ""
        chunk += part + "\n"
    if chunk:
        yield prelude + "\n" + chunk


def compiles(clang, code, tmp):
    path = pathlib.Path(tmp) / "seed.cpp"
    path.write_text(code)
    proc = subprocess.run(
        [clang, "-fsyntax-only", "-std=c++17", "-nostdinc", "-isystem",
         str(ROOT / "fuzz" / "stubs"), "-fno-delayed-template-parsing",
         "-Wno-everything", str(path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc.returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "fuzz/corpus/analysis"))
    parser.add_argument("--clang", default="clang++-19")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for folder in ("checks", "real-headers"):
        for old in out.glob(f"{folder}-*.cpp"):
            old.unlink()
    kept = dropped = 0
    with tempfile.TemporaryDirectory() as tmp:
        for folder in ("checks", "real-headers"):
            for test in sorted((ROOT / "test" / folder).glob("*.cpp")):
                text = strip(test.read_text(encoding="utf-8"))
                if test.name in KEEP_WHOLE:
                    candidates, check = [text], False
                else:
                    candidates, check = list(pieces(text)), True
                for n, code in enumerate(candidates):
                    if check and not compiles(args.clang, code, tmp):
                        dropped += 1
                        continue
                    name = f"{folder}-{test.stem}-{n:02d}.cpp"
                    (out / name).write_text(code, encoding="utf-8")
                    kept += 1
    print(f"{kept} seeds in {out}, {dropped} pieces dropped (did not compile "
          "against fuzz/stubs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

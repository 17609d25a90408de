#!/usr/bin/env python3
"""export_tree.py GIT_DIR COMMIT DEST: writes the commit's tree into DEST,
leaving out blobs the repository does not have (a partial mirror), listed in
DEST/.missing."""
import os
import subprocess
import sys

git_dir, commit, dest = sys.argv[1:4]
tree = subprocess.run(["git", "-C", git_dir, "ls-tree", "-r", "-z", commit],
                      capture_output=True, check=True).stdout
entries = []
for item in tree.split(b"\0"):
    if not item:
        continue
    meta, path = item.split(b"\t", 1)
    mode, kind, sha = meta.split()
    if kind == b"blob":
        entries.append((mode.decode(), sha.decode(), path.decode()))
batch = subprocess.Popen(["git", "-C", git_dir, "cat-file", "--batch"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
missing = []
for mode, sha, path in entries:
    batch.stdin.write(sha.encode() + b"\n")
    batch.stdin.flush()
    header = batch.stdout.readline().split()
    if len(header) < 3 or header[1] == b"missing":
        missing.append(path)
        continue
    data = batch.stdout.read(int(header[2]))
    batch.stdout.read(1)
    target = os.path.join(dest, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if mode == "120000":
        os.symlink(data.decode(), target)
        continue
    with open(target, "wb") as f:
        f.write(data)
    if mode == "100755":
        os.chmod(target, 0o755)
batch.stdin.close()
batch.wait()
with open(os.path.join(dest, ".missing"), "w") as f:
    f.write("".join(p + "\n" for p in missing))
print(f"{len(entries) - len(missing)} files, {len(missing)} missing from "
      f"the mirror", file=sys.stderr)

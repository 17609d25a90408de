#!/usr/bin/env python3
"""Writes an analyzed tree whose compile flags attack the analyzer (issue 15,
items 1 and 2): each attack is one unit, <name>.cpp, a copy of the same file
(a namespace-scope PGconn: one session-static-storage finding on line 5, and
an #error if the driver read a configuration file).

hostile_tree.py ROOT MARKER_PROGRAM MARKER_PLUGIN writes under ROOT:
  bin/amdgpu-arch, bin/nvptx-arch  the marker program (RAN-<name> when run)
  cc/amdgpu-arch, cc/clang++.cfg   next to a compiler path that does not exist
  cfg/*.cfg                        driver configuration files
  evil.so                          the marker plugin (LOADED-evil.so when loaded)
  out/                             where the attacks write; must stay empty
  stub/libpq-fe.h                  what the units include
  src/<name>.cpp                   one unit per attack
  db/compile_commands.json         one entry per attack, flags in the command
  rsp/compile_commands.json        the same flags, each in a response file
                                   (src/<name>.rsp) that names a nested one
  attacks.txt                      the names, one a line
  flags.txt                        every attack's flags, one a line (for `--`
                                   and .clang-tidy ExtraArgs)
"""
import json
import os
import shlex
import shutil
import sys

root, program, plugin = sys.argv[1:4]
root = os.path.abspath(root)
T = root
for d in ("bin", "cc", "cfg", "out", "src", "db", "rsp"):
    os.makedirs(os.path.join(root, d), exist_ok=True)
for probe in ("bin/amdgpu-arch", "bin/nvptx-arch", "cc/amdgpu-arch",
              "cc/nvptx-arch"):
    shutil.copy(program, os.path.join(root, probe))
shutil.copy(plugin, os.path.join(root, "evil.so"))

# A configuration file defines FROM_CONFIG (the unit then does not compile)
# and writes a dependency file.
config = "-DFROM_CONFIG -Wp,-MD,%s/out/from-config.d\n" % T
for name in ("cfg/evil.cfg", "cc/clang++.cfg", "cc/clang.cfg"):
    with open(os.path.join(root, name), "w") as f:
        f.write(config)
for name in ("clang++", "clang", "clang-tool", "c++", "g++",
             "x86_64-pc-linux-gnu", "x86_64-pc-linux-gnu-clang++",
             "x86_64-unknown-linux-gnu-clang++", "x86_64-linux-gnu-clang++"):
    with open(os.path.join(root, "cfg", name + ".cfg"), "w") as f:
        f.write(config)

# The units include <libpq-fe.h> from a stub on the system include path (as
# the real one is: a system header), so that they parse for any target.
os.makedirs(os.path.join(root, "stub"), exist_ok=True)
with open(os.path.join(root, "stub", "libpq-fe.h"), "w") as f:
    f.write("typedef struct pg_conn PGconn;\n")
PQ = "-isystem %s/stub" % T
ATTACKS = [
    # Item 1: programs run, configuration read, code loaded.
    ("hip-arch-tool", "-x hip --offload-arch=native "
     "--amdgpu-arch-tool=%s/bin/amdgpu-arch -nogpulib -nogpuinc" % T),
    ("cuda-arch-tool", "-x cuda --offload-arch=native "
     "--nvptx-arch-tool=%s/bin/nvptx-arch -nocudainc -nocudalib" % T),
    ("openmp-targets", "-fopenmp -fopenmp-targets=amdgcn-amd-amdhsa "
     "-B%s/bin -nogpulib" % T),
    ("openmp-offload-arch", "-fopenmp --offload-arch=native -B %s/bin "
     "-nogpulib" % T),
    ("gpu-native-cpu", "--target=amdgcn-amd-amdhsa -mcpu=native -B%s/bin "
     "-nogpulib" % T),
    ("config", "--config=%s/cfg/evil.cfg" % T),
    ("config-separate", "--config %s/cfg/evil.cfg" % T),
    ("config-user-dir", "--config-user-dir=%s/cfg --config=evil.cfg" % T),
    ("config-system-dir", "--config-system-dir=%s/cfg" % T),
    ("fplugin", "-fplugin=%s/evil.so -fplugin-arg-evil-x=y" % T),
    ("xclang-load", "-Xclang -load -Xclang %s/evil.so" % T),
    ("pass-plugin", "-fpass-plugin=%s/evil.so" % T),
    ("mllvm", "-mllvm -load=%s/evil.so" % T),
    # Item 2: files written where the tree says.
    ("wp-md", "-Wp,-MD,%s/out/wp.d" % T),
    ("serialize-diagnostics", "--serialize-diagnostics %s/out/diag.dia" % T),
    ("dependency-file", "-Xclang -dependency-file -Xclang %s/out/dep.d "
     "-MT pwned" % T),
    ("dependency-dot", "-Xclang -dependency-dot -Xclang %s/out/dep.dot" % T),
    ("header-include-file", "-H -Xclang -header-include-file "
     "-Xclang %s/out/headers.txt" % T),
    ("stats-file", "-Xclang -stats-file=%s/out/stats.json" % T),
    ("module-dependency-dir", "-Xclang -module-dependency-dir "
     "-Xclang %s/out/moddeps" % T),
    ("modules-cache", "-fmodules -fmodules-cache-path=%s/out/cache" % T),
    ("MJ", "-MJ %s/out/mj.json" % T),
    ("time-trace", "-ftime-trace -ftime-trace=%s/out/trace.json" % T),
    ("save-temps", "-save-temps=obj -o %s/out/unit.o" % T),
]
# Probes next to a compiler the command names (which need not exist), and
# its clang++.cfg.
COMPILER = {"next-to-compiler": "%s/cc/clang++" % T}
ATTACKS.append(("next-to-compiler", "-x hip --offload-arch=native "
                "-nogpulib -nogpuinc"))

UNIT = ("#include <libpq-fe.h>\n"
        "#ifdef FROM_CONFIG\n"
        "#error the driver read a configuration file\n"
        "#endif\n"
        "PGconn *Shared = nullptr;\n")

db, rsp_db = [], []
for name, flags in ATTACKS:
    unit = os.path.join(root, "src", name + ".cpp")
    with open(unit, "w") as f:
        f.write(UNIT)
    compiler = COMPILER.get(name, "clang++")
    db.append({"directory": os.path.join(root, "src"), "file": unit,
               "command": "%s %s %s -c %s" % (compiler, PQ, flags, unit)})
    # The flags in a response file, the include path in one it names.
    with open(os.path.join(root, "src", name + ".rsp"), "w") as f:
        f.write(flags + " @" + name + ".inner.rsp\n")
    with open(os.path.join(root, "src", name + ".inner.rsp"), "w") as f:
        f.write(PQ + "\n")
    rsp_db.append({"directory": os.path.join(root, "src"), "file": unit,
                   "command": "%s @%s.rsp -c %s" % (compiler, name, unit)})

with open(os.path.join(root, "db", "compile_commands.json"), "w") as f:
    json.dump(db, f, indent=1)
with open(os.path.join(root, "rsp", "compile_commands.json"), "w") as f:
    json.dump(rsp_db, f, indent=1)
with open(os.path.join(root, "attacks.txt"), "w") as f:
    f.write("".join(name + "\n" for name, _ in ATTACKS))
with open(os.path.join(root, "flags.txt"), "w") as f:
    for name, flags in ATTACKS:
        if name in COMPILER or name == "gpu-native-cpu" or "-x " in flags:
            continue  # their own compiler, target or language
        f.write("".join(word + "\n" for word in shlex.split(flags)))

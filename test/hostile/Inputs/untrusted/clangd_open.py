#!/usr/bin/env python3
"""Opens files in session-clangd, as an editor, and prints what it reports.

clangd_open.py SESSION_CLANGD ROOT STDERR_LOG [CLANGD_ARG...] -- FILE...

Starts the server in ROOT (whose .clangd and compile commands are the
analyzed tree's), opens each FILE, waits for its diagnostics and prints them
as `FILE-NAME: line:col: code: message` (1-based), or `FILE-NAME: none`.
The server's stderr (clangd's log, session-clangd's notes) goes to
STDERR_LOG. Every wait is bounded; the caller adds a hard timeout too.
"""
import json
import os
import subprocess
import sys
import time

TIMEOUT = 60


def main():
    binary, root, log = sys.argv[1:4]
    rest = sys.argv[4:]
    split = rest.index("--")
    extra, files = rest[:split], rest[split + 1:]
    with open(log, "w") as err:
        proc = subprocess.Popen(
            [binary, "--log=error", "--pch-storage=memory", "-j=1"] + extra,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
            cwd=root)

        def send(message):
            body = json.dumps(message).encode()
            proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            proc.stdin.flush()

        def read():
            headers = {}
            while True:
                line = proc.stdout.readline()
                if not line:
                    raise SystemExit("error: session-clangd exited")
                line = line.decode().strip()
                if not line:
                    break
                key, value = line.split(":", 1)
                headers[key.lower()] = value.strip()
            return json.loads(proc.stdout.read(int(headers["content-length"])))

        send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"processId": os.getpid(),
                         "rootUri": "file://" + root, "capabilities": {}}})
        send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        for path in files:
            uri = "file://" + os.path.abspath(path)
            send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                  "params": {"textDocument": {
                      "uri": uri, "languageId": "cpp", "version": 1,
                      "text": open(path).read()}}})
            deadline = time.time() + TIMEOUT
            while True:
                if time.time() > deadline:
                    raise SystemExit("error: no diagnostics for %s" % path)
                message = read()
                if (message.get("method") == "textDocument/publishDiagnostics"
                        and message["params"]["uri"] == uri):
                    break
            name = os.path.basename(path)
            diagnostics = message["params"]["diagnostics"]
            if not diagnostics:
                print("%s: none" % name)
            for d in diagnostics:
                start = d["range"]["start"]
                print("%s: %d:%d: %s: %s" % (
                    name, start["line"] + 1, start["character"] + 1,
                    d.get("code", "?"), d["message"].splitlines()[0]))
            sys.stdout.flush()
        send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
        send({"jsonrpc": "2.0", "method": "exit", "params": None})
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Drives session-clangd through the Language Server Protocol, as an editor.

Starts the server on a scratch project (a .clangd that enables session-* and
a stock check, modernize-use-nullptr, a compile_flags.txt), opens a file that breaks R2
and R3 with real libpqxx headers, and prints every diagnostic clangd
publishes as `line:col: source code: message` (1-based lines); then replaces
the file with its fixed version (didChange) and prints the diagnostics again.
FileCheck asserts on the output.

Usage: lsp_client.py SESSION_CLANGD BAD_FILE FIXED_FILE WORKDIR
"""
import json
import os
import shutil
import subprocess
import sys
import time

TIMEOUT = 120  # seconds to wait for one round of diagnostics


class Server:
    def __init__(self, binary, root):
        self.proc = subprocess.Popen(
            [binary, "--log=error", "--pch-storage=memory", "-j=1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, cwd=root)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method,
                   "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self):
        headers = {}
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("error: session-clangd exited")
            line = line.decode().strip()
            if not line:
                break
            key, value = line.split(":", 1)
            headers[key.lower()] = value.strip()
        return json.loads(self.proc.stdout.read(int(headers["content-length"])))

    def initialize(self, root):
        self.request("initialize", {"processId": os.getpid(),
                                    "rootUri": "file://" + root,
                                    "capabilities": {}})
        self.notify("initialized", {})

    def open(self, uri, text):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})

    def change(self, uri, version, text):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})

    def shutdown(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=30)

    def diagnostics(self, uri, version):
        """Waits for the diagnostics of `uri` at `version`."""
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            message = self.read()
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params["uri"] == uri and params.get("version") == version:
                return params["diagnostics"]
        raise SystemExit("error: no diagnostics within %d s" % TIMEOUT)


def show(diagnostics):
    for d in sorted(diagnostics, key=lambda d: (d["range"]["start"]["line"],
                                                d["range"]["start"]["character"])):
        start = d["range"]["start"]
        print("%d:%d: %s %s: %s" % (start["line"] + 1, start["character"] + 1,
                                     d.get("source", "?"), d.get("code", "?"),
                                     d["message"].splitlines()[0]))


def main():
    binary, bad, fixed, work = sys.argv[1:5]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    with open(os.path.join(work, ".clangd"), "w") as config:
        config.write("Diagnostics:\n  ClangTidy:\n"
                     "    Add: [session-*, modernize-use-nullptr]\n"
                     "    FastCheckFilter: None\n")
    with open(os.path.join(work, "compile_flags.txt"), "w") as flags:
        flags.write("-std=c++17\n-xc++\n")
    path = os.path.join(work, "service.cpp")
    shutil.copy(bad, path)
    uri = "file://" + path

    server = Server(binary, work)
    server.initialize(work)
    server.open(uri, open(bad).read())
    print("== opened")
    show(server.diagnostics(uri, 1))
    server.change(uri, 2, open(fixed).read())
    print("== fixed")
    show(server.diagnostics(uri, 2))
    server.shutdown()


if __name__ == "__main__":
    main()

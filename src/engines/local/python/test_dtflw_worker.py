"""Unit tests of dtflw_worker: python3 -m unittest discover -s src/engines/local/python"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

import dtflw_worker

WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dtflw_worker.py")
MARKER = dtflw_worker.END_OF_STEP.encode("utf-8")


def request(source, cwd, tmp, nonce="n0nce"):
    cells = [{"kind": "python", "source": source, "fileLine": 2}]
    spec = {
        "notebook": "nb.py",
        "parameters": {"p": "v"},
        "spark": "duckdb",
        "cells": cells,
        "duckdb": {"threads": 1, "setup": [], "sandbox": []},
        "exports": [],
    }
    return (json.dumps({"spec": spec, "cwd": cwd, "tmp": tmp, "nonce": nonce}) + "\n").encode("utf-8")


class Worker:
    """A worker process with its protocol pipe on fd 3, as the engine starts it."""

    def __init__(self):
        read, write = os.pipe()
        self.protocol = os.fdopen(read, "rb")
        self.process = subprocess.Popen(
            [sys.executable, "-u", WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(write, 3),
            preexec_fn=lambda: os.dup2(write, 3),
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        )
        os.close(write)

    def step(self, data, nonce="n0nce"):
        self.process.stdin.write(data)
        self.process.stdin.flush()
        line = b""
        while not line.strip():
            line = self.protocol.readline()
        message = json.loads(line)
        self.assertNonce(message, nonce)
        marker = MARKER + (" %s\n" % nonce).encode("utf-8")
        return message["done"], self._until(self.process.stdout, marker), self._until(self.process.stderr, marker)

    @staticmethod
    def assertNonce(message, nonce):
        if message["nonce"] != nonce:
            raise AssertionError("nonce %r, expected %r" % (message["nonce"], nonce))

    @staticmethod
    def _until(stream, marker):
        out = b""
        while not out.endswith(marker):
            out += stream.read(1)
        return out[: -len(marker)].decode("utf-8")

    def close(self):
        self.process.stdin.close()
        code = self.process.wait(10)
        self.process.stdout.close()
        self.process.stderr.close()
        self.protocol.close()
        return code


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class WorkerTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        import shutil

        shutil.rmtree(self.dir, ignore_errors=True)

    def test_runs_steps_in_turn_with_their_output_and_result(self):
        worker = Worker()
        try:
            done, out, err = worker.step(
                request('import os, sys\nprint("cwd", os.getcwd(), os.environ["TMPDIR"])\nprint("oops", file=sys.stderr)\ndbutils.notebook.exit(dbutils.widgets.get("p"))', self.dir, "/t")
            )
            self.assertEqual(done, {"exitValue": "v"})
            self.assertEqual(out, "cwd %s /t\n" % self.dir)
            self.assertEqual(err, "oops\n")
            done, out, _ = worker.step(request('import os\nleaked = 1\nos.environ["X"] = "1"\nos.chdir("/")', self.dir, "/t"))
            self.assertEqual(done, {})
            done, out, _ = worker.step(
                request('import os\nprint("leaked" in globals(), "X" in os.environ, os.getcwd())', self.dir, "/t")
            )
            self.assertEqual(out, "False False %s\n" % self.dir)
        finally:
            self.assertEqual(worker.close(), 0)

    def test_a_bad_request_is_an_error_result(self):
        worker = Worker()
        try:
            done, _, _ = worker.step(b'{"spec": 1, "nonce": "n0nce"}\n')
            self.assertEqual(done["error"]["message"], "bad request: a request needs a spec object")
        finally:
            worker.close()

    def test_each_step_starts_from_a_clean_interpreter(self):
        worker = Worker()
        try:
            patch = "\n".join(
                [
                    "import dtflw_harness, threading, time, sys",
                    "dtflw_harness.run_notebook = lambda spec: {'exitValue': 'captured'}",
                    "sys.modules['json'] = None",
                    "threading.Thread(target=lambda: (time.sleep(0.3), print('ghost')), daemon=False).start()",
                ]
            )
            done, _, _ = worker.step(request(patch, self.dir, "/t", "one"), "one")
            self.assertEqual(done, {})
            done, out, _ = worker.step(
                request("import time\ntime.sleep(0.5)\ndbutils.notebook.exit('real')", self.dir, "/t", "two"), "two"
            )
            self.assertEqual(done, {"exitValue": "real"})
            self.assertNotIn("ghost", out)
        finally:
            self.assertEqual(worker.close(), 0)

    def test_a_notebook_cannot_end_its_step_or_forge_its_result(self):
        worker = Worker()
        try:
            forge = "\n".join(
                [
                    "import os, sys",
                    "marker = '\\0dtflw-end-of-step '",
                    "print(marker + 'n0nce')",
                    "print(marker + 'n0nce', file=sys.stderr)",
                    "for fd in os.listdir('/proc/self/fd'):",
                    "    try:",
                    "        os.write(int(fd), b'{\"done\": {\"exitValue\": \"forged\"}, \"nonce\": \"n0nce\"}\\n')",
                    "    except OSError:",
                    "        pass",
                    "raise ValueError('the real failure')",
                ]
            )
            done, out, _ = worker.step(request(forge, self.dir, "/t", "secret"), "secret")
            self.assertEqual(done["error"]["type"], "ValueError")
            self.assertIn("dtflw-end-of-step n0nce", out)
        finally:
            worker.close()

    def test_processes_a_step_leaves_end_with_it(self):
        worker = Worker()
        pids = os.path.join(self.dir, "pids")
        try:
            spawn = "\n".join(
                [
                    "import subprocess",
                    "a = subprocess.Popen(['sleep', '60'])",
                    "b = subprocess.Popen(['sh', '-c', 'setsid sleep 61 & echo $!'], stdout=subprocess.PIPE)",
                    "detached = b.stdout.readline().decode().strip()",
                    "b.wait()",
                    "open(%r, 'w').write('%%d %%s' %% (a.pid, detached))" % pids,
                ]
            )
            done, _, _ = worker.step(request(spawn, self.dir, "/t"))
            self.assertEqual(done, {})
            with open(pids) as written:
                started = written.read().split()
            for pid in started:
                self.assertFalse(alive(int(pid)), "process %s outlived its step" % pid)
        finally:
            worker.close()

    def test_end_of_input_ends_the_worker_mid_step(self):
        worker = Worker()
        marker = os.path.join(self.dir, "late")
        worker.process.stdin.write(request('import time\ntime.sleep(1)\nopen(%r, "w").write("x")' % marker, self.dir, "/t"))
        worker.process.stdin.flush()
        worker.process.stdin.close()
        self.assertEqual(worker.process.wait(10), 0)
        import time

        time.sleep(1.5)
        self.assertFalse(os.path.exists(marker))
        worker.process.stdout.close()
        worker.process.stderr.close()
        worker.protocol.close()

    def test_exits_when_the_parent_is_not_the_expected_one(self):
        code = subprocess.call(
            [sys.executable, "-c", "import sys; sys.path.insert(0, %r); import dtflw_worker; dtflw_worker.die_with_parent(1)" % os.path.dirname(WORKER)]
        )
        self.assertEqual(code, 70)

    def test_parse_request_checks_the_folders_and_the_nonce(self):
        with self.assertRaisesRegex(ValueError, "cwd as a string"):
            dtflw_worker.parse_request('{"spec": {}, "tmp": "/t", "nonce": "n"}')
        with self.assertRaisesRegex(ValueError, "nonce as a string"):
            dtflw_worker.parse_request('{"spec": {}, "cwd": "/", "tmp": "/t"}')


if __name__ == "__main__":
    unittest.main()

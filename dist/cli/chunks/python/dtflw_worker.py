"""The process that runs Python notebooks for dtflw's local engine.

A worker stays warm for the steps of one run that land on its parallel slot
(interpreter started, modules imported once), and runs each step in a fresh
namespace. The protocol:

- the engine writes a request a line on stdin:
  {"spec": {...}, "cwd": folder, "tmp": folder};
- the notebook's output goes to the worker's stdout and stderr as it is
  printed; after the step the worker writes END_OF_STEP on both, so the
  engine knows it has every line, then {"done": result} a line on fd 3:
  result is the notebook's {"exitValue": v} or {"error": {...}};
- end of input ends the worker at once, even mid-step: it means the engine
  is gone. So does the death of the parent, through PR_SET_PDEATHSIG on
  Linux.

Between steps the worker puts back the working folder, the environment,
sys.path and the import hooks a notebook may have changed. Modules a
notebook imported stay imported: that is what makes the worker warm.
"""

import ctypes
import json
import os
import queue
import signal
import sys
import tempfile
import threading

import dtflw_harness

PR_SET_PDEATHSIG = 1
PROTOCOL_FD = 3
END_OF_STEP = "\0dtflw-end-of-step\n"
READ_SIZE = 65536


def die_with_parent(expected_parent):
    """Has the kernel SIGKILL this process when its parent dies (Linux), and
    exits now if the parent already died (the process was re-parented)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if expected_parent is not None and os.getppid() != expected_parent:
        os._exit(70)


def write_all(fd, data):
    while data:
        written = os.write(fd, data)
        data = data[written:]


def parse_request(line):
    """A request line as a dict; ValueError names what is wrong."""
    request = json.loads(line)
    if not isinstance(request, dict) or not isinstance(request.get("spec"), dict):
        raise ValueError("a request needs a spec object")
    for key in ("cwd", "tmp"):
        if not isinstance(request.get(key), str):
            raise ValueError("a request needs %s as a string" % key)
    return request


def read_requests(requests, fd=0):
    """Reads request lines into `requests`; at end of input, ends the
    process: the engine closed it or died."""
    pending = b""
    while True:
        data = os.read(fd, READ_SIZE)
        if not data:
            os._exit(0)
        pending += data
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            if line.strip():
                requests.put(line)


class ProcessState:
    """What a notebook may change in its process, saved to be put back."""

    def __init__(self):
        self.cwd = os.getcwd()
        self.environ = dict(os.environ)
        self.path = list(sys.path)
        self.meta_path = list(sys.meta_path)
        self.argv = list(sys.argv)

    def restore(self):
        os.chdir(self.cwd)
        os.environ.clear()
        os.environ.update(self.environ)
        sys.path[:] = self.path
        sys.meta_path[:] = self.meta_path
        sys.argv[:] = self.argv
        sys.stdout = sys.__stdout__
        sys.stderr = sys.__stderr__
        tempfile.tempdir = None


def run_step(request):
    """Runs one notebook in a fresh namespace; returns its result."""
    state = ProcessState()
    try:
        os.chdir(request["cwd"])
        os.environ["TMPDIR"] = request["tmp"]
        tempfile.tempdir = None
        return dtflw_harness.run_notebook(request["spec"])
    except BaseException as error:  # the harness itself failed
        return {"error": {"type": type(error).__name__, "message": str(error), "line": None, "traceback": ""}}
    finally:
        state.restore()


def end_step(result):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    marker = END_OF_STEP.encode("utf-8")
    write_all(1, marker)
    write_all(2, marker)
    write_all(PROTOCOL_FD, (json.dumps({"done": result}) + "\n").encode("utf-8"))


def main():
    parent = os.environ.pop("DTFLW_PARENT_PID", None)
    die_with_parent(int(parent) if parent else None)
    # As with `python -c`: the working folder, not ours, leads sys.path.
    if sys.path and os.path.abspath(sys.path[0] or ".") == os.path.dirname(os.path.abspath(__file__)):
        sys.path[0] = ""
    requests = queue.Queue()
    threading.Thread(target=read_requests, args=(requests,), daemon=True).start()
    while True:
        line = requests.get()
        try:
            request = parse_request(line)
        except ValueError as error:
            end_step({"error": {"type": "ValueError", "message": "bad request: %s" % error, "line": None, "traceback": ""}})
            continue
        end_step(run_step(request))


if __name__ == "__main__":
    main()

"""The process that runs Python notebooks for dtflw's local engine.

A worker stays warm for the steps of one run that land on its parallel slot:
the interpreter is started and this module imported once. Each step runs in
a child forked for it, so it starts from a clean interpreter whatever the
step before did: its globals, monkey-patches, threads, environment and
working folder end with its process. The child is forked before its request
arrives, so it is ready at once and has never seen the request's nonce. The
heavy modules a step imported (`WARM_MODULES`, from installed packages only,
never from the repository) are imported by the worker after the step, so
the next child starts with them.

The protocol:

- the engine writes a request a line on stdin:
  {"spec": {...}, "cwd": folder, "tmp": folder, "nonce": random};
- the worker hands spec, cwd and tmp (not the nonce) to the waiting child
  over a pipe of its own; the notebook's output goes straight to the
  worker's stdout and stderr as it is printed;
- when the child has ended, the worker kills whatever the step started
  (the child's process group, and on Linux every orphan re-parented to the
  worker, which is a subreaper), then writes END_OF_STEP and the nonce on
  stdout and stderr, so the engine knows it has every line, then
  {"done": result, "nonce": nonce} a line on fd 3. Result is the notebook's
  {"exitValue": v} or {"error": {...}}, or {"crashed": why} when the child
  died without one. A notebook cannot end its step early or speak for
  another one: it does not know the nonce, it has no fd 3, and the worker
  is not dumpable, so its file descriptors cannot be opened through /proc
  by another process of the user;
- end of input ends the worker at once, even mid-step: it means the engine
  is gone. So does the death of the parent, through PR_SET_PDEATHSIG on
  Linux. SIGTERM ends the running step and everything it started, then the
  worker.
"""

import ctypes
import importlib
import json
import os
import select
import signal
import sys
import tempfile
import time
import warnings

import dtflw_harness

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
PROTOCOL_FD = 3
END_OF_STEP = "\0dtflw-end-of-step"
READ_SIZE = 65536
# Installed packages slow to import that are safe to import before a fork:
# a step that imported one leaves it imported in the worker for the next.
WARM_MODULES = frozenset(["duckdb", "numpy", "pandas", "pyarrow", "pyspark"])
# How long the worker waits for a killed step's processes to end.
SWEEP_SECONDS = 5

# Forking with the threads numpy or pyarrow start is what this worker does
# on purpose (their libraries handle fork); Python 3.12 warns about it.
warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)

_libc = []


def prctl(option, value):
    """Calls prctl(2) on Linux; False elsewhere or when it fails."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        if not _libc:
            _libc.append(ctypes.CDLL(None, use_errno=True))
        return _libc[0].prctl(option, value, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent(expected_parent):
    """Has the kernel SIGKILL this process when its parent dies (Linux), and
    exits now if the parent already died (the process was re-parented)."""
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if expected_parent is not None and os.getppid() != expected_parent:
        os._exit(70)


def write_all(fd, data):
    while data:
        written = os.write(fd, data)
        data = data[written:]


def read_all(fd):
    chunks = []
    while True:
        data = os.read(fd, READ_SIZE)
        if not data:
            return b"".join(chunks)
        chunks.append(data)


def parse_request(line):
    """A request line as a dict; ValueError names what is wrong."""
    request = json.loads(line)
    if not isinstance(request, dict) or not isinstance(request.get("spec"), dict):
        raise ValueError("a request needs a spec object")
    for key in ("cwd", "tmp", "nonce"):
        if not isinstance(request.get(key), str):
            raise ValueError("a request needs %s as a string" % key)
    return request


class Requests:
    """Request lines from the engine on fd 0."""

    def __init__(self, fd=0):
        self.fd = fd
        self.pending = b""
        self.closed = False

    def ready(self):
        return b"\n" in self.pending

    def fill(self):
        """Reads what is there; marks the end of input."""
        data = os.read(self.fd, READ_SIZE)
        if not data:
            self.closed = True
        self.pending += data

    def next_line(self):
        """The next non-empty line, or None at the end of input."""
        while True:
            while b"\n" in self.pending:
                line, self.pending = self.pending.split(b"\n", 1)
                if line.strip():
                    return line
            if self.closed:
                return None
            self.fill()


def children_of(pid):
    """The pids whose parent is `pid` (Linux /proc); empty elsewhere."""
    found = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry, "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 1 and int(fields[1]) == pid:
            found.append(int(entry))
    return found


def kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except OSError:
        pass


def sweep(pgid):
    """Kills a step's process group, then every process left behind: on
    Linux, orphans of the step (double forks, setsid) are re-parented to this
    process, a subreaper; they are killed with their groups until none is
    left, so nothing the step started outlives it or holds its output."""
    kill_group(pgid)
    deadline = time.monotonic() + SWEEP_SECONDS
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid:
            continue
        left = children_of(os.getpid())
        for child in left:
            kill_group(child)
            try:
                os.kill(child, signal.SIGKILL)
            except OSError:
                pass
        if not left and not sys.platform.startswith("linux"):
            return
        time.sleep(0.001)


def describe_status(status):
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = str(number)
        return "killed by signal %s" % name
    return "exit code %d" % os.WEXITSTATUS(status)


def harness_error(message):
    return {"error": {"type": "Error", "message": message, "line": None, "traceback": ""}}


def close_other_fds(*keep):
    """Closes every descriptor above stderr but `keep`."""
    limit = 65536
    try:
        limit = min(limit, os.sysconf("SC_OPEN_MAX"))
    except (OSError, ValueError):
        pass
    low = 3
    for fd in sorted(keep):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, max(low, limit))


def run_child(parent, spec_fd, result_fd):
    """The forked child: waits for its request, runs the notebook, writes the
    result to its pipe, ends. Never returns."""
    os.setpgid(0, 0)
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)
    prctl(PR_SET_DUMPABLE, 1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # The engine's input and the protocol pipe are the worker's alone.
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    close_other_fds(spec_fd, result_fd)
    data = read_all(spec_fd)
    os.close(spec_fd)
    if not data:
        os._exit(0)
    before = set(sys.modules)
    try:
        request = json.loads(data)
        os.chdir(request["cwd"])
        os.environ["TMPDIR"] = request["tmp"]
        tempfile.tempdir = None
        result = dtflw_harness.run_notebook(request["spec"])
    except BaseException as error:  # the harness itself failed
        result = harness_error("%s: %s" % (type(error).__name__, error))
    imported = sorted(name for name in set(sys.modules) - before if name.split(".")[0] in WARM_MODULES)
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            pass
    try:
        # A line of its own, last: what the notebook wrote on the pipe before
        # (it can reach it through /proc/self/fd) is not read as the result.
        report = "\n" + json.dumps({"result": result, "imported": imported})
        write_all(result_fd, report.encode("utf-8"))
    except Exception:
        pass
    os._exit(0)


class Child:
    """A child forked for the next step, waiting for its request."""

    def __init__(self):
        spec_r, spec_w = os.pipe()
        result_r, result_w = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(spec_w)
                os.close(result_r)
                run_child(parent, spec_r, result_w)
            finally:
                os._exit(70)
        os.close(spec_r)
        os.close(result_w)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        self.pid = pid
        self.spec_fd = spec_w
        self.result_fd = result_r

    def start(self, request):
        """Hands the request to the child; False when it already died."""
        try:
            write_all(self.spec_fd, json.dumps(request).encode("utf-8"))
            return True
        except OSError:
            return False
        finally:
            os.close(self.spec_fd)
            self.spec_fd = None

    def wait(self, requests):
        """Reads the child's report until it ends, then ends what it left.
        Returns (report bytes, exit status); the end of the engine's input
        meanwhile ends the worker."""
        chunks = []
        while True:
            readable, _, _ = select.select([self.result_fd, requests.fd], [], [])
            if requests.fd in readable:
                requests.fill()
                if requests.closed:
                    self.stop()
                    os._exit(0)
            if self.result_fd in readable:
                data = os.read(self.result_fd, READ_SIZE)
                if not data:
                    break
                chunks.append(data)
        os.close(self.result_fd)
        _, status = os.waitpid(self.pid, 0)
        sweep(self.pid)
        return b"".join(chunks), status

    def stop(self):
        """Ends the child and everything it started."""
        if self.spec_fd is not None:
            os.close(self.spec_fd)
            self.spec_fd = None
        kill_group(self.pid)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        sweep(self.pid)


def outcome(report, status):
    """The step's result and the modules it imported, from its report."""
    try:
        parsed = json.loads(report.rsplit(b"\n", 1)[-1])
        return parsed["result"], parsed.get("imported", [])
    except (ValueError, KeyError, TypeError):
        return {"crashed": describe_status(status)}, []


def end_step(nonce, result):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    marker = ("%s %s\n" % (END_OF_STEP, nonce)).encode("utf-8")
    write_all(1, marker)
    write_all(2, marker)
    # A newline first: whatever another process wrote on the pipe stays a
    # line of its own, which the engine ignores.
    line = "\n" + json.dumps({"done": result, "nonce": nonce}) + "\n"
    write_all(PROTOCOL_FD, line.encode("utf-8"))


def warm_up(modules):
    """Imports what the last step imported, from installed packages only:
    never a module of the repository (the working folder leaves sys.path)."""
    wanted = [name for name in modules if name not in sys.modules]
    if not wanted:
        return
    saved = list(sys.path)
    sys.path[:] = [p for p in saved if p and os.path.abspath(p) != os.getcwd()]
    try:
        for name in wanted:
            try:
                importlib.import_module(name)
            except BaseException:
                pass
    finally:
        sys.path[:] = saved


def main():
    parent = os.environ.pop("DTFLW_PARENT_PID", None)
    die_with_parent(int(parent) if parent else None)
    prctl(PR_SET_CHILD_SUBREAPER, 1)
    prctl(PR_SET_DUMPABLE, 0)
    # As with `python -c`: the working folder, not ours, leads sys.path.
    if sys.path and os.path.abspath(sys.path[0] or ".") == os.path.dirname(os.path.abspath(__file__)):
        sys.path[0] = ""
    child = [Child()]

    def terminate(signum, frame):
        child[0].stop()
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    requests = Requests()
    while True:
        line = requests.next_line()
        if line is None:
            child[0].stop()
            os._exit(0)
        try:
            request = parse_request(line)
        except ValueError as error:
            nonce = ""
            try:
                nonce = str(json.loads(line).get("nonce", ""))
            except Exception:
                pass
            end_step(nonce, harness_error("bad request: %s" % error))
            continue
        nonce = request.pop("nonce")
        current = child[0]
        if current.start(request):
            report, status = current.wait(requests)
            result, imported = outcome(report, status)
        else:
            current.stop()
            result, imported = {"crashed": "the step's process ended before its request"}, []
        end_step(nonce, result)
        warm_up(imported)
        child[0] = Child()


if __name__ == "__main__":
    main()

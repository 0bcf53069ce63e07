"""`mkdocs build` in a fresh process that does not pay Python's start and imports again.

A test that reads what a writer sees in the terminal runs the MkDocs command in its own process:
about a second of each such build went into starting Python and importing MkDocs, the theme,
the plugins and this package (about 50 builds per test run). Here one helper process imports all
that once (every installed plugin's module and the project's hook files; it builds nothing and
makes no plugin), then forks a child for each build: a process of its own, with the request's
environment, working folder and arguments, its output in files, its exit status the command's.
No library does this for a command line (multiprocessing's forkserver runs functions, not a
program's main with its own output and exit), so it is written here.

Used only where it gives what a new process gives: not for another engine (ProperDocs), and not
when the caller sets PYTHONHASHSEED (only a new interpreter takes a new hash seed). POSIX only.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

START_VARIABLES = {"NO_MKDOCS_2_WARNING": "1"}  # as every build the tests make: the theme's banner stays off


class Prestarted:
    """The helper process, started on the first build; `run` is `subprocess.run` of `mkdocs build`."""

    def __init__(self, hooks_dir: Path) -> None:
        self.hooks_dir = hooks_dir
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def usable(self, engine: str, env: dict[str, str]) -> bool:
        return engine == "mkdocs" and hasattr(os, "fork") and "PYTHONHASHSEED" not in env

    def run(self, args: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
        with self._lock:
            process = self._started(env)
            process.stdin.write(json.dumps({"args": args, "env": env, "cwd": os.getcwd(), "timeout": timeout}) + "\n")
            process.stdin.flush()
            answer = process.stdout.readline()
        if not answer:
            raise RuntimeError("the prestarted MkDocs process stopped")
        result = json.loads(answer)
        if result.get("timeout"):
            raise subprocess.TimeoutExpired(args, timeout)
        return subprocess.CompletedProcess([sys.executable, *args], result["returncode"], result["stdout"], result["stderr"])

    def _started(self, env: dict[str, str]) -> subprocess.Popen:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(self.hooks_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, text=True, env={**env, **START_VARIABLES})
        return self._process

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.stdin.close()
            self._process.wait(timeout=30)


# --- the helper process --------------------------------------------------------------------------

def _import_everything(hooks_dir: str) -> None:
    """What every build imports: MkDocs' command, every installed plugin's module, and the project's
    hook files (through them this package). Nothing is built, and no plugin is made: MkDocs keeps the
    plugins it makes for the whole process, and the blog plugin's folder would then be shared."""
    import importlib.util

    import mkdocs.__main__
    import mkdocs.commands.build  # noqa: F401
    from mkdocs.plugins import get_plugins

    for entry_point in get_plugins().values():
        with contextlib.suppress(Exception):  # a plugin this project does not use may lack what it needs
            entry_point.load()
    for path in sorted(Path(hooks_dir).glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"_prestarted_{path.stem}", path)
        spec.loader.exec_module(importlib.util.module_from_spec(spec))


def _child(request: dict, out_path: str, err_path: str) -> None:
    """In the forked child: become the command `python -m mkdocs <args>`, then exit with its status."""
    status = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for fd, path in ((1, out_path), (2, err_path)):
            file = os.open(path, os.O_WRONLY | os.O_TRUNC)
            os.dup2(file, fd)
            os.close(file)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        import mkdocs.__main__
        from mkdocs.__main__ import cli

        sys.argv = [mkdocs.__main__.__file__, *request["args"][2:]]  # as `python -m mkdocs` sets it
        try:
            cli.main(args=request["args"][2:], prog_name="python -m mkdocs", standalone_mode=True)
            status = 0
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        # Out without the exit handlers: those inherited are the helper's (one would delete its
        # folders); what the command wrote is flushed first.
        try:
            import logging

            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def _serve(hooks_dir: str) -> None:
    answers = os.fdopen(os.dup(1), "w")  # the answers' channel; anything else printed goes to stderr
    os.dup2(2, 1)
    with contextlib.suppress(Exception):  # what is not imported here, each build imports itself
        _import_everything(hooks_dir)
    requests = sys.stdin
    for line in requests:
        request = json.loads(line)
        paths = [tempfile.mkstemp(prefix="kda-build-")[1] for _ in range(2)]
        answers.flush()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request, *paths)
        status = _wait(pid, request["timeout"])
        if status is None:
            answer = {"timeout": True}
        else:
            answer = {"returncode": status, "stdout": Path(paths[0]).read_text(errors="replace"),
                      "stderr": Path(paths[1]).read_text(errors="replace")}
        for path in paths:
            os.unlink(path)
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


def _wait(pid: int, timeout: float) -> int | None:
    """The child's exit status, or None (and the child killed) after `timeout` seconds."""
    import signal
    import time

    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None
        time.sleep(0.01)


if __name__ == "__main__":
    _serve(sys.argv[1])

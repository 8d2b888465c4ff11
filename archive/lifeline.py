"""No process of a bulk ingest outlives it, even when the ingest is killed with SIGKILL.

A bulk ingest's workers and index sub-writers are started by multiprocessing's
fork server, so they are the fork server's children, and the fork server is the
ingest's. Neither notices on its own when the ingest dies: a sub-writer waits on
a queue whose write end it holds itself, and a kill early in a run left the
fork server and two workers (600 MB) running. Linux's parent-death signal ties
each one to its parent: the fork server to the ingest (this module is in the
fork server's preload list, and acts only there), each worker and sub-writer to
the fork server (die_with_parent() is the first thing they do). Elsewhere than
Linux this does nothing.
"""

import ctypes
import os
import signal
import sys

ENV = "ARCHIVE_LIFELINE_PID"  # the pid a process's children must have as their parent
PR_SET_PDEATHSIG = 1


_children_parent = None  # in the fork server: its own pid, which the children it forks check (inherited memory)


def mark_parent():
    """In a process about to start a fork server: the fork server is to die with this process."""
    os.environ[ENV] = str(os.getpid())


def die_with_parent(expected=None):
    """Be killed when the parent process dies (exit now if it died already). expected: the parent's
    pid; by default the fork server's, in a process it started. Elsewhere: nothing."""
    expected = expected or _children_parent
    if expected is None or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != expected:  # the parent died before the signal was set
        os._exit(1)


def _in_fork_server():
    # imported as a preload by the fork server (spawned as `python -c`), whose parent set ENV to its pid
    return (
        os.environ.get(ENV) == str(os.getppid())
        and sys.argv[:1] == ["-c"]
        and "multiprocessing.forkserver" in sys.modules
    )


if _in_fork_server():
    die_with_parent(os.getppid())
    _children_parent = os.getpid()

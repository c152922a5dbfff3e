"""The process-tree CPU count of the runner benchmarks sees this process and its children."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from veille.runners.proctime import TreeClock, tree_cpu

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def test_tree_cpu_holds_this_process_and_a_live_child() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        found = tree_cpu(os.getpid())
        assert os.getpid() in found and child.pid in found
    finally:
        child.kill()
        child.wait()


def test_tree_clock_counts_a_child_that_ended_inside_the_block() -> None:
    work = "import time\nend = time.process_time() + 0.5\nwhile time.process_time() < end: pass"
    with TreeClock(every=0.05) as clock:
        subprocess.run([sys.executable, "-c", work], check=True)
    assert clock.seconds > 0.2  # the child's half second of CPU, bar its last sample


def test_a_settling_clock_counts_a_child_still_busy_after_the_block() -> None:
    # A child that goes on working after the block ends, as an exiting Ray actor does.
    work = "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass"
    with TreeClock(every=0.05, settle=10) as clock:
        child = subprocess.Popen([sys.executable, "-c", work])
    child.wait()
    assert clock.seconds > 0.1  # counted after the block (its start-up alone is a few hundredths)

"""Stopping a `gazette` process a benchmark started, as a person at the terminal would."""
from __future__ import annotations

import signal
import subprocess


def stop(process: subprocess.Popen, timeout: float) -> None:
    """Ctrl-C (SIGINT), so the process finishes its work and cleans up as it does for a user;
    killed only if it has not ended after `timeout` seconds."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()

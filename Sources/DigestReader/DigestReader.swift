// DigestReader: work in progress.

// Layout: work in progress.

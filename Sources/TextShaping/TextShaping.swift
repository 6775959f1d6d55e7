// TextShaping: work in progress.

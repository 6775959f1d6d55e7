// LayoutSpec: work in progress.

// PDFRenderer: work in progress.

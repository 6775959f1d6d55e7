internal import CCairo
import PageModel

extension CairoSurface {
    /// Adds the bookmarks, depth first so every parent exists before its children.
    ///
    /// Top-level entries are open (their children show), deeper ones closed. Cairo resolves
    /// the destinations when the file is finished, so this may run after the last page.
    func addOutline(_ entries: [OutlineEntry]) {
        addOutline(entries, parent: Int32(CAIRO_PDF_OUTLINE_ROOT))
    }

    private func addOutline(_ entries: [OutlineEntry], parent: Int32) {
        for entry in entries {
            let id = addOutlineItem(
                parent: parent, title: entry.title,
                attributes: TagAttributes.outlineTarget(entry.destination),
                open: parent == Int32(CAIRO_PDF_OUTLINE_ROOT))
            addOutline(entry.children, parent: id)
        }
    }
}

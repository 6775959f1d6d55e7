import PageModel

/// A glyph run's text and clusters in the order cairo reads them, checked the way cairo checks.
///
/// PageModel lists clusters in glyph order, so in a backward (right-to-left) run they walk the
/// text from its end. Cairo's `CAIRO_TEXT_CLUSTER_FLAG_BACKWARD` means the mirror image:
/// clusters walk the text from its start and take their glyphs from the end of the glyph
/// array. Reversing a backward run's clusters turns one into the other.
///
/// Cairo puts the whole context into a permanent error state on a bad cluster map, which
/// would end the render with an anonymous "invalid clusters"; checking here first names the
/// run instead.
package struct ClusterMap: Equatable, Sendable {
    /// The run's text as UTF-8.
    package var utf8: [UInt8]
    /// Clusters in text order.
    package var clusters: [Cluster]
    /// True when the clusters take their glyphs from the end of the glyph array.
    package var isBackward: Bool

    /// Why a run's clusters cannot be used.
    package struct Problem: Error, Equatable, Sendable {
        package var detail: String
        package init(detail: String) { self.detail = detail }
    }

    /// The map of `run`; nil when the run has no text to attach (glyphs drawn without text).
    package init?(_ run: GlyphRun) throws(Problem) {
        if run.text.isEmpty && run.clusters.isEmpty { return nil }
        let utf8 = Array(run.text.utf8)
        let clusters = run.isBackward ? Array(run.clusters.reversed()) : run.clusters
        try Self.validate(clusters, utf8: utf8, glyphCount: run.glyphs.count)
        self.utf8 = utf8
        self.clusters = clusters
        self.isBackward = run.isBackward
    }

    /// Cairo's rules: counts are non-negative, no cluster is empty, each cluster covers whole
    /// UTF-8 characters, and together they cover every byte and every glyph exactly once.
    private static func validate(_ clusters: [Cluster], utf8: [UInt8], glyphCount: Int) throws(Problem) {
        var bytes = 0
        var glyphs = 0
        for (index, cluster) in clusters.enumerated() {
            guard cluster.byteCount >= 0, cluster.glyphCount >= 0 else {
                throw Problem(detail: "cluster \(index + 1) has a negative count")
            }
            guard cluster.byteCount > 0 || cluster.glyphCount > 0 else {
                throw Problem(detail: "cluster \(index + 1) covers no text and no glyphs")
            }
            bytes += cluster.byteCount
            glyphs += cluster.glyphCount
            guard bytes <= utf8.count, glyphs <= glyphCount else { break }
            if bytes < utf8.count && isContinuationByte(utf8[bytes]) {
                throw Problem(detail: "cluster \(index + 1) ends inside a character (byte \(bytes))")
            }
        }
        guard bytes == utf8.count, glyphs == glyphCount else {
            throw Problem(detail: "clusters cover \(bytes) bytes and \(glyphs) glyphs, "
                + "but the run has \(utf8.count) bytes and \(glyphCount) glyphs")
        }
    }

    private static func isContinuationByte(_ byte: UInt8) -> Bool { byte & 0b1100_0000 == 0b1000_0000 }
}

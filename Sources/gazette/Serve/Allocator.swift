internal import CMalloc

/// How `gazette serve` hands freed memory back to the system, so its resident size stays
/// flat over any number of builds.
///
/// Measured (heaptrack, mallinfo2, /proc/PID/smaps over 150 builds of the example month):
/// the memory in use between builds is 4–5 MB, yet glibc kept 55–64 MB of freed memory
/// in its arenas, and the resident size grew by about 20 KB a build. The cause is glibc's
/// dynamic thresholds: freeing one large block (a PDF's bytes, qpdf's buffers, a picture)
/// raises the size above which blocks are mapped on their own (up to 32 MB) and the free
/// space an arena keeps at its top (twice that). From then on those blocks come from the
/// arenas, and each of the arenas that the server's threads come to use (up to 8 a core)
/// keeps its high-water mark. `malloc_trim` alone did not help: it leaves the tops of
/// the threads' arenas alone.
enum Allocator {
    /// glibc's defaults before they move (128 KB): larger blocks are mapped and unmapped
    /// on their own, and an arena gives back free space at its top past this.
    static let threshold: Int32 = 128 * 1024

    /// Fixes both thresholds, which also stops glibc from raising them. Call once, before
    /// the server starts its threads.
    static func keepThresholdsFixed() {
        _ = mallopt(M_MMAP_THRESHOLD, threshold)
        _ = mallopt(M_TRIM_THRESHOLD, threshold)
    }

    /// Hands back the free pages inside every arena (what the thresholds do not reach:
    /// free blocks between blocks in use). Called when the workshop has nothing left to
    /// do, so a burst of builds pays for it once.
    static func releaseFreeMemory() {
        _ = malloc_trim(0)
    }
}

import Foundation
import PageModel

/// Pictures scaled and re-encoded by gdk-pixbuf on a thread of their own while the first
/// pages are drawn.
///
/// Scaling with gdk-pixbuf's best filter and encoding as PNG and JPEG to keep the smaller is
/// a fixed cost of a build: a seventh of the sample month's instructions, all on the one
/// thread that draws, while the other core waits for the qpdf pass. Encoded in the order the
/// pages first show them, a picture is usually ready when the drawing reaches it. The bytes
/// are the same on either thread, so the PDF is too. gdk-pixbuf allows this: since 2.28 it
/// loads only thread-safe loaders, and each job has pixbufs of its own.
final class PictureEncoding: @unchecked Sendable {
    /// One picture to re-encode: `path` at `size` pixels, JPEG at `quality` if smaller.
    struct Job: Sendable {
        var path: String
        var size: PixelSize
        var quality: Int
    }

    /// A picture's new file bytes.
    enum Encoded {
        case jpeg([UInt8])
        case png([UInt8])
    }

    private let condition = NSCondition()
    private let queued: Set<String>
    private var done: [String: Result<Encoded, any Error>] = [:]

    /// Starts encoding `jobs`, in their order, on a new thread.
    init(_ jobs: [Job]) {
        queued = Set(jobs.map(\.path))
        guard !jobs.isEmpty else { return }
        Thread.detachNewThread { [self] in
            for job in jobs {
                let result = Result { try Self.encode(job) }
                condition.withLock {
                    done[job.path] = result
                    condition.broadcast()
                }
            }
        }
    }

    /// The picture at `path`, once its thread has encoded it; nil for a path never queued.
    /// - Throws: what encoding it threw (`RenderError`).
    func encoded(_ path: String) throws -> Encoded? {
        guard queued.contains(path) else { return nil }
        let result = condition.withLock {
            while done[path] == nil { condition.wait() }
            return done[path]!
        }
        return try result.get()
    }

    /// The picture at `job.path` at `job.size` pixels, as JPEG or PNG, whichever is smaller.
    ///
    /// A PNG that already fits comes through here too: a photograph saved as PNG is often
    /// several times smaller as JPEG, while a chart of flat colours stays PNG.
    static func encode(_ job: Job) throws -> Encoded {
        guard isReadableFile(job.path) else {
            throw RenderError.unreadableFile(path: job.path, reason: "image file not found or not readable")
        }
        var picture = try Pixbuf(path: job.path)
        if picture.width != job.size.width || picture.height != job.size.height {
            picture = try picture.scaled(width: job.size.width, height: job.size.height, path: job.path)
        }
        let png = try picture.pngBytes(path: job.path)
        if !picture.hasAlpha {
            let jpeg = try picture.jpegBytes(quality: job.quality, path: job.path)
            if jpeg.count < png.count { return .jpeg(jpeg) }
        }
        return .png(png)
    }
}

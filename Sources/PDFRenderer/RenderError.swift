/// Why a PDF or PNG could not be written.
///
/// Every case names what it was working on (a file path, a page, a destination) so the message
/// printed by the command line is enough to find the cause. Pages are numbered from 1.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Cairo reported an error status; `status` is cairo's own wording.
    case cairo(status: String, action: String, path: String)
    /// An image or font file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A `.jpeg` image whose bytes are not a baseline or progressive JPEG.
    case notJPEG(path: String)
    /// `Metadata.creationDate` is not an ISO 8601 date; cairo would silently drop it and write
    /// the clock instead, so the output would change from run to run.
    case invalidCreationDate(String)
    /// A link or outline entry names a destination that no page anchors.
    case missingDestination(name: String, referencedBy: String)
    /// A glyph run whose clusters do not cover its text and glyphs exactly.
    case invalidClusters(page: Int, text: String, detail: String)
    /// A page whose size is zero, negative or not a number.
    case invalidPageSize(page: Int, width: Double, height: Double)
    /// A PNG resolution that is not a positive number, or gives an image too big for cairo.
    case invalidResolution(dpi: Double, detail: String)
    /// A file could not be written; `reason` is the system's.
    case unwritableFile(path: String, reason: String)
    /// `writePDF` was given a document without pages.
    case emptyDocument(path: String)

    /// The message as the command line prints it: lower-case, quoting the values, naming the fix.
    public var description: String {
        switch self {
        case let .cairo(status, action, path):
            "cannot \(action) '\(path)': cairo: \(status)"
        case let .unreadableFile(path, reason):
            "cannot read '\(path)': \(reason)"
        case let .unwritableFile(path, reason):
            "cannot write '\(path)': \(reason)"
        case let .notJPEG(path):
            "'\(path)' is not a JPEG file; convert it to JPEG or declare it as PNG"
        case let .invalidCreationDate(date):
            "invalid creation date '\(date)'; expected ISO 8601 such as '2024-06-30T00:00:00Z'"
        case let .missingDestination(name, referencedBy):
            "\(referencedBy) points to unknown destination '\(name)'; add an anchor named '\(name)'"
        case let .invalidClusters(page, text, detail):
            "glyph run '\(text)' on page \(page) has invalid clusters: \(detail)"
        case let .invalidPageSize(page, width, height):
            "page \(page) has size \(width) x \(height) pt; both sides must be positive"
        case let .invalidResolution(dpi, detail):
            "invalid resolution \(dpi) dpi: \(detail)"
        case let .emptyDocument(path):
            "cannot write '\(path)': the document has no pages"
        }
    }
}

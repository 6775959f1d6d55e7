import Geometry
import PageModel

/// How a PDF stores its pictures: how many pixels it keeps and how it compresses them.
public struct ImageOptions: Sendable, Equatable {
    /// Pixels per inch at a picture's placed size; a picture with more is scaled down to this
    /// (its largest placement decides). Nil keeps every pixel of every file.
    public var maxResolution: Double?
    /// Quality (1–100) of pictures that are re-encoded as JPEG.
    public var jpegQuality: Int

    public init(maxResolution: Double?, jpegQuality: Int = 85) {
        self.maxResolution = maxResolution; self.jpegQuality = jpegQuality
    }

    /// The files as they are.
    public static let original = ImageOptions(maxResolution: nil)

    /// The most pixels each picture file needs: its largest placement in `document` at
    /// `maxResolution`, rounded down so no placement comes out above it. Empty without a
    /// maximum.
    func pixelBudgets(in document: PagedDocument) -> [String: PixelSize] {
        guard let resolution = maxResolution, resolution > 0 else { return [:] }
        var budgets: [String: PixelSize] = [:]
        for page in document.pages {
            for case .image(let image) in page.items where image.format != .svg {
                let width = Int((image.frame.width.points / 72 * resolution).rounded(.down))
                let height = Int((image.frame.height.points / 72 * resolution).rounded(.down))
                let known = budgets[image.path] ?? PixelSize(width: 1, height: 1)
                budgets[image.path] = PixelSize(width: max(known.width, width), height: max(known.height, height))
            }
        }
        return budgets
    }
}

/// A width and height in pixels.
struct PixelSize: Equatable {
    var width: Int
    var height: Int

    /// This size when it fits inside `budget`; else scaled down, aspect kept, until it does.
    func fitted(into budget: PixelSize) -> PixelSize {
        guard width > budget.width || height > budget.height else { return self }
        let factor = min(Double(budget.width) / Double(width), Double(budget.height) / Double(height))
        return PixelSize(width: max(1, Int((Double(width) * factor).rounded(.down))),
                         height: max(1, Int((Double(height) * factor).rounded(.down))))
    }
}

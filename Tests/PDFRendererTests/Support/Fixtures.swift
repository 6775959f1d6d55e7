import CCairo
import Foundation
import Geometry
import PageModel

/// Test images, written into a temporary directory at test time.
enum TestImages {
    /// A 16 × 8 pixel baseline JPEG (red left half, blue right half), made once with Pillow:
    /// `Image.new("RGB", (16, 8))`, pixels set, `save("t.jpg", quality=80, optimize=True)`.
    static let jpegBase64 = [
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwg",
        "IyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgo",
        "KCgoKCgoKCgoKCgoKCj/wAARCAAIABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAA",
        "AAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAZEQACAwEAAAAAAAAAAAAAAAAABkOCwkT/2gAMAwEAAhEDEQA/AIdJ",
        "AaQeimiidoLZP//Z",
    ].joined()

    /// Writes the JPEG fixture to `path`.
    static func writeJPEG(to path: String) throws {
        guard let data = Data(base64Encoded: jpegBase64) else { throw ToyShaper.Failure(description: "bad base64") }
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Writes an opaque PNG of one colour through cairo.
    static func writePNG(to path: String, width: Int32, height: Int32, color: Color) throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
            throw ToyShaper.Failure(description: "no surface")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw ToyShaper.Failure(description: "no context") }
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
        cairo_paint(cr)
        cairo_destroy(cr)
        guard cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS else {
            throw ToyShaper.Failure(description: "cannot write \(path)")
        }
    }
}

/// A rectangle in points: x and y of the top-left corner, width, height.
func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double) -> Rect {
    Rect(x: .pt(x), y: .pt(y), width: .pt(width), height: .pt(height))
}

/// One pixel of a PNG read back through cairo, channels 0…255.
struct Pixel: Equatable {
    var red, green, blue: Int
    var isWhite: Bool { red == 255 && green == 255 && blue == 255 }
}

/// A PNG file decoded through cairo for pixel checks.
final class DecodedPNG {
    let width: Int
    let height: Int
    private let pixels: [UInt32]

    init(path: String) throws {
        guard let surface = cairo_image_surface_create_from_png(path),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { throw ToyShaper.Failure(description: "cannot read \(path)") }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            throw ToyShaper.Failure(description: "no pixels in \(path)")
        }
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for row in 0..<height {
            let line = UnsafeRawPointer(data + row * stride)
            for column in 0..<width {
                pixels.append(line.loadUnaligned(fromByteOffset: column * 4, as: UInt32.self))
            }
        }
        self.pixels = pixels
    }

    /// The pixel at column `x`, row `y` (cairo stores 0xAARRGGBB in native order).
    subscript(x: Int, y: Int) -> Pixel {
        let value = pixels[y * width + x]
        return Pixel(red: Int((value >> 16) & 0xFF), green: Int((value >> 8) & 0xFF), blue: Int(value & 0xFF))
    }

    /// True when some pixel in the rectangle is not white.
    func hasInk(x: Range<Int>, y: Range<Int>) -> Bool {
        y.contains { row in x.contains { column in !self[column, row].isWhite } }
    }
}

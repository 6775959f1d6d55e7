// swift-tools-version:6.0
import Foundation
import PackageDescription

/// qpdf 12, when `make deps` has unpacked it into .deps/qpdf/lib (see the Makefile: Debian 12
/// has only qpdf 11.3, whose finishing pass takes twice as long): linked by its path in place
/// of Debian's, and found at run time beside the build, or in PREFIX/lib/gazette once
/// installed. Debian's headers serve both. SwiftPM caches this answer by the manifest's text
/// and the environment, so the Makefile exports GAZETTE_QPDF to have it asked again once the
/// library is there; a `swift build` by hand keeps the answer it was first given.
let qpdf12 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(".deps/qpdf/lib").path
let qpdfLinking: [LinkerSetting] = FileManager.default.fileExists(atPath: qpdf12 + "/libqpdf.so")
    ? [.unsafeFlags(["-Xlinker", qpdf12 + "/libqpdf.so", "-Xlinker", "-rpath", "-Xlinker", qpdf12,
                     "-Xlinker", "-rpath", "-Xlinker", "$ORIGIN/../lib/gazette"])]
    : [.linkedLibrary("qpdf")]

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gazette", targets: ["gazette"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // `gazette serve`: the editors' web page (issue 17).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // C libraries: a module map and a shim header each, nothing else.
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo-ft",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPango", path: "Sources/CPango", pkgConfig: "pangoft2",
                       providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CHyphen", path: "Sources/CHyphen", providers: [.apt(["libhyphen-dev"])]),
        // Linked by PDFFinishing: Debian's qpdf 11 or the project's qpdf 12 (see qpdfLinking).
        .systemLibrary(name: "CQPDF", path: "Sources/CQPDF", providers: [.apt(["libqpdf-dev"])]),
        // glibc's mallopt and malloc_trim, for `gazette serve`'s memory over many builds.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .systemLibrary(name: "CTurboJPEG", path: "Sources/CTurboJPEG", pkgConfig: "libturbojpeg",
                       providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CQRencode", path: "Sources/CQRencode", pkgConfig: "libqrencode",
                       providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CGdkPixbuf", path: "Sources/CGdkPixbuf", pkgConfig: "gdk-pixbuf-2.0",
                       providers: [.apt(["libgdk-pixbuf-2.0-dev"])]),
        .systemLibrary(name: "CRsvg", path: "Sources/CRsvg", pkgConfig: "librsvg-2.0",
                       providers: [.apt(["librsvg2-dev"])]),
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),

        // Plain Swift values shared by every stage.
        .target(name: "Diagnostics"),
        .target(name: "Geometry"),
        .target(name: "DigestModel", dependencies: ["Geometry", "Diagnostics"]),
        .target(name: "PageModel", dependencies: ["Geometry"]),
        .target(name: "LayoutSpec",
                dependencies: ["Geometry", "Diagnostics", .product(name: "Yams", package: "Yams")]),

        // Stages.
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        .target(name: "DigestReader",
                dependencies: ["DigestModel", "Diagnostics", "CCmark",
                               .product(name: "Yams", package: "Yams")]),
        .target(name: "TextShaping",
                dependencies: ["Geometry", "LayoutSpec", "PageModel", "CPango", "CHyphen"]),
        .target(name: "Layout",
                dependencies: ["DigestModel", "LayoutSpec", "TextShaping", "PageModel",
                               "Diagnostics", "Geometry", "QRCode"]),
        .target(name: "Imposition", dependencies: ["PageModel", "Geometry"]),
        .target(name: "PDFRenderer",
                dependencies: ["PageModel", "Geometry", "CCairo", "CTurboJPEG", "CGdkPixbuf", "CRsvg"]),
        .target(name: "PDFFinishing", dependencies: ["Geometry", "CQPDF", "CLibXML2"], linkerSettings: qpdfLinking),
        .target(name: "Import",
                dependencies: ["DigestModel", "DigestReader", "Diagnostics", "CLibXML2",
                               .product(name: "Yams", package: "Yams")]),

        .executableTarget(name: "gazette",
                          dependencies: ["DigestReader", "DigestModel", "Import", "Layout", "PDFRenderer", "LayoutSpec", "Imposition",
                                         "PageModel", "Geometry", "TextShaping", "Diagnostics", "PDFFinishing", "CMalloc",
                                         .product(name: "Yams", package: "Yams"),
                                         .product(name: "Hummingbird", package: "hummingbird"),
                                         .product(name: "ArgumentParser",
                                                  package: "swift-argument-parser")]),

        .testTarget(name: "DigestReaderTests", dependencies: ["DigestReader", "DigestModel"],
                    path: "Tests/DigestReaderTests", exclude: ["Fixtures"]),
        .testTarget(name: "ImportTests", dependencies: ["Import", "DigestModel", "DigestReader"],
                    path: "Tests/ImportTests", exclude: ["Fixtures", "Expected"]),
        .testTarget(name: "LayoutTests",
                    dependencies: ["Layout", "TextShaping", "DigestReader", "PageModel", "LayoutSpec", "QRCode"],
                    path: "Tests/LayoutTests"),
        .testTarget(name: "LayoutSpecTests", dependencies: ["LayoutSpec", "DigestReader", "Geometry"],
                    path: "Tests/LayoutSpecTests"),
        .testTarget(name: "PDFRendererTests",
                    dependencies: ["PDFRenderer", "PDFFinishing", "Imposition", "PageModel", "Geometry", "CCairo",
                                   "TestSupport"],
                    path: "Tests/PDFRendererTests"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EndToEndTests", dependencies: ["gazette", "DigestReader", "DigestModel", "TestSupport"],
                    path: "Tests/EndToEndTests"),
        .testTarget(name: "ServeTests", dependencies: ["gazette", "TestSupport"], path: "Tests/ServeTests"),
        .testTarget(name: "RobustnessTests",
                    dependencies: ["gazette", "DigestReader", "DigestModel", "Diagnostics", "Layout",
                                   "LayoutSpec", "TextShaping", "PageModel", "PDFRenderer", "PDFFinishing", "Geometry",
                                   "TestSupport"],
                    path: "Tests/RobustnessTests", exclude: ["lsan-suppressions.txt"]),
        .executableTarget(name: "gazette-bench",
                          dependencies: ["TextShaping", "PDFRenderer", "Layout", "LayoutSpec", "DigestReader",
                                         "DigestModel", "PageModel", "Geometry"],
                          path: "Benchmarks/Micro"),
    ]
)

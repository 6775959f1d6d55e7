import Foundation
import PDFRenderer
import TestSupport

/// The sample document rendered to a PDF in its own temporary directory.
struct RenderedSample {
    let directory: TemporaryDirectory
    let sample: SampleDocument
    let pdf: String

    init() throws {
        directory = try TemporaryDirectory()
        sample = try SampleDocument(imagesIn: directory)
        pdf = directory.file("sample.pdf")
        try PDFRenderer.writePDF(sample.document, to: pdf)
    }
}

/// Named destinations as `pdfinfo -dests` lists them.
struct PDFDestination: Equatable {
    var page: Int
    var x: Double
    var y: Double
    var name: String
}

func pdfDestinations(_ path: String) throws -> [PDFDestination] {
    // "   1 [ XYZ   72  770 null      ] "intro""
    try run(tool("pdfinfo"), ["-dests", path]).stdout.split(separator: "\n").dropFirst().compactMap { line in
        guard let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close else {
            return nil
        }
        let fields = line[..<open].split(whereSeparator: { $0 == " " || $0 == "[" || $0 == "]" })
        guard fields.count >= 4, let page = Int(fields[0]), let x = Double(fields[2]), let y = Double(fields[3])
        else { return nil }
        return PDFDestination(page: page, x: x, y: y, name: String(line[line.index(after: open)..<close]))
    }
}

/// The objects of a PDF as `qpdf --json` decodes them (JSON v2: strings prefixed `u:`).
func pdfObjects(_ path: String) throws -> [[String: Any]] {
    let output = try run(tool("qpdf"), ["--json", "--json-key=qpdf", path])
    let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    let sections = json?["qpdf"] as? [Any] ?? []
    let objects = sections.count > 1 ? sections[1] as? [String: Any] ?? [:] : [:]
    return objects.keys.sorted().compactMap { key in
        (objects[key] as? [String: Any])?["value"] as? [String: Any]
    }
}

/// One bookmark as `qpdf --json --json-key=outlines` reports it.
struct PDFOutlineItem: Equatable {
    var title: String
    var page: Int
    var open: Bool
    var kids: [PDFOutlineItem]
}

func pdfOutline(_ path: String) throws -> [PDFOutlineItem] {
    let output = try run(tool("qpdf"), ["--json", "--json-key=outlines", path])
    let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    func items(_ value: Any?) -> [PDFOutlineItem] {
        (value as? [[String: Any]] ?? []).map { item in
            PDFOutlineItem(
                title: item["title"] as? String ?? "", page: item["destpageposfrom1"] as? Int ?? 0,
                open: item["open"] as? Bool ?? false, kids: items(item["kids"]))
        }
    }
    return items(json?["outlines"])
}

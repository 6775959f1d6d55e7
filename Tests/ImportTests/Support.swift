import DigestModel
import Foundation
import Testing
@testable import Import

let importTests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let fixtures = importTests + "/Fixtures"
let expected = importTests + "/Expected"
let seedText = importTests + "/../../../shared/seed/russia-north-korea.txt"
let wordPressExport = fixtures + "/wordpress/site-export.xml"
let uploads = fixtures + "/wordpress/uploads"

/// Compares `text` with the expected file; `GAZETTE_UPDATE_EXPECTED=1 swift test --filter
/// ImportTests` rewrites the expected files instead (read the diff before committing it).
func expectSame(_ text: String, as name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = expected + "/" + name
    if ProcessInfo.processInfo.environment["GAZETTE_UPDATE_EXPECTED"] == "1" {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let wanted = try String(contentsOfFile: path, encoding: .utf8)
    if wanted != text {
        let a = wanted.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("""
            \(name) differs from line \(first + 1):
              expected: \(first < a.count ? a[first] : "<end>")
              produced: \(first < b.count ? b[first] : "<end>")
            """, sourceLocation: sourceLocation)
    }
}

func june(_ options: inout WordPressExport.Options) {
    options.from = CalendarDate(year: 2024, month: 6, day: 1)
    options.to = CalendarDate(year: 2024, month: 6, day: 30)
}

func readExport(_ text: String, file: String = "site.xml", options: WordPressExport.Options = .init()) throws(ImportFailure) -> WordPressExport.Result {
    try WordPressExport.read(file: file, data: Data(text.utf8), options: options)
}

/// A minimal WXR holding `items`.
func wxr(_ items: String, prolog: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8" ?>
    \(prolog)<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
    <channel><title>Site</title><link>https://site.example</link><wp:wxr_version>1.2</wp:wxr_version>
    \(items)
    </channel></rss>
    """
}

func post(_ title: String, body: String, date: String = "2024-06-10 09:00:00", status: String = "publish") -> String {
    """
    <item><title>\(title)</title><wp:post_date><![CDATA[\(date)]]></wp:post_date><wp:status><![CDATA[\(status)]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type><category domain="category" nicename="economy"><![CDATA[Economy]]></category>
    <content:encoded><![CDATA[\(body)]]></content:encoded></item>
    """
}

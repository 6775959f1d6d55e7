import DigestModel
import Foundation
import Yams

/// A digest's title and edition, for the home page and the digest page.
///
/// Taken from the digest when it reads without errors; otherwise straight from the
/// `title:` and `edition:` of its digest.yaml, since an error in one article leaves the
/// reader without a digest but the editor still knows the month by its title. The folder's
/// name stands in only when digest.yaml itself cannot be read.
struct DigestHeading {
    var title: String
    var edition: String

    init(_ folder: DigestFolder, digest: Digest?) {
        if let digest {
            title = digest.title
            edition = digest.edition
            return
        }
        let settings = FileManager.default.contents(atPath: folder.path + "/digest.yaml")
            .flatMap { try? Yams.load(yaml: String(decoding: $0, as: UTF8.self)) as? [String: Any] } ?? [:]
        title = Self.text(settings["title"]) ?? folder.name
        edition = Self.text(settings["edition"]) ?? ""
    }

    /// A scalar's text; nil for a list, a map or an empty value.
    private static func text(_ value: Any?) -> String? {
        let text: String? = switch value {
        case let string as String: string
        case let number as Int: String(number)
        default: nil
        }
        return text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

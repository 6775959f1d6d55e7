/// The document's XMP metadata: what PDF/UA-1 readers and validators read instead of the
/// information dictionary, and where a file says it conforms (`pdfuaid:part`).
///
/// Every value but the title and language is the information dictionary's own, so the two
/// never disagree (validators compare them) and the packet is as reproducible as the file.
struct XMPPacket: Equatable {
    var title: String
    var language: String?
    var author: String?
    var subject: String?
    var keywords: String?
    var creatorTool: String?
    var producer: String?
    /// XMP dates (ISO 8601), converted from the information dictionary's.
    var created: String?
    var modified: String?
    /// The PDF/UA part the file conforms to.
    var universalAccessPart = 1

    private enum Namespace {
        static let meta = "adobe:ns:meta/"
        static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        static let dublinCore = "http://purl.org/dc/elements/1.1/"
        static let xmp = "http://ns.adobe.com/xap/1.0/"
        static let pdf = "http://ns.adobe.com/pdf/1.3/"
        static let pdfUA = "http://www.aiim.org/pdfua/ns/id/"
    }

    /// The packet as UTF-8 XML inside its `xpacket` instructions. The `begin` attribute holds
    /// the byte order mark and the `id` is the fixed one the XMP specification gives.
    func serialized() -> [UInt8] {
        let tree = XMLTree(root: "xmpmeta", prefix: "x", uri: Namespace.meta)
        tree.addProcessingInstruction("xpacket", content: "begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"", first: true)
        tree.addProcessingInstruction("xpacket", content: "end=\"w\"", first: false)
        let rdf = tree.declare(prefix: "rdf", uri: Namespace.rdf, on: tree.root)
        let description = tree.add("Description", in: rdf, to: tree.add("RDF", in: rdf, to: tree.root))
        tree.setAttribute("about", in: rdf, to: "", on: description)
        let dc = tree.declare(prefix: "dc", uri: Namespace.dublinCore, on: description)
        let xmp = tree.declare(prefix: "xmp", uri: Namespace.xmp, on: description)
        let pdf = tree.declare(prefix: "pdf", uri: Namespace.pdf, on: description)
        let pdfUA = tree.declare(prefix: "pdfuaid", uri: Namespace.pdfUA, on: description)

        /// A language alternative (`rdf:Alt`) with one default item.
        func alternative(_ name: String, _ text: String) {
            let alt = tree.add("Alt", in: rdf, to: tree.add(name, in: dc, to: description))
            tree.setLanguage("x-default", on: tree.add("li", in: rdf, to: alt, text: text))
        }
        /// An unordered (`rdf:Bag`) or ordered (`rdf:Seq`) list of one item.
        func list(_ name: String, _ kind: String, _ text: String) {
            tree.add("li", in: rdf, to: tree.add(kind, in: rdf, to: tree.add(name, in: dc, to: description)), text: text)
        }
        alternative("title", title)
        if let author { list("creator", "Seq", author) }
        if let subject { alternative("description", subject) }
        if let language { list("language", "Bag", language) }
        if let keywords { tree.add("Keywords", in: pdf, to: description, text: keywords) }
        if let producer { tree.add("Producer", in: pdf, to: description, text: producer) }
        if let creatorTool { tree.add("CreatorTool", in: xmp, to: description, text: creatorTool) }
        if let created { tree.add("CreateDate", in: xmp, to: description, text: created) }
        if let modified { tree.add("ModifyDate", in: xmp, to: description, text: modified) }
        tree.add("part", in: pdfUA, to: description, text: String(universalAccessPart))
        return tree.serialized()
    }

    /// A PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, every part after the year optional, and the
    /// `D:` left out by cairo 1.16) as an XMP date, or nil when it is not one.
    static func date(fromPDF text: String) -> String? {
        var rest = Substring(text)
        if rest.hasPrefix("D:") { rest = rest.dropFirst(2) }
        func digits(_ count: Int) -> String? {
            let part = rest.prefix(count)
            guard part.count == count, part.allSatisfy(\.isASCIIDigit) else { return nil }
            rest = rest.dropFirst(count)
            return String(part)
        }
        guard let year = digits(4) else { return nil }
        var date = year
        guard let month = digits(2) else { return rest.isEmpty ? date : nil }
        date += "-" + month
        guard let day = digits(2) else { return rest.isEmpty ? date : nil }
        date += "-" + day
        guard let hour = digits(2) else { return rest.isEmpty ? date : nil }
        guard let minute = digits(2) else { return nil }
        date += "T\(hour):\(minute)"
        if let second = digits(2) { date += ":" + second }
        guard let zone = rest.first else { return date }
        rest = rest.dropFirst()
        switch zone {
        case "Z":
            // Some writers follow `Z` with `00'00'`.
            return date + "Z"
        case "+", "-":
            guard let zoneHour = digits(2) else { return nil }
            if rest.first == "'" { rest = rest.dropFirst() }
            let zoneMinute = digits(2) ?? "00"
            return "\(date)\(zone)\(zoneHour):\(zoneMinute)"
        default:
            return nil
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

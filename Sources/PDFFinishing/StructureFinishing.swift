internal import CQPDF

extension PDFFinishing {
    /// What to do to one structure element of the file cairo wrote.
    ///
    /// 16 bytes: a 400-article digest writes 100,000 elements, nearly all without attributes,
    /// and this list is alive while qpdf writes the file, the build's peak.
    public struct StructureFix: Hashable, Sendable {
        /// Elements that share a key are pieces of one element: the later ones are merged into
        /// the first. Nil for an element that stands alone.
        public var key: Int? { storedKey.map(Int.init) }
        /// `/Alt`: what a figure shows.
        public var alternativeText: String? { attributes?.alternativeText }
        /// `/Lang`: the element's language, when it is not the document's.
        public var language: String? { attributes?.language }
        /// A table header cell that heads its column: `/A << /O /Table /Scope /Column >>`, so a
        /// screen reader names the column header when it reads a cell.
        public var headsColumn: Bool { attributes?.headsColumn ?? false }
        /// A list's `/A << /O /List /ListNumbering /… >>`, named without the slash (`Decimal`).
        public var listNumbering: String? { attributes?.listNumbering }
        /// For a `Link`, its annotation's `/Contents`: what the link is, in words.
        public var annotationContents: String? { attributes?.annotationContents }

        private let storedKey: Int32?
        private let attributes: Attributes?

        public init(key: Int?, alternativeText: String? = nil, language: String? = nil, headsColumn: Bool = false,
                    listNumbering: String? = nil, annotationContents: String? = nil) {
            storedKey = key.map { Int32($0) }
            attributes = alternativeText == nil && language == nil && !headsColumn && listNumbering == nil
                && annotationContents == nil
                ? nil : Attributes(alternativeText: alternativeText, language: language, headsColumn: headsColumn,
                                   listNumbering: listNumbering, annotationContents: annotationContents)
        }

        /// The attributes of the few elements that have any, held apart.
        private final class Attributes: Hashable, Sendable {
            let alternativeText: String?
            let language: String?
            let headsColumn: Bool
            let listNumbering: String?
            let annotationContents: String?

            init(alternativeText: String?, language: String?, headsColumn: Bool, listNumbering: String?,
                 annotationContents: String?) {
                self.alternativeText = alternativeText; self.language = language; self.headsColumn = headsColumn
                self.listNumbering = listNumbering; self.annotationContents = annotationContents
            }

            static func == (a: Attributes, b: Attributes) -> Bool {
                a.alternativeText == b.alternativeText && a.language == b.language && a.headsColumn == b.headsColumn
                    && a.listNumbering == b.listNumbering && a.annotationContents == b.annotationContents
            }

            func hash(into hasher: inout Hasher) {
                hasher.combine(alternativeText); hasher.combine(language); hasher.combine(headsColumn)
                hasher.combine(listNumbering); hasher.combine(annotationContents)
            }
        }
    }
}

/// Completes the structure tree cairo wrote: attributes cairo 1.16 cannot write, and pieces of
/// one element (cairo starts a new element whenever an element's content resumes) merged.
///
/// Merging moves the later piece's kids (marked-content ids, which become `/MCR` references
/// when they lie on another page, and child elements) to the end of the first piece, removes
/// the later piece from its parent, and points the `/ParentTree` entries that named the later
/// piece at the first, so a reader finds the same element from the page content as from the
/// tree.
extension QPDFDocument {
    func finishStructure(_ fixes: [PDFFinishing.StructureFix]) throws {
        let root = qpdf_get_root(handle)
        let treeRoot = qpdf_oh_get_key(handle, root, "/StructTreeRoot")
        guard qpdf_oh_is_dictionary(handle, treeRoot) != 0 else {
            throw FinishingError(path: path, message: "the file has no structure tree to finish")
        }
        var walk = StructureWalk(fixes: fixes)
        try finishElements(under: treeRoot, &walk)
        guard walk.next == fixes.count else {
            throw FinishingError(
                path: path, message: "the structure tree has \(walk.next) elements where \(fixes.count) were written")
        }
        if !walk.mergedInto.isEmpty {
            redirect(qpdf_oh_get_key(handle, treeRoot, "/ParentTree"), walk.mergedInto)
        }
        // Nothing refers to a merged piece any more, so it would not be written; but qpdf
        // holds what it parsed until the document is freed. Emptying the pieces hands that
        // memory (8,000 pieces at 400 articles) to the write, the pass's peak. A null each,
        // let go at once: qpdf makes the handle given for an object it has not parsed that
        // object itself, so one null shared by all is refused from the second on ("called
        // with indirect object handle", on stderr).
        for id in walk.mergedInto.keys.sorted() {
            let null = qpdf_oh_new_null(handle)
            qpdf_replace_object(handle, id, 0, null)
            qpdf_oh_release(handle, null)
        }
    }

    /// Where a depth-first walk of the tree is, against the fixes written in the same order.
    private struct StructureWalk {
        let fixes: [PDFFinishing.StructureFix]
        /// Keys of elements written in more than one piece.
        let pieced: Set<Int>
        /// The index of the next element's fix.
        var next = 0
        /// The first piece of each pieced element, which later pieces are merged into.
        var first: [Int: qpdf_oh] = [:]
        /// Object ids of merged pieces, with the element each now belongs to.
        var mergedInto: [Int32: qpdf_oh] = [:]
        /// One attribute dictionary per kind (`/Table /Scope /Column`, `/List /ListNumbering
        /// /Decimal`, …), held by every element of the kind: qpdf keeps one object and writes
        /// it out in full at each place. A dictionary of its own for each of the 5,661 elements
        /// at 400 articles raised the write's peak, the build's, by 3.5 MB; one indirect object
        /// per kind made the peak vary by as much from run to run (`qpdf_make_indirect_object`
        /// in the walk, while the furniture is drawn beside it).
        var sharedAttributes: [String: qpdf_oh] = [:]
        /// The `/F 4` every link annotation holds (see `describeAnnotations`).
        var printFlag: qpdf_oh?

        init(fixes: [PDFFinishing.StructureFix]) {
            self.fixes = fixes
            var seen = Set<Int>(), pieced = Set<Int>()
            for case let key? in fixes.map(\.key) where !seen.insert(key).inserted { pieced.insert(key) }
            self.pieced = pieced
        }
    }

    /// Applies its fix to each structure element under `parent`, depth first.
    ///
    /// Each object handle is released as soon as it is done with: qpdf's C API keeps every
    /// handle in one map until released, and a map of a million handles made this walk three
    /// times slower.
    private func finishElements(under parent: qpdf_oh, _ walk: inout StructureWalk) throws {
        let kids = qpdf_oh_get_key(handle, parent, "/K")
        // The kids as they were written: merging a piece below changes the arrays, not this list.
        let written = items(of: kids)
        // A `/K` that is one element rather than an array is itself the one kid, released below.
        if written.count != 1 || written[0] != kids { qpdf_oh_release(handle, kids) }
        for kid in written {
            guard isElement(kid) else {
                qpdf_oh_release(handle, kid)
                continue
            }
            guard walk.next < walk.fixes.count else {
                throw FinishingError(path: path, message: "the structure tree has more elements than the \(walk.fixes.count) written")
            }
            let fix = walk.fixes[walk.next]
            walk.next += 1
            addAttributes(fix, to: kid, &walk)
            var keep = false
            if let key = fix.key, walk.pieced.contains(key) {
                if let target = walk.first[key] {
                    merge(kid, into: target)
                    walk.mergedInto[qpdf_oh_get_object_id(handle, kid)] = target
                } else {
                    walk.first[key] = kid
                    keep = true
                }
            }
            try finishElements(under: kid, &walk)
            if !keep { qpdf_oh_release(handle, kid) }
        }
    }

    private func addAttributes(_ fix: PDFFinishing.StructureFix, to element: qpdf_oh, _ walk: inout StructureWalk) {
        if let text = fix.alternativeText, !text.isEmpty {
            qpdf_oh_replace_key(handle, element, "/Alt", qpdf_oh_new_unicode_string(handle, text))
        }
        if let language = fix.language, !language.isEmpty {
            qpdf_oh_replace_key(handle, element, "/Lang", qpdf_oh_new_unicode_string(handle, language))
        }
        if let contents = fix.annotationContents, !contents.isEmpty {
            describeAnnotations(of: element, as: contents, &walk)
        }
        let attribute: (owner: String, key: String, value: String)? =
            if fix.headsColumn { ("/Table", "/Scope", "/Column") }
            else if let numbering = fix.listNumbering { ("/List", "/ListNumbering", "/" + numbering) }
            else { nil }
        // Cairo writes no attributes of its own; a file that has some is left as it is.
        guard let attribute, qpdf_oh_has_key(handle, element, "/A") == 0 else { return }
        let kind = attribute.owner + attribute.key + attribute.value
        let shared = walk.sharedAttributes[kind] ?? {
            let attributes = qpdf_oh_new_dictionary(handle)
            qpdf_oh_replace_key(handle, attributes, "/O", qpdf_oh_new_name(handle, attribute.owner))
            qpdf_oh_replace_key(handle, attributes, attribute.key, qpdf_oh_new_name(handle, attribute.value))
            walk.sharedAttributes[kind] = attributes
            return attributes
        }()
        qpdf_oh_replace_key(handle, element, "/A", shared)
    }

    /// Describes a `Link` element: its `/Alt`, since its words stay in the paragraph around
    /// it, and the `/Contents` of the annotations it refers to (its `/OBJR` kids), which are
    /// also flagged to print (`/F 4`), as PDF/A and PDF/UA checkers expect of what is shown.
    ///
    /// One string object serves the element and its annotations, and one integer every
    /// annotation, as the attribute dictionaries do: qpdf's objects are what the pass's peak
    /// is made of (objects of their own for each raised it by about 1 MB at 400 articles).
    private func describeAnnotations(of element: qpdf_oh, as contents: String, _ walk: inout StructureWalk) {
        let words = qpdf_oh_new_unicode_string(handle, contents)
        defer { qpdf_oh_release(handle, words) }
        let printFlag = walk.printFlag ?? qpdf_oh_new_integer(handle, 4)
        walk.printFlag = printFlag
        qpdf_oh_replace_key(handle, element, "/Alt", words)
        for kid in items(of: qpdf_oh_get_key(handle, element, "/K")) {
            defer { qpdf_oh_release(handle, kid) }
            guard qpdf_oh_is_dictionary(handle, kid) != 0, qpdf_oh_has_key(handle, kid, "/Obj") != 0 else { continue }
            let annotation = qpdf_oh_get_key(handle, kid, "/Obj")
            defer { qpdf_oh_release(handle, annotation) }
            guard qpdf_oh_is_dictionary(handle, annotation) != 0 else { continue }
            qpdf_oh_replace_key(handle, annotation, "/Contents", words)
            if qpdf_oh_has_key(handle, annotation, "/F") == 0 { qpdf_oh_replace_key(handle, annotation, "/F", printFlag) }
        }
    }

    private func isElement(_ object: qpdf_oh) -> Bool {
        qpdf_oh_is_dictionary(handle, object) != 0 && qpdf_oh_has_key(handle, object, "/S") != 0
    }

    /// The items of an array, or the one object that stands for a one-item array in `/K`.
    func items(of object: qpdf_oh) -> [qpdf_oh] {
        if qpdf_oh_is_array(handle, object) != 0 {
            return (0..<qpdf_oh_get_array_n_items(handle, object)).map { qpdf_oh_get_array_item(handle, object, $0) }
        }
        return qpdf_oh_is_null(handle, object) != 0 ? [] : [object]
    }

    private func sameObject(_ a: qpdf_oh, _ b: qpdf_oh) -> Bool {
        let id = qpdf_oh_get_object_id(handle, a)
        return id != 0 && id == qpdf_oh_get_object_id(handle, b)
    }

    private func merge(_ piece: qpdf_oh, into target: qpdf_oh) {
        var kids = qpdf_oh_get_key(handle, target, "/K")
        if qpdf_oh_is_array(handle, kids) == 0 {
            let array = qpdf_oh_new_array(handle)
            for kid in items(of: kids) { qpdf_oh_append_item(handle, array, kid) }
            qpdf_oh_replace_key(handle, target, "/K", array)
            kids = qpdf_oh_get_key(handle, target, "/K")
        }
        let piecePage = qpdf_oh_get_key(handle, piece, "/Pg")
        let targetPage = qpdf_oh_get_key(handle, target, "/Pg")
        let samePage = sameObject(piecePage, targetPage)
        for kid in items(of: qpdf_oh_get_key(handle, piece, "/K")) {
            if qpdf_oh_is_integer(handle, kid) != 0, !samePage {
                // A marked-content id means "on my page": name the page now that it moves.
                let reference = qpdf_oh_new_dictionary(handle)
                qpdf_oh_replace_key(handle, reference, "/Type", qpdf_oh_new_name(handle, "/MCR"))
                qpdf_oh_replace_key(handle, reference, "/Pg", piecePage)
                qpdf_oh_replace_key(handle, reference, "/MCID", kid)
                qpdf_oh_append_item(handle, kids, reference)
            } else if isElement(kid) {
                qpdf_oh_replace_key(handle, kid, "/P", target)
                qpdf_oh_append_item(handle, kids, kid)
            } else {
                if qpdf_oh_is_dictionary(handle, kid) != 0, qpdf_oh_has_key(handle, kid, "/Pg") == 0,
                   qpdf_oh_is_null(handle, piecePage) == 0 {
                    qpdf_oh_replace_key(handle, kid, "/Pg", piecePage)
                }
                qpdf_oh_append_item(handle, kids, kid)
            }
        }
        let parent = qpdf_oh_get_key(handle, piece, "/P")
        let siblings = qpdf_oh_get_key(handle, parent, "/K")
        if qpdf_oh_is_array(handle, siblings) != 0 {
            let count = qpdf_oh_get_array_n_items(handle, siblings)
            for index in stride(from: count - 1, through: 0, by: -1)
            where sameObject(qpdf_oh_get_array_item(handle, siblings, index), piece) {
                qpdf_oh_erase_item(handle, siblings, index)
            }
        } else if sameObject(siblings, piece) {
            qpdf_oh_replace_key(handle, parent, "/K", qpdf_oh_new_array(handle))
        }
    }

    /// Points every entry of the parent tree (a number tree) that names a merged piece at the
    /// element it was merged into.
    private func redirect(_ node: qpdf_oh, _ mergedInto: [Int32: qpdf_oh]) {
        guard qpdf_oh_is_dictionary(handle, node) != 0 else { return }
        for kid in items(of: qpdf_oh_get_key(handle, node, "/Kids")) { redirect(kid, mergedInto) }
        let nums = qpdf_oh_get_key(handle, node, "/Nums")
        guard qpdf_oh_is_array(handle, nums) != 0 else { return }
        for index in stride(from: 1, to: qpdf_oh_get_array_n_items(handle, nums), by: 2) {
            let value = qpdf_oh_get_array_item(handle, nums, index)
            if let target = mergedInto[qpdf_oh_get_object_id(handle, value)] {
                qpdf_oh_set_array_item(handle, nums, index, target)
            } else if qpdf_oh_is_array(handle, value) != 0 {
                for slot in 0..<qpdf_oh_get_array_n_items(handle, value) {
                    let element = qpdf_oh_get_array_item(handle, value, slot)
                    if let target = mergedInto[qpdf_oh_get_object_id(handle, element)] {
                        qpdf_oh_set_array_item(handle, value, slot, target)
                    }
                }
            }
        }
    }
}

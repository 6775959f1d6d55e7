import Diagnostics
import Foundation
internal import Yams

/// A layout file as a tree of values that remember where they were written, so a wrong
/// value can be reported at its line and column even after `extends:` merged several files.
indirect enum LayoutTree: Equatable {
    case scalar(String, SourceLocation)
    case sequence([LayoutTree], SourceLocation)
    case mapping([Entry], SourceLocation)

    struct Entry: Equatable {
        var key: String
        var keyLocation: SourceLocation
        var value: LayoutTree
    }

    var location: SourceLocation {
        switch self {
        case .scalar(_, let l), .sequence(_, let l), .mapping(_, let l): l
        }
    }

    /// The entry under `key` of a mapping.
    subscript(key: String) -> LayoutTree? {
        guard case .mapping(let entries, _) = self else { return nil }
        return entries.last { $0.key == key }?.value
    }

    /// Parses YAML text; syntax errors become a diagnostic at Yams' position.
    static func parse(_ text: String, file: String) throws(DiagnosticError) -> LayoutTree {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticError([yamlDiagnostic(error, file: file)])
        } catch {
            throw DiagnosticError([.error("cannot read the layout: \(error)", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard let node else { return .mapping([], SourceLocation(file: file, line: 1, column: 1)) }
        return convert(node, file: file)
    }

    private static func convert(_ node: Node, file: String) -> LayoutTree {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, location)
        case .sequence(let sequence):
            return .sequence(sequence.map { convert($0, file: file) }, location)
        case .mapping(let mapping):
            let entries = mapping.map { key, value in
                Entry(key: key.string ?? "", keyLocation: SourceLocation(
                        file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1),
                      value: convert(value, file: file))
            }
            return .mapping(entries, location)
        }
    }

    private static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .error("invalid YAML: \(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column),
                          hint: "check the indentation, and quote values that contain ': '")
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// This tree with `other` laid over it: mappings merge key by key, anything else is replaced.
    func merged(with other: LayoutTree) -> LayoutTree {
        guard case .mapping(var entries, let location) = self, case .mapping(let overrides, _) = other else { return other }
        for override in overrides {
            if let index = entries.firstIndex(where: { $0.key == override.key }) {
                entries[index].value = entries[index].value.merged(with: override.value)
                entries[index].keyLocation = override.keyLocation
            } else {
                entries.append(override)
            }
        }
        return .mapping(entries, location)
    }

    /// The tree without the entry `key` at its top.
    func removing(_ key: String) -> LayoutTree {
        guard case .mapping(let entries, let location) = self else { return self }
        return .mapping(entries.filter { $0.key != key }, location)
    }

    /// Sets the value at a dotted path (`page.size`), creating mappings on the way.
    func setting(_ path: [String], to value: LayoutTree) -> LayoutTree {
        guard let first = path.first else { return value }
        var entries: [Entry] = []
        var location = value.location
        if case .mapping(let existing, let l) = self { entries = existing; location = l }
        if let index = entries.firstIndex(where: { $0.key == first }) {
            entries[index].value = entries[index].value.setting(Array(path.dropFirst()), to: value)
        } else {
            entries.append(Entry(key: first, keyLocation: value.location,
                                 value: LayoutTree.mapping([], value.location).setting(Array(path.dropFirst()), to: value)))
        }
        return .mapping(entries, location)
    }

    /// The tree written back as YAML, keys in order.
    func yaml(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        switch self {
        case .scalar(let value, _): return quoted(value)
        case .sequence(let items, _):
            return "[" + items.map { $0.yaml(indent: indent + 1) }.joined(separator: ", ") + "]"
        case .mapping(let entries, _):
            return entries.map { entry in
                if case .mapping(let children, _) = entry.value, !children.isEmpty {
                    return "\(pad)\(entry.key):\n" + entry.value.yaml(indent: indent + 1)
                }
                return "\(pad)\(entry.key): \(entry.value.yaml(indent: indent + 1))\n"
            }.joined()
        }
    }

    private func quoted(_ value: String) -> String {
        let plain = value.allSatisfy { $0.isLetter || $0.isNumber || " .-_%".contains($0) }
            && !value.isEmpty && value.first != " " && value.last != " "
        if plain { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

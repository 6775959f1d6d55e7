import Foundation
import TestSupport

/// A month taken as seed material: its `digest.yaml`, its articles and its pictures.
struct SeedMonth {
    var name: String
    var folder: String
    var digestYAML: [UInt8]
    /// Articles by file name, in name order.
    var articles: [(name: String, bytes: [UInt8])]

    init(folder: String) throws {
        self.folder = folder
        name = URL(fileURLWithPath: folder).lastPathComponent
        digestYAML = Array(contents(folder + "/digest.yaml") ?? Data())
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/articles")
            .filter { $0.hasSuffix(".md") }.sorted()
        articles = names.map { ($0, Array(contents(folder + "/articles/" + $0) ?? Data())) }
    }

    /// The example month and the hostile fixture month.
    static func all() throws -> [SeedMonth] {
        [try SeedMonth(folder: exampleMonth), try SeedMonth(folder: hardMonth)]
    }
}

/// One generated digest: which month it came from, its files, and what was mutated.
struct FuzzInput {
    var seed: UInt64
    var index: Int
    var month: Int
    var digestYAML: [UInt8]
    var articles: [(name: String, bytes: [UInt8])]
    /// "body of articles/x.md", "front matter of …", "digest.yaml".
    var mutated: String

    var size: Int { digestYAML.count + articles.reduce(0) { $0 + $1.bytes.count } }

    /// The input number `index` of the run with `seed`: the same pair always gives the same
    /// bytes, so any finding can be replayed alone.
    static func generate(seed: UInt64, index: Int, months: [SeedMonth]) -> FuzzInput {
        var random = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
        let monthIndex = random.below(months.count)
        let month = months[monthIndex]
        let donors = months.flatMap { $0.articles.map(\.bytes) + [$0.digestYAML] }
        var mutator = Mutator(random: random)
        let (name, original) = month.articles[mutator.random.below(month.articles.count)]
        var digestYAML = month.digestYAML
        var article = original
        let mutated: String
        switch mutator.random.below(10) {
        case 0...5:
            let split = frontMatterEnd(original)
            article = Array(original[..<split]) + mutator.mutate(Array(original[split...]), donors: donors)
            mutated = "body of articles/\(name)"
        case 6, 7:
            let split = frontMatterEnd(original)
            article = mutator.mutate(Array(original[..<split]), donors: donors) + Array(original[split...])
            mutated = "front matter of articles/\(name)"
        default:
            digestYAML = mutator.mutate(digestYAML, donors: donors)
            mutated = "digest.yaml"
        }
        var articles = [(name: name, bytes: article)]
        if mutator.random.chance(20) {
            let other = month.articles[mutator.random.below(month.articles.count)]
            if other.name != name { articles.append(other) }
        }
        return FuzzInput(seed: seed, index: index, month: monthIndex, digestYAML: digestYAML,
                         articles: articles, mutated: mutated)
    }

    /// The offset just after the front matter's closing `---` line (0 when there is none).
    static func frontMatterEnd(_ bytes: [UInt8]) -> Int {
        let marker = Array("\n---\n".utf8)
        guard bytes.starts(with: Array("---\n".utf8)), bytes.count > 4 else { return 0 }
        var index = 3
        while index + marker.count <= bytes.count {
            if bytes[index..<(index + marker.count)].elementsEqual(marker) { return index + marker.count }
            index += 1
        }
        return 0
    }
}

import DigestReader
import Foundation
import LayoutSpec
import Testing
import TextShaping
import TestSupport

/// One shaper for the whole test run: Pango work stays on one thread (see PITFALLS.md).
@MainActor let sharedShaper: TextShaper = {
    do { return try TextShaper(fontDirectory: fontFolder) } catch {
        fatalError("fonts not found in \(fontFolder): \(error)")
    }
}()

/// The bundled `monthly` layout, as `gazette build` loads it by default.
@MainActor let monthlyLayout: LayoutSpec = {
    let library = LayoutLibrary(folders: [repositoryRoot + "/Layouts"], knownFamilies: sharedShaper.families(),
                                imageProbe: { ImageProbe.probe(path: $0) })
    let (spec, diagnostics) = library.load("monthly")
    guard let spec else { fatalError("layout monthly: \(diagnostics)") }
    return spec
}()

/// Mutated months through the reader, the layout and the renderer: no crash, no hang, a
/// document or error diagnostics pointing into the input.
///
/// `make test` runs a few hundred inputs; `make fuzz` runs many more (`FUZZ_COUNT`,
/// `FUZZ_SEED`; replay one input with `FUZZ_START=<index> FUZZ_COUNT=1`).
@MainActor
@Suite struct FuzzTests {
    @Test func mutatedDigestsNeverCrashHangOrGoUnreported() throws {
        let settings = FuzzSettings(defaultCount: 300)
        let runner = try FuzzRunner(shaper: sharedShaper, spec: monthlyLayout)
        defer { runner.cleanUp() }
        var laidOut = 0, refused = 0, findings = 0, flawed = 0, slowest = (seconds: 0.0, index: 0)
        var totalSeconds = 0.0
        var refusals: [String: Int] = [:]
        let progress = max(1, settings.count / 20)
        for index in settings.start..<(settings.start + settings.count) {
            let input = FuzzInput.generate(seed: settings.seed, index: index, months: runner.months)
            let outcome = try runner.run(input, render: settings.render)
            if outcome.laidOut { laidOut += 1 } else { refused += 1 }
            if let kind = outcome.firstError { refusals[kind, default: 0] += 1 }
            totalSeconds += outcome.seconds
            if outcome.seconds > slowest.seconds { slowest = (outcome.seconds, index) }
            if !outcome.problems.isEmpty {
                findings += 1
                let saved = (try? runner.save(input, under: settings.findings, problems: outcome.problems)) ?? "(not saved)"
                Issue.record("""
                    fuzz finding, seed \(settings.seed) input \(index) (\(input.mutated)), saved in \(saved):
                    \(outcome.problems.joined(separator: "\n"))
                    """)
            }
            if !outcome.layoutFlaws.isEmpty {
                flawed += 1
                let saved = (try? runner.save(input, under: settings.findings, problems: outcome.layoutFlaws)) ?? "(not saved)"
                // Known and reported to the layout's owners: an article title, tag or section
                // name of thousands of characters runs off the cover, contents or article
                // header; a quiz question split across columns in the practice section is
                // warned about without its place.
                withKnownIssue("over-long titles, tags and summaries; unplaced split warnings",
                               isIntermittent: true) {
                    Issue.record("""
                        layout flaw, seed \(settings.seed) input \(index) (\(input.mutated)), saved in \(saved):
                        \(outcome.layoutFlaws.prefix(3).joined(separator: "\n"))
                        """)
                }
            }
            let done = index - settings.start + 1
            if settings.count >= 1_000, done % progress == 0 {
                print("fuzz: \(done)/\(settings.count) inputs, \(laidOut) laid out, \(refused) refused, \(findings) findings, \(flawed) layout flaws")
            }
        }
        print("""
            fuzz: seed \(settings.seed), inputs \(settings.start)..<\(settings.start + settings.count): \
            \(laidOut) laid out\(settings.render ? " and rendered" : ""), \(refused) refused with diagnostics, \
            \(findings) findings, \(flawed) with known layout flaws; \(String(format: "%.1f", totalSeconds)) s in all, slowest input \(slowest.index) \
            took \(String(format: "%.2f", slowest.seconds)) s
            """)
        if ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil {
            for (kind, count) in refusals.sorted(by: { $0.value > $1.value }) { print("  \(count)× \(kind)") }
        }
    }

    @Test func generationIsDeterministic() throws {
        let months = try SeedMonth.all()
        for index in [0, 1, 77, 4_096] {
            let a = FuzzInput.generate(seed: 42, index: index, months: months)
            let b = FuzzInput.generate(seed: 42, index: index, months: months)
            #expect(a.digestYAML == b.digestYAML && a.articles.map(\.bytes) == b.articles.map(\.bytes))
            #expect(a.mutated == b.mutated)
        }
        let other = FuzzInput.generate(seed: 43, index: 0, months: months)
        let first = FuzzInput.generate(seed: 42, index: 0, months: months)
        #expect(other.articles.map(\.bytes) != first.articles.map(\.bytes) || other.digestYAML != first.digestYAML)
    }

    @Test func splitMixMatchesItsReferenceOutput() {
        // The first outputs of SplitMix64 seeded with 1234567, as published with the algorithm.
        var random = SplitMix64(seed: 1_234_567)
        #expect([random.next(), random.next(), random.next()]
                == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }
}

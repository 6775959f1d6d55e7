import Diagnostics
import Foundation
import Hummingbird

/// `GET /d/NAME/builds/ID` and its event stream: a build's place in the queue, its
/// progress, then its files to download or the problems that stopped it.
struct JobPage {
    var job: BuildJob
    var position: Int?
    var places: Places

    func render() -> HTML {
        let folder = job.digest.name
        let events = Address.path(["d", folder, "builds", job.id.uuidString, "events"])
        return """
            <h1>\(job.title) <span class="edition">\(folder)</span></h1>
            <p><a href="\(Address.path(["d", folder]))">Back to \(folder)</a></p>
            <div class="job" data-events="\(events)">
            <p class="status">\(Self.summary(job.state, position: position))</p>
            <progress max="1" value="\(Self.fraction(job.state))"></progress>
            \(outcome())
            \(job.log.isEmpty ? HTML.empty : "<pre class=\"log\">\(job.log)</pre>")
            </div>
            """
    }

    private func outcome() -> HTML {
        switch job.state {
        case .waiting, .running:
            return .empty
        case .finished(let files, let diagnostics):
            let links: [HTML] = files.map { name in
                "<li><a class=\"download\" href=\"\(Address.path(["d", job.digest.name, "files", name]))\" download>Download \(name)</a></li>"
            }
            guard !files.isEmpty else { return "<p><a class=\"next\" href=\"\(Address.path(["d", job.digest.name]))\">See the digest</a></p>\(list(diagnostics))" }
            return "<ul class=\"files\">\(links)</ul>\(list(diagnostics))"
        case .failed(let diagnostics, let message):
            return "\(message.map { "<p class=\"message\">\($0)</p>" as HTML } ?? .empty)\(list(diagnostics))"
        }
    }

    private func list(_ diagnostics: [Diagnostic]) -> HTML {
        guard !diagnostics.isEmpty else { return .empty }
        let items: [HTML] = diagnostics.map { diagnostic in
            let place = diagnostic.location.map(places.text) ?? ""
            let link = diagnostic.location.flatMap(places.editAddress)
            let placeMarkup: HTML = link.map { "<a class=\"place\" href=\"\($0)\">\(place)</a> " } ?? "<span class=\"place\">\(place)</span> "
            return "<li class=\"\(diagnostic.severity.rawValue)\">\(placeMarkup)\(diagnostic.severity.rawValue): \(diagnostic.message)\(diagnostic.hint.map { "; \($0)" } ?? "")</li>"
        }
        return "<ul class=\"problems\">\(items)</ul>"
    }

    /// `waiting: 2 ahead`, `laying out 10 articles`, `done`, `failed: 2 errors`.
    static func summary(_ state: BuildJob.State, position: Int? = nil) -> String {
        switch state {
        case .waiting: position.map { $0 == 0 ? "next in line" : "waiting: \($0) ahead in the queue" } ?? "waiting"
        case .running(let phase, _): phase
        case .finished: "done"
        case .failed(let diagnostics, let message):
            "failed: " + (diagnostics.contains { $0.severity == .error } ? Console.count(diagnostics) : message ?? "not written")
        }
    }

    static func fraction(_ state: BuildJob.State) -> String {
        switch state {
        case .waiting: "0"
        case .running(_, let fraction): String(format: "%.2f", fraction)
        case .finished, .failed: "1"
        }
    }

    /// Server-sent events: `progress` whenever the status changes, then one `done`, then the
    /// stream ends. Polled every fifth of a second; a client that goes away ends the loop
    /// at the next write, and a stopping server cancels it.
    static func events(_ job: BuildJob, position: @escaping @Sendable () -> Int?) -> Response {
        var headers = Reply.securityHeaders()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            var last = ""
            // At most an hour: a build never takes that long, and the loop must end.
            for _ in 0..<18_000 {
                let state = job.state
                let line = "{\"status\":\(JSON.string(summary(state, position: position()))),\"fraction\":\(fraction(state)),\"over\":\(state.isOver)}"
                if line != last {
                    try await writer.write(ByteBuffer(string: "event: progress\ndata: \(line)\n\n"))
                    last = line
                }
                if state.isOver {
                    try await writer.write(ByteBuffer(string: "event: done\ndata: \(line)\n\n"))
                    break
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}

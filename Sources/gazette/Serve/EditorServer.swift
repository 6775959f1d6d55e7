import DigestReader
import Foundation
import Hummingbird
import Logging

/// The server behind `gazette serve`: the routes, and what they share (the root folder,
/// the workshop that builds, the checks made so far, the sessions).
///
/// Routes, every one under `Access` and `ErrorPages`:
///
///     GET  /                              the digests
///     GET  /login, POST /login            the token form (with --token-file)
///     GET  /d/NAME                        a digest: articles, problems, build forms, files
///     POST /d/NAME/build                  queue the PDF          → 303 to the build's page
///     POST /d/NAME/handout                queue handouts         → 303 to the build's page
///     POST /d/NAME/import                upload a file to import → 303 to the job's page
///     GET  /d/NAME/builds/ID[/events]     a build; its progress as server-sent events
///     GET  /d/NAME/files/FILE.pdf         a built PDF, as a download
///     GET  /d/NAME/edit/PATH, POST …      a text file of the digest: edit, save
///     GET  /d/NAME/changes?since=KEY      an event when the digest's files change
///     GET  /d/NAME/preview?page=N         the pages, one at reading size
///     GET  /d/NAME/pages/N.png[?size=thumbnail]
struct EditorServer: Sendable {
    var root: RootFolder
    var resources: Resources
    var sessions: Sessions
    var allowedHosts: LoopbackAddress?
    let workshop = Workshop()
    let jobs = BuildJobs()
    var inspections: Inspections
    var builder: Builder

    init(root: RootFolder, resources: Resources, token: String?, allowedHosts: LoopbackAddress?) {
        self.root = root
        self.resources = resources
        sessions = Sessions(token: token)
        self.allowedHosts = allowedHosts
        inspections = Inspections(workshop: workshop, resources: resources)
        builder = Builder(workshop: workshop, jobs: jobs, resources: resources)
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(ErrorPages())
        router.middlewares.add(Access(sessions: sessions, allowedHosts: allowedHosts))
        router.get("/assets/style.css") { _, _ in Assets.response(Assets.style, type: "text/css; charset=utf-8") }
        router.get("/assets/app.js") { _, _ in Assets.response(Assets.script, type: "text/javascript; charset=utf-8") }
        router.get("/login") { _, _ in LoginPage.show() }
        router.post("/login") { request, _ in try await LoginPage.signIn(request, sessions: sessions) }
        router.get("/") { _, _ in
            Reply.page("Digests", HomePage(root: root, inspections: inspections).render())
        }
        router.get("/d/{digest}") { _, context in
            let folder = try digest(context)
            return Reply.page(folder.name, try await digestPage(folder).render())
        }
        router.post("/d/{digest}/build") { request, context in
            let folder = try digest(context)
            let form = try await Form.read(request)
            let layouts = LayoutOptions.library(digestFolder: folder.path, resources: resources, families: nil).available().map(\.name)
            let layout = form["layout"].flatMap { $0.isEmpty ? nil : $0 }
            if let layout, !layouts.contains(layout) {
                throw Refusal(status: .badRequest, message: "There is no layout '\(layout)'.")
            }
            let job = try builder.buildPDF(folder, layout: layout)
            return Reply.redirect(to: Address.path(["d", folder.name, "builds", job.id.uuidString]))
        }
        router.post("/d/{digest}/handout") { request, context in
            let folder = try digest(context)
            let (arguments, title) = Self.handoutArguments(try await Form.read(request))
            let job = try builder.buildHandout(folder, arguments: arguments, title: title)
            return Reply.redirect(to: Address.path(["d", folder.name, "builds", job.id.uuidString]))
        }
        router.post("/d/{digest}/import") { request, context in
            let folder = try digest(context)
            let job = try await Importer(workshop: workshop, jobs: jobs).start(request, digest: folder)
            return Reply.redirect(to: Address.path(["d", folder.name, "builds", job.id.uuidString]))
        }
        router.get("/d/{digest}/builds/{id}") { _, context in
            let (folder, job) = try build(context)
            let page = JobPage(job: job, position: workshop.position(of: job.id), places: Places(root: root, folder: folder))
            return Reply.page(job.title, page.render())
        }
        router.get("/d/{digest}/builds/{id}/events") { _, context in
            let (_, job) = try build(context)
            return JobPage.events(job) { [workshop] in workshop.position(of: job.id) }
        }
        router.get("/d/{digest}/files/{file}") { _, context in
            let folder = try digest(context)
            guard let name = context.parameters.get("file").flatMap({ RootFolder.name(Substring($0)) }),
                  name.lowercased().hasSuffix(".pdf") else { throw Refusal.notFound }
            let path = folder.outputFolder + "/" + name
            guard FolderBoundary(folder: folder.path).kind(of: path) == .file,
                  let data = FileManager.default.contents(atPath: path) else { throw Refusal.notFound }
            return Reply.file(data, type: "application/pdf", downloadName: name)
        }
        router.get("/d/{digest}/edit/**") { request, context in
            let folder = try digest(context)
            let (path, relative) = try root.file(in: folder, context.parameters.getCatchAll(), extensions: Edit.extensions)
            guard let data = FileManager.default.contents(atPath: path) else { throw Refusal.notFound }
            let saved = request.uri.queryParameters["saved"] != nil
            return Edit.page(folder, relative: relative, text: String(decoding: data, as: UTF8.self), hash: Edit.hash(data),
                             line: request.uri.queryParameters["line"].flatMap { Int($0) },
                             notice: saved ? "<p class=\"good\">Saved.</p>" : .empty)
        }
        router.post("/d/{digest}/edit/**") { request, context in
            let folder = try digest(context)
            let (path, relative) = try root.file(in: folder, context.parameters.getCatchAll(), extensions: Edit.extensions)
            return try Edit.save(folder, path: path, relative: relative, form: try await Form.read(request))
        }
        router.get("/d/{digest}/changes") { request, context in
            let folder = try digest(context)
            let since = request.uri.queryParameters["since"].map(String.init) ?? ""
            return Changes.events(folder, since: since, inspections: inspections)
        }
        router.get("/d/{digest}/preview") { request, context in
            let folder = try digest(context)
            let pages = PreviewPages(folder: folder, inspection: try await inspections.current(folder), workshop: workshop)
            let number = request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1
            return Reply.page("Preview of \(folder.name)", try pages.page(number))
        }
        router.get("/d/{digest}/pages/{page}") { request, context in
            let folder = try digest(context)
            guard let name = context.parameters.get("page"), name.hasSuffix(".png"),
                  let number = Int(name.dropLast(4)) else { throw Refusal.notFound }
            let pages = PreviewPages(folder: folder, inspection: try await inspections.current(folder), workshop: workshop)
            return try await pages.png(number, thumbnail: request.uri.queryParameters["size"] == "thumbnail",
                                       ifNoneMatch: request.headers[.ifNoneMatch])
        }
        return router
    }

    private func digest(_ context: BasicRequestContext) throws -> DigestFolder {
        try root.digest(Substring(context.parameters.get("digest") ?? ""))
    }

    private func build(_ context: BasicRequestContext) throws -> (DigestFolder, BuildJob) {
        let folder = try digest(context)
        guard let job = jobs.job(context.parameters.get("id") ?? "", of: folder) else { throw Refusal.notFound }
        return (folder, job)
    }

    private func digestPage(_ folder: DigestFolder) async throws -> DigestPage {
        let layouts = LayoutOptions.library(digestFolder: folder.path, resources: resources, families: nil).available().map(\.name)
        return DigestPage(root: root, folder: folder, inspection: try await inspections.current(folder),
                          layouts: layouts, jobs: jobs.jobs(of: folder), position: { [workshop] in workshop.position(of: $0) })
    }

    /// The arguments of `gazette handout` that the handout form asks for, and a title.
    static func handoutArguments(_ form: Form) -> ([String], String) {
        var arguments: [String] = []
        var title = "Handout"
        if let section = form["section"], !section.isEmpty {
            arguments += ["--section", section]
            title += " of \(section)"
        }
        if form["booklet"] == "on" {
            arguments.append("--booklet")
            title += ", booklet"
        } else if let nup = form["nup"], nup != "1" {
            arguments += ["--nup", nup]
            title += ", \(nup) up"
        }
        if form["grayscale"] == "on" {
            arguments.append("--grayscale")
            title += ", gray"
        }
        if let answers = form["answers"] { arguments += ["--answers", answers] }
        return (arguments, title)
    }
}

import Foundation
import Hummingbird

/// Turns every error a route throws into a plain page: a `Refusal` with its words, the
/// framework's own errors (404 for an unknown route, 413 for a body too large) with its
/// status, anything else into a 500 that says nothing of the cause. Causes go to the
/// server's standard error, never to the browser: no stack, no path, no type name.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as Refusal {
            return Reply.problem(refusal.status, refusal.message)
        } catch let error as HTTPError {
            return Reply.problem(error.status, Self.words(for: error.status))
        } catch let error as any HTTPResponseError {
            return Reply.problem(error.status, Self.words(for: error.status))
        } catch {
            FileHandle.standardError.write("gazette serve: \(request.method) \(request.uri.path): \(error)\n")
            return Reply.problem(.internalServerError, "The server could not do that. The details are in its log.")
        }
    }

    static func words(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: Refusal.notFound.message
        case 405: "This address does not take that kind of request."
        case 413: "What was sent is too large."
        case 400..<500: "The request could not be understood."
        default: "The server could not do that. The details are in its log."
        }
    }
}

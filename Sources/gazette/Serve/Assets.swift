import Foundation
import Hummingbird

/// The style sheet and the script, kept here as constants so the server is one binary
/// with nothing to install beside it. The script only improves pages that work without
/// it: it follows a build's progress, moves the text area to a problem's line, and jumps
/// to an article in the preview.
enum Assets {
    static func response(_ text: String, type: String) -> Response {
        var headers = Reply.securityHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let style = """
        body { font: 16px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafaf7; }
        header.top { background: #17324d; padding: .6rem 1.2rem; }
        header.top a { color: #fff; font-weight: 600; text-decoration: none; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
        h1 .edition, h1 .folder, .folder { color: #6b6b6b; font-weight: normal; font-size: .8em; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e2e2dc; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        td.warn { color: #9a5b00; font-weight: 600; }
        ul.problems { list-style: none; padding: 0; }
        ul.problems li { padding: .3rem .5rem; border-left: 4px solid #c9a227; margin: .25rem 0; background: #fff; }
        ul.problems li.error { border-left-color: #b3261e; }
        .place { font-family: ui-monospace, monospace; font-size: .9em; }
        .good { color: #1e6b35; }
        .message { padding: .6rem .8rem; background: #fff4e5; border: 1px solid #f0c36d; }
        form.build { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; margin: .6rem 0;
          padding: .6rem; background: #fff; border: 1px solid #e2e2dc; }
        button { font: inherit; padding: .35rem 1rem; background: #17324d; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
        form.edit textarea { width: 100%; font: 14px/1.5 ui-monospace, monospace; box-sizing: border-box; }
        pre.theirs { white-space: pre-wrap; background: #fff; border: 1px solid #e2e2dc; padding: .6rem; max-height: 24rem; overflow: auto; }
        progress { width: 100%; height: 1rem; }
        nav.pager { display: flex; gap: 1rem; align-items: center; margin-bottom: .8rem; }
        .preview { display: flex; gap: 1rem; align-items: flex-start; }
        .thumbnails { display: flex; flex-direction: column; gap: .3rem; max-height: 80vh; overflow-y: auto; }
        .thumbnails a { border: 2px solid transparent; }
        .thumbnails a.current { border-color: #17324d; }
        img.page { max-width: 100%; box-shadow: 0 1px 6px rgba(0,0,0,.25); background: #fff; }
        a.download { font-weight: 600; }
        pre.log { white-space: pre-wrap; background: #fff; border: 1px solid #e2e2dc; padding: .6rem; }
        """

    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", () => {
          const job = document.querySelector(".job[data-events]");
          if (job && !job.querySelector(".files, .problems, .message, .log")) {
            const status = job.querySelector(".status"), bar = job.querySelector("progress");
            const source = new EventSource(job.dataset.events);
            source.addEventListener("progress", (event) => {
              const data = JSON.parse(event.data);
              status.textContent = data.status;
              bar.value = data.fraction;
            });
            source.addEventListener("done", () => { source.close(); location.reload(); });
          }
          const area = document.querySelector("textarea[data-line]");
          const line = area ? Number(area.dataset.line) : 0;
          if (line > 0) {
            const lines = area.value.split("\\n");
            const start = lines.slice(0, line - 1).join("\\n").length + (line > 1 ? 1 : 0);
            area.focus();
            area.setSelectionRange(start, start + (lines[line - 1] || "").length);
            const height = area.scrollHeight / Math.max(1, lines.length);
            area.scrollTop = Math.max(0, (line - 5) * height);
          }
          const watched = document.querySelector("[data-changes]");
          if (watched) {
            const changes = new EventSource(watched.dataset.changes);
            changes.addEventListener("changed", () => { changes.close(); location.reload(); });
          }
          const jump = document.querySelector("select.jump");
          if (jump) jump.addEventListener("change", () => { if (jump.value) location.href = jump.value; });
        });
        """
}

/// The browser side of live reload: listens to the event stream, reloads on a new build,
/// and shows build errors as an overlay until a clean build clears it.
enum LiveReload {
    static let tag = "<script src=\"/__notesim/live.js\"></script>"

    /// A page with the live-reload script before `</body>` (or at the end).
    static func inject(into page: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        if let index = lastIndex(of: marker, in: page) {
            return Array(page[..<index]) + Array(tag.utf8) + Array(page[index...])
        }
        return page + Array(tag.utf8)
    }

    private static func lastIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        var index = bytes.count - pattern.count
        while index >= 0 {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index -= 1
        }
        return nil
    }

    static let script = """
        (function () {
          "use strict";
          var first = true;
          var overlay = null;
          function show(lines) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "notesim-errors";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:99;" +
                "margin:0;padding:1rem 1.25rem;background:#1f1f1f;color:#ffd7d7;font:13px/1.5 ui-monospace,monospace;" +
                "border-top:4px solid #d55e00;white-space:pre-wrap";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "notesim: the last build failed\\n\\n" + lines.join("\\n");
          }
          // The error page (served while the site cannot be) lists the problems itself: it
          // reloads on a passing build, or on a failing one newer than the one it lists.
          var errorPage = document.querySelector('meta[name="notesim-error-page"]');
          var source = new EventSource("/__notesim/events");
          source.addEventListener("ok", function () {
            if (first && !errorPage) { first = false; if (overlay) { overlay.remove(); overlay = null; } return; }
            location.reload();
          });
          source.addEventListener("errors", function (event) {
            first = false;
            if (errorPage) { if (event.lastEventId !== errorPage.content) { location.reload(); } return; }
            try { show(JSON.parse(event.data)); } catch (e) { show([String(event.data)]); }
          });
        })();
        """
}

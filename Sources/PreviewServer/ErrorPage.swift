import NotesCore

/// The page `serve` answers with while the site cannot be shown: every problem of the last
/// build, each with its location and source line, reloading by itself once the build passes.
///
/// Why a page and not only the overlay: when the first build fails there is no site to lay an
/// overlay on, and a bare "not found" tells a newcomer nothing about the typo that caused it.
enum ErrorPage {
    /// The most source text shown for one problem, in characters; a minified or generated line
    /// would otherwise make the page as long as the file.
    static let lineLimit = 240

    /// The page for a build's problems (errors first, then warnings, each in printed order).
    /// - Parameters:
    ///   - generation: the build it describes; the page reloads when the event stream reports
    ///     another one (see `LiveReload.script`).
    ///   - source: the text of a file named by a diagnostic, nil when it cannot be read.
    static func render(diagnostics: [Diagnostic], generation: Int, source: @escaping (String) -> String?) -> [UInt8] {
        let shown = diagnostics.filter { $0.severity != .note }.sorted { ($0.severity, $0) < ($1.severity, $1) }
        let errors = shown.filter(\.isError).count
        var lines = LineCache(source: source)
        var html = head(generation: generation, errors: errors)
        for diagnostic in shown {
            html += item(diagnostic, line: diagnostic.position.flatMap { lines.text(of: diagnostic.path, line: $0.line) })
        }
        html += "</ol>\n<p class=\"wait\">This page reloads by itself when the build passes.</p>\n"
        html += "</main>\n\(LiveReload.tag)</body>\n</html>\n"
        return Array(html.utf8)
    }

    /// One problem: where, what, and the source line with the reported column marked.
    private static func item(_ diagnostic: Diagnostic, line: String?) -> String {
        var html = "<li class=\"\(diagnostic.severity.rawValue)\"><p><code>\(HTMLEscaping.text(diagnostic.location))</code> "
        html += "<span class=\"severity\">\(diagnostic.severity.rawValue)</span>: \(HTMLEscaping.text(diagnostic.message)) "
        html += "<span class=\"id\">[\(HTMLEscaping.text(diagnostic.id))]</span></p>\n"
        if let line, let position = diagnostic.position {
            html += "<pre><span class=\"line-number\">\(position.line)</span> \(marked(line, column: position.column))</pre>\n"
        }
        if let hint = diagnostic.hint { html += "<p class=\"hint\">\(HTMLEscaping.text(hint))</p>\n" }
        return html + "</li>\n"
    }

    /// A source line, cut to `lineLimit` characters around the column, with the character at
    /// the column (counted in characters, as diagnostics count) in a `<mark>`. The page wraps
    /// it (`pre-wrap`): scrolled sideways, a mark at column 120 was out of view.
    static func marked(_ line: String, column: Int) -> String {
        let characters = Array(line)
        let index = min(max(column - 1, 0), characters.count)
        let start = max(0, min(index - lineLimit / 2, characters.count - lineLimit))
        let end = min(characters.count, start + lineLimit)
        let before = (start > 0 ? "…" : "") + String(characters[start..<min(index, end)])
        let at = index < end ? String(characters[index]) : " "
        let after = index + 1 < end ? String(characters[(index + 1)..<end]) : ""
        return HTMLEscaping.text(before) + "<mark>" + HTMLEscaping.text(at) + "</mark>" + HTMLEscaping.text(after)
            + (end < characters.count ? "…" : "")
    }

    private static func head(generation: Int, errors: Int) -> String {
        let title = errors == 1 ? "1 error" : "\(errors) errors"
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="notesim-error-page" content="\(generation)">
            <title>Build failed: \(title) — notesim</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            <h1>The build failed: \(title)</h1>
            <p>Fix the notes below and save; the preview rebuilds and shows the site.</p>
            <ol class="problems">

            """
    }

    private static let style = """
        :root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#5c5c5c;--error:#b3261e;--warning:#8a5a00;--code:#f4f4f4;--mark:#ffd7a8}
        @media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#161616;--muted:#a8a8a8;--error:#ff8a80;--warning:#ffcc66;--code:#242424;--mark:#7a4a00}}
        body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,"Noto Sans CJK JP",sans-serif}
        main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.5rem;color:var(--error);margin:0 0 .5rem}
        .problems{padding-left:1.5rem}.problems li{margin:1rem 0}.problems p{margin:0;overflow-wrap:anywhere}
        .severity{font-weight:700}.error .severity{color:var(--error)}.warning .severity{color:var(--warning)}
        .id,.hint,.wait,.line-number{color:var(--muted)}.hint::before{content:"note: "}
        pre{background:var(--code);padding:.5rem .75rem;white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0;font:14px/1.5 ui-monospace,monospace}
        mark{background:var(--mark);color:inherit;outline:1px solid var(--error)}
        """

    /// Each file's lines, read and indexed once per page however many problems it has.
    private struct LineCache {
        let source: (String) -> String?
        var files: [String: LineIndex?] = [:]

        mutating func text(of path: String, line: Int) -> String? {
            if files[path] == nil { files[path] = source(path).map { LineIndex($0) } }
            guard let index = files[path] ?? nil, line >= 1, line <= index.lineCount else { return nil }
            return index.lineText(line)
        }
    }
}

import Foundation
import NotesCore
import NotesMarkdown

/// What the differential tests compare: notesim's HTML and cmark-gfm's, each normalised
/// only where notesim adds documented extras.
///
/// notesim's extras, undone here: heading ids (`<h2 id="x">…</h2>` -> `<h2>…</h2>`), footnote ids with `:` (`fn:1`)
/// instead of cmark-gfm's `-` (`fn-1`), and soft line breaks between two wide (CJK)
/// characters, which notesim drops (removed from cmark-gfm's HTML too).
enum HTMLComparison {
    static func notesim(_ markdown: String) -> String {
        var html = MarkdownParser.parse(markdown).html
        html = html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
        html = html.replacingOccurrences(of: "\"#fn:", with: "\"#fn-")
        html = html.replacingOccurrences(of: "\"#fnref:", with: "\"#fnref-")
        html = html.replacingOccurrences(of: "id=\"fn:", with: "id=\"fn-")
        html = html.replacingOccurrences(of: "id=\"fnref:", with: "id=\"fnref-")
        return html
    }

    /// cmark-gfm's HTML with the line breaks between wide characters removed (outside
    /// `<pre>`, where they are code).
    static func oracle(_ html: String) -> String {
        var scalars = Array(html.unicodeScalars)
        var index = 1
        var inPre = false
        while index + 1 < scalars.count {
            if scalars[index] == "<", index + 5 < scalars.count {
                let tag = String(String.UnicodeScalarView(scalars[index..<(index + 5)]))
                if tag == "<pre>" || tag.hasPrefix("<pre ") { inPre = true }
                if tag == "</pre" { inPre = false }
            }
            if !inPre, scalars[index] == "\n", EastAsianWidth.isWide(scalars[index - 1]), EastAsianWidth.isWide(scalars[index + 1]) {
                scalars.remove(at: index)
            } else {
                index += 1
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}

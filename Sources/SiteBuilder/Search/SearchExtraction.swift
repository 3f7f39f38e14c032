import NotesCore
import NotesMarkdown
import SearchIndex

/// A note's page as the search index sees it: the prose its parse gathered, cut at headings,
/// with the claims of its scenario blocks where the blocks stood.
///
/// Neither the scenario sources nor their figures and logs are indexed; their claims
/// (`expect:`) are. The note must have been parsed with its prose (`ParseStage.parse(…,
/// prose: true)`); a note without gives its title only.
enum SearchExtraction {
    /// The search document of `note`.
    static func document(of note: Note) -> SearchDocument {
        SearchDocument(url: OutputPaths.url(of: note.outputPath, from: "index.html"), title: note.title, sections: note.page.prose?.sections ?? [])
    }

    /// The claims of a scenario block, for the page's prose: the lines of its source from its
    /// top-level `expect:` to the next top-level key, each line end a space. Whole lines are
    /// copied: every scenario of every page passes here.
    static func claims(ofScenario source: String) -> String {
        var source = source
        return source.withUTF8 { bytes in
            var out: [UInt8] = []
            var inside = false
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd > lineStart {
                    // A line that starts with neither indentation nor a list item is a top-level key.
                    let first = bytes[lineStart]
                    if first != 0x20, first != 0x09, first != UInt8(ascii: "-") { inside = bytes[lineStart...].starts(with: "expect:".utf8) }
                    if inside { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) }
                }
                if lineEnd < bytes.count, inside { out.append(0x20) }
                lineStart = lineEnd + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

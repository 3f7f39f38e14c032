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
    /// top-level `expect:` to the next top-level key.
    static func claims(ofScenario source: String) -> String {
        var source = source
        return source.withUTF8 { bytes in
            var out: [UInt8] = []
            var inside = false
            var lineStart = true
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0A {
                    lineStart = true
                    if inside { out.append(0x20) }
                    continue
                }
                if lineStart {
                    // A line that starts with neither indentation nor a list item is a top-level key.
                    if byte != 0x20, byte != 0x09, byte != UInt8(ascii: "-") { inside = bytes[index...].starts(with: "expect:".utf8) }
                    lineStart = false
                }
                if inside { out.append(byte) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

import NotesCore

/// A page's bytes as cmark parses them: footnote definition lines (`Footnotes`) and escaped
/// tildes (`EscapedTildes`) replaced by stand-ins of the same length, so that every byte
/// stays where it was and cmark's positions are the file's.
struct MarkedSource {
    var bytes: [UInt8]
    /// File line -> the footnote label defined on it.
    var labels: [Int: String] = [:]
    /// Whether any `\~` was replaced.
    var escapedTildes = false

    static func mark(_ index: LineIndex) -> MarkedSource {
        var marked = MarkedSource(bytes: index.bytes)
        marked.escapedTildes = EscapedTildes.mark(&marked.bytes)
        marked.labels = Footnotes.markDefinitions(index, in: &marked.bytes)
        return marked
    }
}

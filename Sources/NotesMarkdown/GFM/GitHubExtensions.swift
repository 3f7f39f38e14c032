import CCmark
import NotesCore

/// GitHub Flavored Markdown on top of CommonMark: the passes that turn cmark's tree into
/// the one cmark-gfm would build, in the order their inputs need.
///
/// Block passes first (tables, alerts, task items), on cmark's own text nodes; then the
/// text nodes are joined, and autolinks are found before strikethrough (as cmark-gfm finds
/// them while parsing, so a URL keeps a `~` it contains); footnotes last, so that their
/// references are numbered in the order of the finished text.
struct GitHubExtensions {
    let index: LineIndex
    let alertTitle: @Sendable (AlertKind) -> String
    /// The label of a footnote's back link (`MarkdownOptions.backToContent`).
    let backToContent: String

    /// What the passes leave for the converter's walk.
    struct Result {
        var origins = SourceOrigins()
        /// Ids the passes wrote (footnotes), which links may name.
        var anchors: [String] = []
    }

    /// Runs every pass over `document`, parsed from `marked.bytes` with `options`.
    func run(_ document: OpaquePointer, marked: MarkedSource, options: Int32) -> Result {
        var result = Result()
        // The lines cmark parsed, whose byte columns its nodes give.
        let parsed = marked.escapedTildes ? LineIndex(bytes: marked.bytes) : index
        TablePass(index: parsed).run(document, page: marked.bytes, options: options, origins: &result.origins)
        for node in CmarkTree.blocks(of: CMARK_NODE_ITEM, in: document) { BlockMarkers.taskItem(node, index: parsed) }
        for node in CmarkTree.children(document) where CmarkTree.type(node) == CMARK_NODE_BLOCK_QUOTE {
            BlockMarkers.alert(node, title: alertTitle)
        }
        cmark_consolidate_text_nodes(document)
        Autolinks.run(document)
        Strikethrough.run(document)
        if marked.escapedTildes { EscapedTildes.restore(document) }
        result.anchors = Footnotes.run(document, marked, index: index, backLabel: backToContent, origins: &result.origins)
        Footnotes.restoreMarkers(document, marked)
        return result
    }
}

import CCmark
import Testing

@testable import NotesMarkdown

/// `CmarkTree.blocks(of:in:)` finds the blocks the passes edit (paragraphs, list items)
/// wherever they nest, in document order, as a walk of the whole tree would.
@Suite struct CmarkTreeBlocksTests {
    /// The first line of each found block, for a page parsed by cmark.
    private func startLines(of type: cmark_node_type, in markdown: String) -> [Int32] {
        let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT)!
        defer { cmark_node_free(document) }
        return CmarkTree.blocks(of: type, in: document).map { cmark_node_get_start_line($0) }
    }

    private let page = """
        para *one*

        > quoted
        >
        > - in quote

        - item
          1. nested

             nested para

        # heading
        """

    @Test func findsParagraphsInEveryContainer() {
        #expect(startLines(of: CMARK_NODE_PARAGRAPH, in: page) == [1, 3, 5, 7, 8, 10])
    }

    @Test func findsItemsInDocumentOrder() {
        #expect(startLines(of: CMARK_NODE_ITEM, in: page) == [5, 7, 8])
    }

    @Test func findsTheRootItself() {
        #expect(startLines(of: CMARK_NODE_DOCUMENT, in: page) == [1])
    }
}

import CCmark

/// Parses the text of table cells as inline Markdown, all cells of a page at once.
///
/// cmark parsed a table's lines as one paragraph, so emphasis or code could run across
/// cells. Each cell is parsed again as its own paragraph: it is prefixed with a no-break
/// space (which starts no block, so `# x` or `- x` in a cell stays text, and counts as
/// white space before a delimiter as a line start does) and followed by the page itself,
/// so that reference links in cells find the page's link definitions.
struct CellParser {
    /// The bytes put before each cell's text.
    static let prefix: [UInt8] = [0xC2, 0xA0]
    static var prefixLength: Int { prefix.count }

    private var texts: [[UInt8]] = []

    /// Adds a cell; returns the line its paragraph will have in the parsed document.
    mutating func add(_ text: [UInt8]) -> Int {
        texts.append(text)
        return 2 * texts.count - 1
    }

    /// Parses the cells followed by `page`, hands each cell's paragraph (or nil if cmark
    /// made something else of it) to `use` in order, then frees the document.
    func parse(page: [UInt8], options: Int32, _ use: (Int, OpaquePointer?) -> Void) {
        guard !texts.isEmpty else { return }
        var bytes: [UInt8] = []
        for text in texts {
            bytes += Self.prefix + text + [0x0A, 0x0A]
        }
        bytes += page
        let document: OpaquePointer = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        defer { cmark_node_free(document) }
        var child = cmark_node_first_child(document)
        for index in texts.indices {
            let line = 2 * index + 1
            while let node = child, Int(cmark_node_get_start_line(node)) < line { child = cmark_node_next(node) }
            guard let node = child, CmarkTree.type(node) == CMARK_NODE_PARAGRAPH, Int(cmark_node_get_start_line(node)) == line else {
                use(index, nil)
                continue
            }
            child = cmark_node_next(node)
            CmarkTree.dropLeadingBytes(Self.prefix.count, of: node)
            use(index, node)
        }
    }
}

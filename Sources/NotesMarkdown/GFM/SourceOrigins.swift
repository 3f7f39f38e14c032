/// Where the GitHub passes took text from, for the converter's walk: the tree nodes they
/// create have no positions of their own, so the walk asks here.
struct SourceOrigins {
    /// A table cell parsed on its own: the file line and the line offset of each byte.
    struct Cell {
        var line: Int
        /// The line of the cell's paragraph in the document the cells were parsed in.
        var parsedLine: Int
        /// `TableRow.Cell.sourceOffsets` of the cell.
        var sourceOffsets: [Int]

        /// The 1-based byte column in the file line of a 1-based byte column that cmark
        /// gave inside the cell's paragraph (which starts with a 2-byte no-break space).
        func fileColumn(ofParsedColumn column: Int) -> Int {
            let index = min(max(column - 1 - CellParser.prefixLength, 0), sourceOffsets.count - 1)
            return sourceOffsets[index] + 1
        }
    }

    /// A block the passes made from part of another (a paragraph split at a line).
    struct Block {
        var firstLine: Int
        var lastLine: Int
        /// 1-based byte column where its text starts on its first line.
        var startColumn: Int
    }

    var cells: [OpaquePointer: Cell] = [:]
    var blocks: [OpaquePointer: Block] = [:]
}

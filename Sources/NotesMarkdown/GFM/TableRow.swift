/// One line of a GitHub table split into cells, as the GFM spec splits it.
///
/// Cells are separated by unescaped pipes; a leading and a trailing pipe are optional;
/// `\|` stands for a pipe inside a cell (also inside a code span). Each cell keeps, for
/// every byte of its text, the byte offset in the line it came from, so that a link in a
/// cell is reported at its own column.
struct TableRow: Equatable {
    /// A cell: its trimmed text with `\|` unescaped, and where each byte came from.
    struct Cell: Equatable {
        var text: [UInt8]
        /// `sourceOffsets[i]` is the offset in the line of `text[i]`; one more entry gives
        /// the offset just after the text.
        var sourceOffsets: [Int]
    }

    /// A column's alignment, from the colons of the delimiter row.
    enum Alignment: Equatable {
        case none, left, center, right

        /// The `align` attribute cmark-gfm writes, with its leading space, or nothing.
        var attribute: String {
            switch self {
            case .none: ""
            case .left: " align=\"left\""
            case .center: " align=\"center\""
            case .right: " align=\"right\""
            }
        }
    }

    var cells: [Cell]

    /// Splits a line (without its line ending); nil when it holds no cell (`|` alone).
    static func parse(_ line: ArraySlice<UInt8>) -> TableRow? {
        let bytes = Array(line)
        var offset = skipSpaces(bytes, from: 0)
        if offset < bytes.count, bytes[offset] == pipe { offset += 1 }
        var cells: [Cell] = []
        while offset < bytes.count {
            var end = offset
            while end < bytes.count, bytes[end] != pipe {
                end += bytes[end] == backslash && end + 1 < bytes.count ? 2 : 1
            }
            let hasPipe = end < bytes.count
            if !hasPipe, skipSpaces(bytes, from: offset) == bytes.count { break }
            cells.append(cell(bytes, from: offset, to: min(end, bytes.count)))
            offset = end + (hasPipe ? 1 : 0)
        }
        return cells.isEmpty ? nil : TableRow(cells: cells)
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`); nil when the line is not one.
    static func delimiterAlignments(_ line: ArraySlice<UInt8>) -> [Alignment]? {
        guard let row = parse(line) else { return nil }
        var alignments: [Alignment] = []
        for cell in row.cells {
            var text = cell.text[...]
            let leading = text.first == colon
            if leading { text = text.dropFirst() }
            let trailing = text.last == colon
            if trailing { text = text.dropLast() }
            guard !text.isEmpty, text.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(leading ? (trailing ? .center : .left) : (trailing ? .right : .none))
        }
        return alignments
    }

    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")
    private static let colon = UInt8(ascii: ":")

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var offset = start
        while offset < bytes.count, isSpace(bytes[offset]) { offset += 1 }
        return offset
    }

    /// The cell between two offsets: trimmed, with `\|` unescaped.
    private static func cell(_ bytes: [UInt8], from start: Int, to end: Int) -> Cell {
        var lower = start
        var upper = end
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        var text: [UInt8] = []
        var offsets: [Int] = []
        var index = lower
        while index < upper {
            if bytes[index] == backslash, index + 1 < upper, bytes[index + 1] == pipe { index += 1 }
            text.append(bytes[index])
            offsets.append(index)
            index += 1
        }
        offsets.append(upper)
        return Cell(text: text, sourceOffsets: offsets)
    }
}

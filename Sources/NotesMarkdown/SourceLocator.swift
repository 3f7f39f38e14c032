import NotesCore

/// Finds where inline text (a link destination, an attribute value) sits in the source.
///
/// cmark's inline positions are unreliable after soft line breaks and are in bytes, so the
/// parser takes the enclosing block's lines from cmark and searches them here. A cursor
/// advances past each match so that repeated destinations map to successive occurrences.
struct SourceLocator {
    let index: LineIndex
    private var block: (first: Int, last: Int) = (0, 0)
    private var cursor: (line: Int, byte: Int) = (0, 0)

    init(index: LineIndex) {
        self.index = index
    }

    /// Starts searching a new block spanning the given file lines.
    mutating func enterBlock(firstLine: Int, lastLine: Int) {
        block = (firstLine, max(firstLine, lastLine))
        cursor = (firstLine, 0)
    }

    /// The position of the first occurrence of one of `needles` (tried in order) at or
    /// after the cursor, skipping `skip` bytes of the matched needle; nil when none occurs.
    mutating func locate(_ needles: [(text: String, skip: Int)]) -> SourcePosition? {
        for needle in needles where !needle.text.isEmpty {
            let pattern = Array(needle.text.utf8)
            var line = cursor.line
            while line <= block.last {
                let bytes = index.lineBytes(line)
                let from = line == cursor.line ? bytes.startIndex + cursor.byte : bytes.startIndex
                if let found = Self.find(pattern, in: bytes, from: from) {
                    let lineStart = index.offset(ofLine: line)
                    let column = found - lineStart + needle.skip
                    cursor = (line, found - lineStart + pattern.count)
                    return index.position(line: line, byteColumn: column + 1)
                }
                line += 1
            }
        }
        return nil
    }

    private static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        guard !pattern.isEmpty, from <= bytes.endIndex, bytes.endIndex - from >= pattern.count else { return nil }
        let first = pattern[0]
        var index = from
        let last = bytes.endIndex - pattern.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        return nil
    }
}

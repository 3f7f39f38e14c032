/// Maps UTF-8 byte offsets and byte columns of a text to line and character positions.
///
/// cmark and most scanners speak in bytes; diagnostics speak in characters. Lines end at
/// `\n`, `\r\n` or a lone `\r`, as CommonMark's do, so CRLF and CR files keep the same
/// positions.
public struct LineIndex: Sendable {
    /// The text's UTF-8 bytes.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts (line 1 at index 0).
    public let lineStarts: [Int]

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let newlines = bytes.withUnsafeBufferPointer { ByteSearch.offsets(of: UInt8(ascii: "\n"), in: $0) }
        let returns = bytes.withUnsafeBufferPointer { ByteSearch.offsets(of: UInt8(ascii: "\r"), in: $0) }
        // A lone `\r` also ends a line (CommonMark and YAML read it so); `\r\n` ends one line.
        let loneReturns = returns.filter { $0 + 1 == bytes.count || bytes[$0 + 1] != UInt8(ascii: "\n") }
        let ends = loneReturns.isEmpty ? newlines : (newlines + loneReturns).sorted()
        self.lineStarts = [0] + ends.map { $0 + 1 }
    }

    /// The number of lines (a final line without a newline counts; an empty text has one line).
    public var lineCount: Int { lineStarts.count }

    /// The bytes of a 1-based line, without its line ending.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    /// The text of a 1-based line, without its line ending.
    public func lineText(_ line: Int) -> String {
        String(decoding: lineBytes(line), as: UTF8.self)
    }

    /// The position of a byte offset into the text.
    public func position(ofOffset offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        return position(line: low + 1, byteColumn: clamped - lineStarts[low] + 1)
    }

    /// Converts a 1-based byte column on a line (as cmark reports it) to a character position.
    public func position(line: Int, byteColumn: Int) -> SourcePosition {
        guard line >= 1, line <= lineStarts.count else {
            return SourcePosition(line: max(line, 1), column: max(byteColumn, 1))
        }
        let start = lineStarts[line - 1]
        let end = min(start + max(byteColumn - 1, 0), bytes.count)
        return SourcePosition(line: line, column: Graphemes.count(bytes[start..<end]) + 1)
    }

    /// The byte offset of a 1-based line's start.
    public func offset(ofLine line: Int) -> Int {
        guard line >= 1 else { return 0 }
        return line <= lineStarts.count ? lineStarts[line - 1] : bytes.count
    }
}

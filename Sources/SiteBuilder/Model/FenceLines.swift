/// The lines of a note's front matter, read from its bytes: each line's content without its
/// ending (`\n`, `\r\n` or a lone `\r`, CommonMark's), and where the next line starts.
struct FenceLines: IteratorProtocol {
    /// A line: its content without the line ending, and where the next line starts.
    struct Line {
        let content: Range<Int>
        let next: Int
    }

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    mutating func next() -> Line? {
        guard position < bytes.endIndex else { return nil }
        let start = position
        var index = start
        while index < bytes.endIndex, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
        var next = index
        if next < bytes.endIndex {
            let isCR = bytes[next] == UInt8(ascii: "\r")
            next += 1
            if isCR, next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") { next += 1 }
        }
        position = next
        return Line(content: start..<index, next: next)
    }
}

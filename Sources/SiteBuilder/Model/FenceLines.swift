/// The lines of a text one at a time, each ended by `\n`, `\r\n` or a lone `\r` (the line
/// endings of CommonMark and YAML), so front matter is found in files from any platform.
struct FenceLines: IteratorProtocol {
    /// A line: its content without the line ending, and where the next line starts.
    struct Line {
        let content: Range<String.Index>
        let next: String.Index
    }

    private let utf8: String.UTF8View
    private var position: String.Index

    init(_ utf8: String.UTF8View) {
        self.utf8 = utf8
        self.position = utf8.startIndex
    }

    mutating func next() -> Line? {
        guard position < utf8.endIndex else { return nil }
        let start = position
        var index = start
        while index < utf8.endIndex, utf8[index] != UInt8(ascii: "\n"), utf8[index] != UInt8(ascii: "\r") { index = utf8.index(after: index) }
        var next = index
        if next < utf8.endIndex {
            let isCR = utf8[next] == UInt8(ascii: "\r")
            next = utf8.index(after: next)
            if isCR, next < utf8.endIndex, utf8[next] == UInt8(ascii: "\n") { next = utf8.index(after: next) }
        }
        position = next
        return Line(content: start..<index, next: next)
    }
}

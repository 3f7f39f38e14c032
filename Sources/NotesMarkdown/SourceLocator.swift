import NotesCore

/// Finds where inline text (a link destination, an attribute value) sits in the source.
///
/// cmark's inline positions are in bytes, and on a block's later lines they leave out the
/// line's container prefix and indentation (and count no lines for link definitions before
/// the text), so the parser takes the enclosing block's lines from cmark and corrects or
/// searches them here. A cursor advances past each match so that repeated destinations map
/// to successive occurrences.
struct SourceLocator {
    let index: LineIndex
    private var block: (first: Int, last: Int, startByte: Int) = (0, 0, 0)
    private var cursor: (line: Int, byte: Int) = (0, 0)
    /// Lines cmark's inline line numbers are short by in this block (its link definitions).
    private var lineShift = 0
    /// Where the block's last located link was found (a later link is after it).
    private var lastLink: (line: Int, byte: Int)?

    init(index: LineIndex) {
        self.index = index
    }

    /// Starts searching a new block spanning the given file lines, its text starting at a
    /// 1-based byte column of its first line.
    mutating func enterBlock(firstLine: Int, lastLine: Int, startColumn: Int = 1) {
        block = (firstLine, max(firstLine, lastLine), startColumn - 1)
        cursor = (firstLine, 0)
        lineShift = 0
        lastLink = nil
    }

    /// The position of a Markdown link's destination (of its `[` for a reference link),
    /// from where cmark says the link starts (`line`, 1-based byte `column`); nil when
    /// what is written there is not that link.
    ///
    /// On the block's first line cmark's column is right. On a later line it counts from the
    /// line's text, after `>` markers and indentation; after link definitions its line is
    /// short by their lines, which the first link of the block finds for the others.
    mutating func locateLink(line: Int, column: Int, isImage: Bool, destination: String) -> SourcePosition? {
        let scanner = LinkSourceScanner(index: index, lastLine: block.last)
        func attempt(shift: Int) -> LinkSourceScanner.Place? {
            let fileLine = line + shift
            guard fileLine >= block.first, fileLine <= block.last else { return nil }
            let byte = fileLine == block.first ? column - 1 : Self.contentStart(of: index.lineBytes(fileLine)) + column - 1 - block.startByte
            guard byte >= 0 else { return nil }
            return scanner.destinationPlace(linkAt: .init(line: fileLine, byte: byte), isImage: isImage, destination: destination)
        }
        var found = attempt(shift: lineShift)
        if found == nil {
            for shift in 1...16 where shift != lineShift {
                found = attempt(shift: shift)
                if found != nil {
                    lineShift = shift
                    break
                }
            }
        }
        if found == nil { found = nextLink(scanner, isImage: isImage, destination: destination) }
        guard let found else { return nil }
        if (found.line, found.byte) > cursor { cursor = (found.line, found.byte) }
        lastLink = (found.line, found.byte)
        return index.position(line: found.line, byteColumn: found.byte + 1)
    }

    /// The first link written at or after the cursor that reads as this one, for a link
    /// whose place cmark gives wrong by more than lines: after a destination written over a
    /// line break (`[a](` then `b.md)` on the next line) cmark counts no new line, so the
    /// links after it on that line are placed on the line before, at a column that means
    /// nothing there. At most 256 openings are tried, so a block of links that are all
    /// unreadable stays linear.
    private func nextLink(_ scanner: LinkSourceScanner, isImage: Bool, destination: String) -> LinkSourceScanner.Place? {
        let opening = isImage ? UInt8(ascii: "!") : UInt8(ascii: "[")
        var tries = 0
        for line in cursor.line...max(cursor.line, block.last) {
            let bytes = index.lineBytes(line)
            var byte = line == cursor.line ? cursor.byte : 0
            while bytes.startIndex + byte < bytes.endIndex {
                // A `[` right after a `]` is a reference link's label (`[f][r]`), not a link.
                let afterBracket = byte > 0 && bytes[bytes.startIndex + byte - 1] == UInt8(ascii: "]")
                if bytes[bytes.startIndex + byte] == opening, !afterBracket {
                    tries += 1
                    if tries > 256 { return nil }
                    if let place = scanner.destinationPlace(linkAt: .init(line: line, byte: byte), isImage: isImage, destination: destination),
                        lastLink.map({ (place.line, place.byte) > $0 }) ?? true
                    {
                        return place
                    }
                }
                byte += 1
            }
        }
        return nil
    }

    /// Where a line's text starts after block-quote markers and indentation: where cmark
    /// starts counting inline columns on a block's later lines.
    static func contentStart(of line: ArraySlice<UInt8>) -> Int {
        let prefix = line.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        return prefix.count
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

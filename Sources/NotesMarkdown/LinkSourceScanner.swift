import NotesCore

/// Reads a Markdown link or image as written, from its opening `[` (`![`, `<`), to say
/// where its destination is written and whether it is the link cmark parsed.
///
/// cmark gives the destination unescaped (`a\_b.md` -> `a_b.md`, `&amp;` -> `&`, `<a b.md>`
/// -> `a b.md`), so searching the source for it finds nothing or an earlier look-alike. The
/// link's start is known instead (see `SourceLocator.locateLink`); this reads from there,
/// over the link's own bytes only.
struct LinkSourceScanner {
    /// A place in the source: a file line and a byte offset into it (0-based).
    struct Place: Equatable {
        var line: Int
        var byte: Int
    }

    let index: LineIndex
    /// The last file line of the block the link is in.
    let lastLine: Int

    /// Where the destination of the link starting at `start` is written (after `(`, `(<`
    /// or an autolink's `<`; the start itself for a reference link), or nil when what is
    /// written there is not a link to `destination`.
    func destinationPlace(linkAt start: Place, isImage: Bool, destination: String) -> Place? {
        var reader = Reader(index: index, lastLine: lastLine, at: start)
        // An autolink, `<https://…>`: the address starts after the bracket.
        if !isImage, reader.current == UInt8(ascii: "<") { return Place(line: start.line, byte: start.byte + 1) }
        if isImage {
            guard reader.current == UInt8(ascii: "!") else { return nil }
            reader.skipByte()
        }
        guard reader.current == UInt8(ascii: "["), closeBracket(&reader) else { return nil }
        reader.skipByte()
        switch reader.current {
        case UInt8(ascii: "("):
            reader.skipByte()
            return inlineDestination(&reader, expected: destination)
        case UInt8(ascii: ":"):
            // `[label]: …` at a block's start is a definition, not a use.
            return nil
        default:
            // A reference (`[text][label]`, `[label][]`, `[label]`): the use is the place.
            return start
        }
    }

    // MARK: - Pieces

    /// A place being read, with its line's bytes at hand.
    ///
    /// Why: a link's text is read byte by byte, and taking the line's bytes from the index
    /// for each byte (a slice made, retained and released) was most of what locating a link
    /// cost; the slice now changes only when the reading moves to the next line.
    private struct Reader {
        let index: LineIndex
        let lastLine: Int
        private(set) var place: Place
        /// The bytes of `place.line` (empty past the block).
        private var bytes: ArraySlice<UInt8>

        init(index: LineIndex, lastLine: Int, at place: Place) {
            self.index = index
            self.lastLine = lastLine
            self.place = place
            bytes = place.line <= lastLine ? index.lineBytes(place.line) : []
        }

        /// The byte at the place; a line's end reads as a newline, past the block as nil.
        var current: UInt8? {
            guard place.line <= lastLine else { return nil }
            let offset = bytes.startIndex + place.byte
            return offset < bytes.endIndex ? bytes[offset] : UInt8(ascii: "\n")
        }

        /// The bytes of the line from the place to its end.
        var restOfLine: ArraySlice<UInt8> {
            bytes[min(bytes.endIndex, bytes.startIndex + place.byte)...]
        }

        /// Moves to the next byte, or at a line's end to the next line's text (after its
        /// container prefix).
        mutating func advance() {
            if bytes.startIndex + place.byte < bytes.endIndex {
                place.byte += 1
                return
            }
            place.line += 1
            guard place.line <= lastLine else {
                place.byte = 0
                bytes = []
                return
            }
            bytes = index.lineBytes(place.line)
            place.byte = SourceLocator.contentStart(of: bytes)
        }

        /// Moves one byte right on the same line (past its end, the place reads as a newline).
        mutating func skipByte() {
            place.byte += 1
        }
    }

    /// Moves `reader` from the `[` that opens a link's text to the `]` that closes it
    /// (brackets balance, backslash escapes and code spans are skipped); false when none does.
    private func closeBracket(_ reader: inout Reader) -> Bool {
        var depth = 0
        while let current = reader.current {
            switch current {
            case UInt8(ascii: "\\"):
                reader.advance()
            case UInt8(ascii: "`"):
                skipCodeSpan(&reader)
                continue
            case UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return true }
            default:
                break
            }
            reader.advance()
        }
        return false
    }

    /// Moves `reader` from a run of backticks past the code span it opens, or past the run
    /// when no run of the same length closes it (then the backticks are text).
    private func skipCodeSpan(_ reader: inout Reader) {
        func run(_ reader: inout Reader) -> Int {
            var length = 0
            while reader.current == UInt8(ascii: "`") {
                length += 1
                reader.advance()
            }
            return length
        }
        let opening = run(&reader)
        let afterOpening = reader
        while let current = reader.current {
            if current == UInt8(ascii: "`") {
                if run(&reader) == opening { return }
            } else {
                reader.advance()
            }
        }
        reader = afterOpening
    }

    /// The destination after `(` at `reader`: white space skipped, `<…>` or bare; its place
    /// if it reads (unescaped) as `expected`.
    private func inlineDestination(_ reader: inout Reader, expected: String) -> Place? {
        while let current = reader.current, current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") || current == UInt8(ascii: "\n") {
            reader.advance()
        }
        let angled = reader.current == UInt8(ascii: "<")
        if angled { reader.skipByte() }
        let start = reader.place
        guard start.line <= lastLine else { return nil }
        let bytes = reader.restOfLine
        var written: [UInt8] = []
        var offset = bytes.startIndex
        var parentheses = 0
        while offset < bytes.endIndex {
            let current = bytes[offset]
            if angled ? current == UInt8(ascii: ">") : (current == UInt8(ascii: " ") || current == UInt8(ascii: "\t")) { break }
            if !angled, current == UInt8(ascii: "(") { parentheses += 1 }
            if !angled, current == UInt8(ascii: ")") {
                if parentheses == 0 { break }
                parentheses -= 1
            }
            written.append(current)
            if current == UInt8(ascii: "\\"), offset + 1 < bytes.endIndex {
                offset += 1
                written.append(bytes[offset])
            }
            offset += 1
        }
        return MarkdownUnescaping.mayRead(written, as: expected) ? start : nil
    }
}

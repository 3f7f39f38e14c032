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
        var cursor = start
        // An autolink, `<https://…>`: the address starts after the bracket.
        if !isImage, byte(at: cursor) == UInt8(ascii: "<") { return Place(line: start.line, byte: start.byte + 1) }
        if isImage {
            guard byte(at: cursor) == UInt8(ascii: "!") else { return nil }
            cursor.byte += 1
        }
        guard byte(at: cursor) == UInt8(ascii: "["), let close = closingBracket(from: cursor) else { return nil }
        cursor = close
        cursor.byte += 1
        switch byte(at: cursor) {
        case UInt8(ascii: "("):
            cursor.byte += 1
            return inlineDestination(from: cursor, expected: destination)
        case UInt8(ascii: ":"):
            // `[label]: …` at a block's start is a definition, not a use.
            return nil
        default:
            // A reference (`[text][label]`, `[label][]`, `[label]`): the use is the place.
            return start
        }
    }

    // MARK: - Pieces

    /// The byte at a place; a line's end reads as a newline, past the block as nil.
    private func byte(at place: Place) -> UInt8? {
        guard place.line <= lastLine else { return nil }
        let bytes = index.lineBytes(place.line)
        let offset = bytes.startIndex + place.byte
        return offset < bytes.endIndex ? bytes[offset] : UInt8(ascii: "\n")
    }

    /// The next place, moving to the next line's text (after its container prefix) at a line's end.
    private func advanced(_ place: Place) -> Place {
        let bytes = index.lineBytes(place.line)
        guard bytes.startIndex + place.byte >= bytes.endIndex else { return Place(line: place.line, byte: place.byte + 1) }
        let next = place.line + 1
        guard next <= lastLine else { return Place(line: next, byte: 0) }
        return Place(line: next, byte: SourceLocator.contentStart(of: index.lineBytes(next)))
    }

    /// The `]` closing the link text opened at `open`: brackets balance, backslash escapes
    /// and code spans are skipped.
    private func closingBracket(from open: Place) -> Place? {
        var depth = 0
        var cursor = open
        while let current = byte(at: cursor) {
            switch current {
            case UInt8(ascii: "\\"):
                cursor = advanced(cursor)
            case UInt8(ascii: "`"):
                cursor = codeSpanEnd(from: cursor)
                continue
            case UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return cursor }
            default:
                break
            }
            cursor = advanced(cursor)
        }
        return nil
    }

    /// The place after a code span starting at a run of backticks, or after the run when
    /// no run of the same length closes it (then the backticks are text).
    private func codeSpanEnd(from start: Place) -> Place {
        func run(at place: Place) -> (length: Int, end: Place) {
            var length = 0
            var cursor = place
            while byte(at: cursor) == UInt8(ascii: "`") {
                length += 1
                cursor = advanced(cursor)
            }
            return (length, cursor)
        }
        let opening = run(at: start)
        var cursor = opening.end
        while let current = byte(at: cursor) {
            if current == UInt8(ascii: "`") {
                let closing = run(at: cursor)
                if closing.length == opening.length { return closing.end }
                cursor = closing.end
            } else {
                cursor = advanced(cursor)
            }
        }
        return opening.end
    }

    /// The destination after `(`: white space skipped, `<…>` or bare; its place if it
    /// reads (unescaped) as `expected`.
    private func inlineDestination(from open: Place, expected: String) -> Place? {
        var cursor = open
        while let current = byte(at: cursor), current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") || current == UInt8(ascii: "\n") {
            cursor = advanced(cursor)
        }
        let angled = byte(at: cursor) == UInt8(ascii: "<")
        if angled { cursor.byte += 1 }
        let start = cursor
        guard start.line <= lastLine else { return nil }
        let bytes = index.lineBytes(start.line)
        var written: [UInt8] = []
        var offset = bytes.startIndex + start.byte
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

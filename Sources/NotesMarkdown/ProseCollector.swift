#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NotesCore

/// Gathers a page's `PageProse` while the parse walks cmark's tree: text appended as bytes
/// with white space collapsed on the way, so no string is made per node.
struct ProseCollector {
    private var sections: [PageProse.Section] = []
    /// The heading the current section starts with: an index in the page's Markdown headings
    /// (whose ids are given after the walk), or a raw HTML heading's id and text.
    private var heading: SectionStart?
    private enum SectionStart {
        case markdown(Int)
        case raw(anchor: String, text: String)
    }
    /// The sections' headings, in the same order as `sections`.
    private var sectionHeadings: [SectionStart?] = []
    /// The current section's text (a writer: `Array.append(contentsOf:)` cost more than the
    /// copy itself for each of a page's text nodes).
    private let text = MarkupWriter()
    /// Whether white space came since the last character kept (written before the next).
    private var pendingSpace = false
    /// Bytes kept from the whole page (`PageProse.textLimit`).
    private var kept = 0
    /// Whether the limit was reached (at a character's first byte, so none is cut).
    private var full = false

    /// A collector with room for a page's usual sections (the arrays grew from empty on
    /// every page).
    init() {
        sections.reserveCapacity(8)
        sectionHeadings.reserveCapacity(8)
    }

    /// Starts the section of heading `index` (in the page's headings).
    mutating func startSection(heading index: Int) {
        closeSection()
        heading = .markdown(index)
    }

    /// A boundary between blocks, or white space.
    mutating func space() {
        pendingSpace = true
    }

    /// Text as cmark holds it (a node's NUL-terminated literal).
    mutating func append(_ literal: UnsafePointer<CChar>?) {
        guard let literal else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            appendRuns(UnsafeBufferPointer(start: start, count: strlen(literal)))
        }
    }

    /// Appends text a run between white space at a time (Japanese prose is long runs).
    private mutating func appendRuns(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            guard !Self.isSpace(bytes[index]) else {
                pendingSpace = true
                index += 1
                continue
            }
            let end = Self.runEnd(bytes, from: index + 1)
            if kept + (end - index) < PageProse.textLimit, !full {
                if pendingSpace, text.byteCount > 0 {
                    text.raw(byte: 0x20)
                    kept += 1
                }
                pendingSpace = false
                text.raw(buffer: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                kept += end - index
            } else {
                for byte in bytes[index..<end] { append(byte: byte) }
            }
            index = end
        }
    }

    /// Where the run of non-space bytes that goes on at `start` ends: eight bytes at a time
    /// while none of them is 0x20 or below (white space is), then byte by byte.
    private static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var end = start
        while end < bytes.count {
            if end &+ 8 <= bytes.count {
                let word = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
                // A byte below 0x21 with its top bit clear borrows into its own top bit.
                if (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080 == 0 {
                    end &+= 8
                    continue
                }
            }
            if isSpace(base[end]) { break }
            end &+= 1
        }
        return end
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Text given as a string (a code block's code), set off by spaces.
    mutating func appendBlock(_ code: String) {
        space()
        var code = code
        code.withUTF8 { appendRuns($0) }
        space()
    }

    /// Raw HTML: its text, as a browser would show it (`HTMLText`).
    mutating func appendHTML(_ literal: UnsafePointer<CChar>?) {
        guard let literal else { return }
        HTMLText.forEachPiece(of: literal) { piece in
            switch piece {
            case .byte(let byte): append(byte: byte)
            case .space: space()
            case .heading(let anchor, let text):
                closeSection()
                heading = .raw(anchor: anchor, text: text)
            }
        }
    }

    /// The sections gathered, with the ids and texts the page's Markdown headings were given.
    mutating func finish(headings: [Heading]) -> PageProse {
        closeSection()
        for (index, heading) in sectionHeadings.enumerated() {
            switch heading {
            case .markdown(let number) where headings.indices.contains(number):
                sections[index].anchor = headings[number].id
                sections[index].heading = headings[number].text
            case .raw(let anchor, let text):
                sections[index].anchor = anchor
                sections[index].heading = text
            default:
                break
            }
        }
        return PageProse(sections: sections)
    }

    @inline(__always)
    private mutating func append(byte: UInt8) {
        if Self.isSpace(byte) {
            pendingSpace = true
            return
        }
        if kept >= PageProse.textLimit, byte & 0xC0 != 0x80 { full = true }
        guard !full else { return }
        if pendingSpace, text.byteCount > 0 {
            text.raw(byte: 0x20)
            kept += 1
        }
        pendingSpace = false
        text.raw(byte: byte)
        kept += 1
    }

    private mutating func closeSection() {
        if text.byteCount > 0 || heading != nil {
            // The bytes are handed over as they are: cmark's literals are valid UTF-8, and the
            // limit cuts before a character's first byte.
            sections.append(PageProse.Section(anchor: "", heading: "", utf8: text.bytes))
            sectionHeadings.append(heading)
        }
        text.removeAll()
        pendingSpace = false
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    private var text: [UInt8] = []
    /// Whether white space came since the last character kept (written before the next).
    private var pendingSpace = false
    /// Bytes kept from the whole page (`PageProse.textLimit`).
    private var kept = 0
    /// Whether the limit was reached (at a character's first byte, so none is cut).
    private var full = false

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
            var end = index + 1
            while end < bytes.count, !Self.isSpace(bytes[end]) { end += 1 }
            if kept + (end - index) < PageProse.textLimit, !full {
                if pendingSpace, !text.isEmpty {
                    text.append(0x20)
                    kept += 1
                }
                pendingSpace = false
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                kept += end - index
            } else {
                for byte in bytes[index..<end] { append(byte: byte) }
            }
            index = end
        }
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
        if pendingSpace, !text.isEmpty {
            text.append(0x20)
            kept += 1
        }
        pendingSpace = false
        text.append(byte)
        kept += 1
    }

    private mutating func closeSection() {
        if !text.isEmpty || heading != nil {
            sections.append(PageProse.Section(anchor: "", heading: "", text: String(decoding: text, as: UTF8.self)))
            sectionHeadings.append(heading)
        }
        text.removeAll(keepingCapacity: true)
        pendingSpace = false
    }
}

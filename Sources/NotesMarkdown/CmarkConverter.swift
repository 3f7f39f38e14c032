import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NotesCore

/// The one place that talks to cmark: parse, walk, rewrite, render, copy out, free.
///
/// No cmark pointer leaves this file. The walk collects headings, references and code
/// blocks; the tree is then edited (link destinations rewritten, headings replaced by HTML
/// with ids and self-links, slot code blocks replaced by markers) and rendered once.
struct CmarkConverter {
    let index: LineIndex
    let options: MarkdownOptions

    private static let cmarkOptions = CMARK_OPT_UNSAFE

    /// A heading found by the walk, waiting to be replaced.
    private struct PendingHeading {
        let node: OpaquePointer
        let level: Int
        let position: SourcePosition
        var text = ""
    }

    func convert() -> MarkdownPage {
        let document: OpaquePointer = index.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, Self.cmarkOptions)
            }
        }
        defer { cmark_node_free(document) }

        var headings: [PendingHeading] = []
        var references: [Reference] = []
        var codeBlocks: [CodeBlock] = []
        var explicitAnchors: [String] = []
        var urlEdits: [(OpaquePointer, String)] = []
        var literalEdits: [(OpaquePointer, String)] = []
        var slotNodes: [(OpaquePointer, Int)] = []
        var softBreaks: [OpaquePointer] = []
        var locator = SourceLocator(index: index)
        var currentLeaf: OpaquePointer?
        var imageDepth = 0

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER

            switch type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    currentLeaf = node
                    locator.enterBlock(firstLine: Int(cmark_node_get_start_line(node)), lastLine: Int(cmark_node_get_end_line(node)))
                    if type == CMARK_NODE_HEADING {
                        headings.append(PendingHeading(
                            node: node,
                            level: Int(cmark_node_get_heading_level(node)),
                            position: blockPosition(node)
                        ))
                    }
                } else {
                    currentLeaf = nil
                }

            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let leaf = currentLeaf, imageDepth == 0, let last = headings.indices.last, headings[last].node == leaf {
                    headings[last].text += Self.string(cmark_node_get_literal(node))
                }

            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if type == CMARK_NODE_SOFTBREAK { softBreaks.append(node) }
                if let leaf = currentLeaf, let last = headings.indices.last, headings[last].node == leaf {
                    headings[last].text += " "
                }

            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let kind: Reference.Kind = type == CMARK_NODE_LINK ? .link : .image
                if type == CMARK_NODE_IMAGE { imageDepth += entering ? 1 : -1 }
                guard entering else { break }
                let destination = Self.string(cmark_node_get_url(node))
                let position = locator.locate([("(" + destination, 1), ("<" + destination, 1), (destination, 0)])
                    ?? parentBlockPosition(node)
                references.append(Reference(kind: kind, origin: .markdown, destination: destination, position: position))
                let rewritten = options.rewriteDestination(destination, kind)
                if rewritten != destination { urlEdits.append((node, rewritten)) }

            case CMARK_NODE_HTML_INLINE:
                let literal = Self.string(cmark_node_get_literal(node))
                let found = scanHTML(literal) { attribute, _ in
                    locator.locate([(attribute.value, 0)]) ?? parentBlockPosition(node)
                }
                references += found.references
                explicitAnchors += found.anchors
                if let rewritten = found.rewritten { literalEdits.append((node, rewritten)) }

            case CMARK_NODE_HTML_BLOCK:
                let literal = Self.string(cmark_node_get_literal(node))
                let start = blockPosition(node)
                let found = scanHTML(literal) { attribute, lineDelta in
                    htmlBlockPosition(of: attribute.value, line: start.line + lineDelta) ?? start
                }
                references += found.references
                explicitAnchors += found.anchors
                if let rewritten = found.rewritten { literalEdits.append((node, rewritten)) }

            case CMARK_NODE_CODE_BLOCK:
                let block = codeBlock(node, nextSlot: slotNodes.count + 1)
                if let slot = block.slot { slotNodes.append((node, slot)) }
                codeBlocks.append(block)

            default:
                break
            }
        }

        for node in softBreaks where Self.joinsWideCharacters(node) {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        for (node, url) in urlEdits { cmark_node_set_url(node, url) }
        for (node, literal) in literalEdits { cmark_node_set_literal(node, literal) }
        for (node, slot) in slotNodes {
            replace(node, withHTML: MarkdownPage.slotMarker(slot))
        }

        var slugger = Slugger()
        var finalHeadings: [Heading] = []
        for pending in headings {
            let id = slugger.slug(pending.text)
            let inner = renderedInner(ofHeading: pending.node, level: pending.level)
            let escapedID = HTMLEscaping.attribute(id)
            let html = "<h\(pending.level) id=\"\(escapedID)\">\(inner)"
                + "<a class=\"heading-anchor\" href=\"#\(escapedID)\" aria-hidden=\"true\" tabindex=\"-1\">#</a>"
                + "</h\(pending.level)>"
            replace(pending.node, withHTML: html)
            finalHeadings.append(Heading(level: pending.level, text: pending.text, id: id, position: pending.position))
        }

        return MarkdownPage(
            htmlBytes: Self.renderBytes(document),
            headings: finalHeadings,
            references: references,
            codeBlocks: codeBlocks,
            explicitAnchors: explicitAnchors
        )
    }

    // MARK: - Pieces

    /// Whether a soft line break stands between two wide (CJK) characters. Such a break is
    /// dropped: a browser would show it as a space, which Japanese text does not have.
    private static func joinsWideCharacters(_ node: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(node), let next = cmark_node_next(node),
              cmark_node_get_type(previous) == CMARK_NODE_TEXT, cmark_node_get_type(next) == CMARK_NODE_TEXT,
              let before = cmark_node_get_literal(previous).flatMap({ lastScalar(of: $0) }),
              let after = cmark_node_get_literal(next).flatMap({ firstScalar(of: $0) }) else { return false }
        return EastAsianWidth.isWide(before) && EastAsianWidth.isWide(after)
    }

    /// The first Unicode scalar of a NUL-terminated UTF-8 string, read in place.
    private static func firstScalar(of text: UnsafePointer<CChar>) -> Unicode.Scalar? {
        let length = min(strlen(text), 4)
        return text.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            var iterator = UnsafeBufferPointer(start: bytes, count: length).makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
            return nil
        }
    }

    /// The last Unicode scalar of a NUL-terminated UTF-8 string, read in place.
    private static func lastScalar(of text: UnsafePointer<CChar>) -> Unicode.Scalar? {
        let length = strlen(text)
        guard length > 0 else { return nil }
        return text.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            var start = length - 1
            while start > 0, length - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            var iterator = UnsafeBufferPointer(start: bytes + start, count: length - start).makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
            return nil
        }
    }

    private func codeBlock(_ node: OpaquePointer, nextSlot: Int) -> CodeBlock {
        let info = Self.string(cmark_node_get_fence_info(node))
        let language = String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        let position = blockPosition(node)
        let fenceLine = index.lineText(position.line).drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
        let fenced = fenceLine.hasPrefix("```") || fenceLine.hasPrefix("~~~")
        let slot = options.slotLanguages.contains(language) ? nextSlot : nil
        return CodeBlock(
            info: info,
            language: language,
            literal: Self.string(cmark_node_get_literal(node)),
            position: position,
            contentStartLine: fenced ? position.line + 1 : position.line,
            slot: slot
        )
    }

    /// Results of scanning a fragment of raw HTML.
    private struct HTMLFindings {
        var references: [Reference] = []
        var anchors: [String] = []
        var rewritten: String?
    }

    private func scanHTML(
        _ literal: String,
        position: (HTMLAttributeScanner.Attribute, _ lineDelta: Int) -> SourcePosition
    ) -> HTMLFindings {
        var findings = HTMLFindings()
        guard literal.utf8.contains(UInt8(ascii: "<")) else { return findings }
        let bytes = Array(literal.utf8)
        var replacements: [(Range<Int>, String)] = []
        for attribute in HTMLAttributeScanner.attributes(in: bytes) {
            if HTMLAttributeScanner.definesAnchor(attribute) {
                findings.anchors.append(attribute.value)
            }
            guard let kind = HTMLAttributeScanner.referenceKind(of: attribute) else { continue }
            let lineDelta = bytes[..<attribute.valueRange.lowerBound].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            findings.references.append(Reference(
                kind: kind, origin: .rawHTML, destination: attribute.value,
                position: position(attribute, lineDelta)
            ))
            let rewritten = options.rewriteDestination(attribute.value, kind)
            if rewritten != attribute.value {
                replacements.append((attribute.valueRange, HTMLEscaping.attribute(rewritten)))
            }
        }
        if !replacements.isEmpty {
            findings.rewritten = String(decoding: HTMLAttributeScanner.replacing(replacements, in: bytes), as: UTF8.self)
        }
        return findings
    }

    /// Where `value` appears on a file line of an HTML block.
    private func htmlBlockPosition(of value: String, line: Int) -> SourcePosition? {
        var locator = SourceLocator(index: index)
        locator.enterBlock(firstLine: line, lastLine: line)
        return locator.locate([("\"" + value, 1), ("'" + value, 1), ("=" + value, 1), (value, 0)])
    }

    private func blockPosition(_ node: OpaquePointer) -> SourcePosition {
        index.position(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
    }

    private func parentBlockPosition(_ node: OpaquePointer) -> SourcePosition {
        var current: OpaquePointer? = node
        while let candidate = current, cmark_node_get_type(candidate).rawValue >= CMARK_NODE_FIRST_INLINE.rawValue {
            current = cmark_node_parent(candidate)
        }
        return current.map(blockPosition) ?? SourcePosition(line: 1, column: 1)
    }

    /// The HTML inside `<hN>…</hN>` for a heading node, links already rewritten.
    private func renderedInner(ofHeading node: OpaquePointer, level: Int) -> String {
        // Compared as bytes: the tags are ASCII, and Character comparison costs more than the rest.
        var html = Self.renderBytes(node)[...]
        let open = "<h\(level)>".utf8
        let close = "</h\(level)>".utf8
        if html.last == UInt8(ascii: "\n") { html.removeLast() }
        if html.starts(with: open) { html.removeFirst(open.count) }
        if html.reversed().starts(with: close.reversed()) { html.removeLast(close.count) }
        return String(decoding: html, as: UTF8.self)
    }

    private func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let replacement = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(replacement, html)
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    /// The node as HTML, copied out as cmark wrote it (valid UTF-8: cmark replaces invalid
    /// input, and notes are validated before they get here).
    private static func renderBytes(_ node: OpaquePointer) -> [UInt8] {
        guard let pointer = cmark_render_html(node, cmarkOptions) else { return [] }
        defer { free(pointer) }
        let length = strlen(pointer)
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

import CCmark
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NotesCore

/// The one place that talks to cmark: parse, walk, rewrite, render, copy out, free.
///
/// No cmark pointer leaves this module. The page is parsed as `MarkedSource` gives it, the
/// GitHub passes (`GitHubExtensions`) turn cmark's tree into GFM's, the walk collects
/// headings, references and code blocks; the tree is then edited (link destinations
/// rewritten, headings replaced by HTML with ids and self-links, slot code blocks replaced by
/// markers, code blocks left to the highlighter replaced by code markers) and rendered once.
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

    /// What the walk over the tree collects, and where in the tree it is.
    ///
    /// One value that the handler of each kind of node updates, so that the walk's loop
    /// stays a dispatch. Edits are only recorded: the tree must not change under the
    /// iterator, so they are made after the walk.
    private struct WalkState {
        var headings: [PendingHeading] = []
        var references: [Reference] = []
        var codeBlocks: [CodeBlock] = []
        var explicitAnchors: [String] = []
        var urlEdits: [(OpaquePointer, String)] = []
        var literalEdits: [(OpaquePointer, String)] = []
        var slotNodes: [(OpaquePointer, Int)] = []
        /// Code blocks to replace by code markers, with their numbers.
        var codeNodes: [(OpaquePointer, Int)] = []
        var softBreaks: [OpaquePointer] = []
        var locator: SourceLocator
        /// Where the GitHub passes took the text of the nodes they made.
        var origins = SourceOrigins()
        /// The table cell the walk is in.
        var cell: SourceOrigins.Cell?
        /// The paragraph or heading the walk is in.
        var currentLeaf: OpaquePointer?
        /// How many images the walk is in (an image's text is not its heading's text).
        var imageDepth = 0
        /// The page's text for the search index, when the options ask for it.
        var prose: ProseCollector?

        init(locator: SourceLocator) {
            self.locator = locator
        }

        /// The index in `headings` of the heading the walk is in, if it is in one: where
        /// the text and line breaks below it are gathered.
        func currentHeading() -> Int? {
            guard let leaf = currentLeaf, let last = headings.indices.last, headings[last].node == leaf else { return nil }
            return last
        }

        /// Records what was found in a fragment of raw HTML: its references, its anchors,
        /// and the literal with rewritten destinations if any changed.
        mutating func record(_ found: HTMLFindings, in node: OpaquePointer) {
            references += found.references
            explicitAnchors += found.anchors
            if let rewritten = found.rewritten { literalEdits.append((node, rewritten)) }
        }
    }

    /// Parses the text, walks the tree once, edits it, renders it, and frees it.
    func convert() -> MarkdownPage {
        let marked = MarkedSource.mark(index)
        let document: OpaquePointer = marked.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, Self.cmarkOptions)
            }
        }
        defer { cmark_node_free(document) }
        let github = GitHubExtensions(index: index, alertTitle: options.alertTitle, backToContent: options.backToContent).run(
            document, marked: marked, options: Self.cmarkOptions)
        var walked = walk(document, origins: github.origins)
        walked.explicitAnchors += github.anchors
        applyEdits(walked)
        let headings = replaceHeadings(walked.headings)
        var page = MarkdownPage(
            htmlBytes: Self.renderBytes(document),
            headings: headings,
            references: walked.references,
            codeBlocks: walked.codeBlocks,
            explicitAnchors: walked.explicitAnchors
        )
        page.prose = walked.prose?.finish(headings: headings)
        return page
    }

    // MARK: - Walk

    /// Visits every node of the tree once, in document order, collecting headings,
    /// references, anchors and code blocks and recording the edits; the tree is unchanged.
    private func walk(_ document: OpaquePointer, origins: SourceOrigins) -> WalkState {
        var state = WalkState(locator: SourceLocator(index: index))
        state.origins = origins
        if options.collectsProse { state.prose = ProseCollector() }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            visit(node, type: type, entering: event == CMARK_EVENT_ENTER, &state)
            if state.prose != nil { gatherProse(node, type: type, entering: event == CMARK_EVENT_ENTER, &state) }
        }
        return state
    }

    /// One step of the walk, by the node's type (entering or leaving it); split out of the
    /// loop so that each kind of node reads as one case.
    private func visit(_ node: OpaquePointer, type: cmark_node_type, entering: Bool, _ state: inout WalkState) {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            if entering {
                enterLeafBlock(node, isHeading: type == CMARK_NODE_HEADING, &state)
            } else {
                state.currentLeaf = nil
            }

        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if state.imageDepth == 0, let heading = state.currentHeading() {
                state.headings[heading].text += Self.string(cmark_node_get_literal(node))
            }

        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            if type == CMARK_NODE_SOFTBREAK { state.softBreaks.append(node) }
            if let heading = state.currentHeading() { state.headings[heading].text += " " }

        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if type == CMARK_NODE_IMAGE { state.imageDepth += entering ? 1 : -1 }
            if entering { visitLink(node, kind: type == CMARK_NODE_LINK ? .link : .image, &state) }

        case CMARK_NODE_HTML_INLINE:
            let literal = Self.string(cmark_node_get_literal(node))
            let found = scanHTML(literal) { attribute, _ in
                state.locator.locate([(attribute.value, 0)]) ?? parentBlockPosition(node)
            }
            state.record(found, in: node)

        case CMARK_NODE_HTML_BLOCK:
            let literal = Self.string(cmark_node_get_literal(node))
            let start = blockPosition(node)
            let found = scanHTML(literal) { attribute, lineDelta in
                htmlBlockPosition(of: attribute.value, line: start.line + lineDelta) ?? start
            }
            state.record(found, in: node)

        case CMARK_NODE_CUSTOM_INLINE:
            if let cell = state.origins.cells[node] {
                state.cell = entering ? cell : nil
                if entering { state.locator.enterBlock(firstLine: cell.line, lastLine: cell.line) }
            }

        case CMARK_NODE_CODE_BLOCK:
            var block = codeBlock(node, nextSlot: state.slotNodes.count + 1)
            if let slot = block.slot {
                state.slotNodes.append((node, slot))
            } else if options.markCode, !block.language.isEmpty {
                block.codeSlot = state.codeNodes.count + 1
                state.codeNodes.append((node, state.codeNodes.count + 1))
            }
            state.codeBlocks.append(block)

        default:
            break
        }
    }

    /// The step of the walk that gathers the page's text for the search index (after
    /// `visit`, which has opened the heading a heading node starts).
    private func gatherProse(_ node: OpaquePointer, type: cmark_node_type, entering: Bool, _ state: inout WalkState) {
        let inHeading = state.currentHeading() != nil
        switch type {
        case CMARK_NODE_HEADING:
            if entering { state.prose?.startSection(heading: state.headings.count - 1) }
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if state.imageDepth == 0, !inHeading { state.prose?.append(cmark_node_get_literal(node)) }
        case CMARK_NODE_SOFTBREAK:
            if !inHeading, !Self.joinsWideCharacters(node) { state.prose?.space() }
        case CMARK_NODE_LINEBREAK:
            state.prose?.space()
        case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
            if !inHeading, state.imageDepth == 0 { state.prose?.appendHTML(cmark_node_get_literal(node)) }
        case CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_CUSTOM_BLOCK:
            if !inHeading { state.prose?.appendHTML(entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node)) }
        case CMARK_NODE_CODE_BLOCK:
            if let block = state.codeBlocks.last {
                if block.slot == nil {
                    state.prose?.appendBlock(block.literal)
                } else if let text = options.slotProse?(block.literal), !text.isEmpty {
                    state.prose?.appendBlock(text)
                }
            }
        default:
            // Any other block (paragraph, list, item, quote, rule) sets its text apart.
            if type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue { state.prose?.space() }
        }
    }

    /// Entering a paragraph or heading: inline positions are searched for in its lines from
    /// now on, and a heading starts gathering its text.
    private func enterLeafBlock(_ node: OpaquePointer, isHeading: Bool, _ state: inout WalkState) {
        state.currentLeaf = node
        if let block = state.origins.blocks[node] {
            state.locator.enterBlock(firstLine: block.firstLine, lastLine: block.lastLine, startColumn: block.startColumn)
        } else {
            state.locator.enterBlock(
                firstLine: Int(cmark_node_get_start_line(node)),
                lastLine: Int(cmark_node_get_end_line(node)),
                startColumn: Int(cmark_node_get_start_column(node))
            )
        }
        if isHeading {
            state.headings.append(
                PendingHeading(
                    node: node,
                    level: Int(cmark_node_get_heading_level(node)),
                    position: blockPosition(node)
                ))
        }
    }

    /// Entering a link or image: its reference, at the destination's place in the source
    /// (a reference link's at its `[`), and the rewritten destination if it changes.
    ///
    /// The place is read from where cmark says the link starts, corrected and checked by
    /// the locator; only when that fails is the destination searched for, and only when
    /// that fails too is the block's start reported.
    private func visitLink(_ node: OpaquePointer, kind: Reference.Kind, _ state: inout WalkState) {
        let destination = Self.string(cmark_node_get_url(node))
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        if let cell = state.cell {
            // A cell was parsed on its own: its line there is not the file's.
            column = line == cell.parsedLine ? cell.fileColumn(ofParsedColumn: column) : 1
            line = cell.line
        }
        let position =
            state.locator.locateLink(line: line, column: column, isImage: kind == .image, destination: destination)
            ?? state.locator.locate([("(" + destination, 1), ("<" + destination, 1), (destination, 0)])
            ?? parentBlockPosition(node)
        state.references.append(Reference(kind: kind, origin: .markdown, destination: destination, position: position))
        let rewritten = options.rewriteDestination(destination, kind)
        if rewritten != destination { state.urlEdits.append((node, rewritten)) }
    }

    // MARK: - Edits

    /// Makes the edits the walk recorded: soft breaks between wide characters dropped, link
    /// destinations and raw HTML rewritten, slot code blocks replaced by their markers.
    private func applyEdits(_ state: WalkState) {
        for node in state.softBreaks where Self.joinsWideCharacters(node) {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        for (node, url) in state.urlEdits { cmark_node_set_url(node, url) }
        for (node, literal) in state.literalEdits { cmark_node_set_literal(node, literal) }
        for (node, slot) in state.slotNodes {
            replace(node, withHTML: MarkdownPage.slotMarker(slot))
        }
        for (node, slot) in state.codeNodes { replace(node, withHTML: MarkdownPage.codeMarker(slot)) }
    }

    /// Replaces each heading by its HTML with a unique id, after the other edits (its inner
    /// HTML has the rewritten links); returns the page's headings. The theme's script adds
    /// the `#` self-links, one per heading of every page, which in the HTML weighed more
    /// than many headings' text.
    private func replaceHeadings(_ pending: [PendingHeading]) -> [Heading] {
        var slugger = Slugger()
        var headings: [Heading] = []
        for heading in pending {
            let id = slugger.slug(heading.text)
            let inner = renderedInner(ofHeading: heading.node, level: heading.level)
            let escapedID = HTMLEscaping.attribute(id).utf8
            let level = UInt8(ascii: "0") + UInt8(heading.level)
            // Joined as bytes: a dozen `String` appends per heading cost more than its rendering.
            var html: [UInt8] = []
            html.reserveCapacity(inner.count + 2 * escapedID.count + 120)
            html += [UInt8(ascii: "<"), UInt8(ascii: "h"), level]
            html += #" id=""#.utf8
            html += escapedID
            html += #"">"#.utf8
            html += inner
            html += [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), level, UInt8(ascii: ">"), 0]
            html.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { replace(heading.node, withHTML: $0.baseAddress!) }
            }
            headings.append(Heading(level: heading.level, text: heading.text, id: id, position: heading.position))
        }
        return headings
    }

    // MARK: - Pieces

    /// Whether a soft line break stands between two wide (CJK) characters. Such a break is
    /// dropped: a browser would show it as a space, which Japanese text does not have.
    private static func joinsWideCharacters(_ node: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(node), let next = cmark_node_next(node),
            cmark_node_get_type(previous) == CMARK_NODE_TEXT, cmark_node_get_type(next) == CMARK_NODE_TEXT,
            let before = cmark_node_get_literal(previous).flatMap({ lastScalar(of: $0) }),
            let after = cmark_node_get_literal(next).flatMap({ firstScalar(of: $0) })
        else { return false }
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
        let language = Self.firstWord(of: info)
        let position = blockPosition(node)
        // The fence is read on the line's bytes (every code block of every note is asked),
        // from where cmark says the block starts: a fence may follow a list marker (`- ````).
        let blockStart = max(Int(cmark_node_get_start_column(node)) - 1, 0)
        let fenceLine = index.lineBytes(position.line).dropFirst(blockStart).drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") })
        let fenced = fenceLine.starts(with: "```".utf8) || fenceLine.starts(with: "~~~".utf8)
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

    /// The first word of a fence's info string (its language): from the first byte that is
    /// no space or tab to the next space or tab.
    static func firstWord(of info: String) -> String {
        let utf8 = info.utf8
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.endIndex
        let end = utf8[start...].firstIndex { $0 == 0x20 || $0 == 0x09 } ?? utf8.endIndex
        return String(info[start..<end])
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
            for attribute in HTMLAttributeScanner.destinations(of: attribute) {
                let lineDelta = bytes[..<attribute.valueRange.lowerBound].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                findings.references.append(
                    Reference(
                        kind: kind, origin: .rawHTML, destination: attribute.value,
                        position: position(attribute, lineDelta)
                    ))
                let rewritten = options.rewriteDestination(attribute.value, kind)
                if rewritten != attribute.value {
                    replacements.append((attribute.valueRange, HTMLEscaping.attribute(rewritten)))
                }
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
    private func renderedInner(ofHeading node: OpaquePointer, level: Int) -> ArraySlice<UInt8> {
        // Compared as bytes: the tags are ASCII, and Character comparison costs more than the rest.
        var html = Self.renderBytes(node)[...]
        let open = "<h\(level)>".utf8
        let close = "</h\(level)>".utf8
        if html.last == UInt8(ascii: "\n") { html.removeLast() }
        if html.starts(with: open) { html.removeFirst(open.count) }
        if html.reversed().starts(with: close.reversed()) { html.removeLast(close.count) }
        return html
    }

    private func replace(_ node: OpaquePointer, withHTML html: UnsafePointer<CChar>) {
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

/// Turns Mustache source into `Template.Node`s, byte by byte.
///
/// Whitespace and standalone lines follow swift-mustache, which notesim used before: a
/// section, comment, partial, block or delimiter tag alone on its line (apart from spaces
/// and tabs) removes that line, and a standalone partial indents every line it renders.
/// `TemplateDifferentialTests` renders templates with both and compares.
struct TemplateParser {
    private let text: [UInt8]
    private var position = 0
    /// Where the tag being parsed starts (its start delimiter): a section that is never
    /// closed is reported at its opening tag, not at the end of the text.
    private var tagStart = 0
    /// The partials and parents this template names, in order, for the theme's cycle check.
    private(set) var references: [Template.PartialReference] = []
    /// How far `recordReference` has counted lines.
    private var lineCursor = (offset: 0, line: 1, lineStart: 0)

    /// How deep sections, blocks and parents may nest in one template: the parser and the
    /// renderer recurse once per level, so thousands of levels would overflow the stack.
    /// Real templates nest a handful deep.
    static let maximumNesting = 100

    init(_ text: [UInt8]) {
        self.text = text
    }

    /// Where the parser is inside a template: the open section, the delimiters, and whether
    /// the next byte starts a line.
    private struct State {
        var sectionName: String?
        /// The offset of the open section's opening tag.
        var sectionOpening = 0
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}` (also in its blocks), and directly inside it.
        var inParent = false
        var parentTopLevel = false
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
        /// The first line's indentation inside a block override, dropped from every line.
        var overrideIndent: Int?
        /// How many sections, blocks and parents are open around this one.
        var depth = 0
        /// Inside a section or block: what is rendered here depends on the data or on an
        /// override, so a partial named here may end a recursion.
        var conditional = false

        func inSection(_ name: String, newLine: Bool, opening: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionOpening = opening
            state.parentTopLevel = false
            state.depth += 1
            state.conditional = true
            if !newLine { state.newLine = false }
            return state
        }

        func inParent(_ name: String, opening: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionOpening = opening
            state.newLine = true
            state.inParent = true
            state.parentTopLevel = true
            state.depth += 1
            return state
        }
    }

    mutating func parseTemplate() throws(TemplateSyntaxError) -> [Template.Node] {
        try parse(State())
    }

    // MARK: - Sections

    /// The nodes read so far in one section, and the indentation read before the next tag
    /// or text.
    ///
    /// Kept together because every tag decides what becomes of that indentation: text
    /// before it, the indentation of a standalone partial, or nothing.
    private struct SectionNodes {
        var nodes: [Template.Node] = []
        var whitespaceBefore: [UInt8] = []

        /// Emits the pending indentation as text and forgets it, as a tag that is not
        /// standalone does; split out because most tags start this way.
        mutating func flushWhitespace() {
            if !whitespaceBefore.isEmpty {
                nodes.append(.text(whitespaceBefore))
                whitespaceBefore = []
            }
        }
    }

    /// How a tag leaves its section.
    private enum TagOutcome {
        /// The section goes on; `standalone` when the tag's line was removed.
        case next(standalone: Bool)
        /// The tag was the section's closing tag.
        case closesSection
    }

    /// The nodes of a section up to its closing tag (or of the whole template): text and
    /// line breaks here, each tag by `parseTag`.
    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [Template.Node] {
        guard initial.depth <= Self.maximumNesting else {
            position = initial.sectionOpening
            throw error(.nestedTooDeep)
        }
        var section = SectionNodes()
        var state = initial
        while position < text.count {
            if state.newLine { readIndentation(&state, &section) }
            let plain = readUntilTagOrNewline(state)
            if let newline = newlineLength(at: position) {
                section.nodes.append(.text(section.whitespaceBefore + plain + text[position..<(position + newline)]))
                state.newLine = true
                position += newline
                continue
            }
            if !plain.isEmpty {
                section.nodes.append(.text(section.whitespaceBefore + plain))
                section.whitespaceBefore = []
                state.newLine = false
            }
            guard position < text.count else { break }
            switch try parseTag(&state, &section) {
            case .next(let standalone): state.newLine = standalone
            case .closesSection: return section.nodes
            }
        }
        guard state.sectionName == nil else {
            position = state.sectionOpening
            throw error(.expectedSectionEnd)
        }
        return section.nodes
    }

    /// Reads the spaces and tabs that open a line: the indentation kept before what follows,
    /// or, inside a block override, measured on its first line and dropped from the others.
    /// Split out of `parse` so that its loop reads as text, line breaks and tags.
    private mutating func readIndentation(_ state: inout State, _ section: inout SectionNodes) {
        let whitespace = readSpacesAndTabs()
        if state.inParent, !state.parentTopLevel {
            if let indent = state.overrideIndent {
                section.whitespaceBefore = Array(whitespace.dropFirst(indent))
            } else {
                state.overrideIndent = whitespace.count
            }
        } else {
            section.whitespaceBefore = Array(whitespace)
        }
    }

    // MARK: - Tags

    /// Parses the tag whose start delimiter was just read, by the byte after it; one
    /// function per kind of tag keeps each kind's whitespace rule in one place.
    private mutating func parseTag(_ state: inout State, _ section: inout SectionNodes) throws(TemplateSyntaxError) -> TagOutcome {
        tagStart = position - state.start.count
        switch text[position] {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            return .next(standalone: try parseSection(state, &section))
        case UInt8(ascii: "/"):
            try closeSection(state, &section)
            return .closesSection
        case UInt8(ascii: "!"):
            position += 1
            try skipComment(state)
            return .next(standalone: isStandalone(state))
        case UInt8(ascii: "{"), UInt8(ascii: "&"):
            try parseUnescapedVariable(state, &section)
            return .next(standalone: false)
        case UInt8(ascii: ">"):
            return .next(standalone: try parsePartial(state, &section))
        case UInt8(ascii: "<"):
            return .next(standalone: try parseParent(state, &section))
        case UInt8(ascii: "$"):
            return .next(standalone: try parseBlock(state, &section))
        case UInt8(ascii: "="):
            position += 1
            try setDelimiters(&state)
            return .next(standalone: isStandalone(state))
        case UInt8(ascii: "%"):
            throw error(.unsupportedPragma)
        default:
            section.flushWhitespace()
            section.nodes.append(.variable(TemplateName(try readName(state)), escaped: true))
            return .next(standalone: false)
        }
    }

    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`: a section and its body. Returns
    /// whether the opening tag was standalone; the indentation before one that is not stays.
    private mutating func parseSection(_ state: State, _ section: inout SectionNodes) throws(TemplateSyntaxError) -> Bool {
        let inverted = text[position] == UInt8(ascii: "^")
        let opening = tagStart
        position += 1
        let name = try readName(state)
        let standalone = isStandalone(state)
        if !standalone { section.flushWhitespace() }
        let body = try parse(state.inSection(name, newLine: standalone, opening: opening))
        section.nodes.append(.section(TemplateName(name), body, inverted: inverted))
        return standalone
    }

    /// `{{/name}}`: checks that it closes the open section, and keeps the indentation before a
    /// closing tag that is not standalone. Closing another section is reported at the open
    /// one's tag, as a section never closed is: the missing `{{/…}}` is the mistake, most
    /// likely (a stray closing tag is reported at its name).
    private mutating func closeSection(_ state: State, _ section: inout SectionNodes) throws(TemplateSyntaxError) {
        position += 1
        let nameStart = position
        let name = try readName(state)
        guard name == state.sectionName else {
            position = nameStart
            guard let open = state.sectionName else { throw error(.strayClose(name)) }
            let closing = error(.strayClose(name))
            position = state.sectionOpening
            throw error(.closedOutOfOrder(open: open, closing: name, line: closing.line, column: closing.column))
        }
        if !isStandalone(state), !section.whitespaceBefore.isEmpty {
            section.nodes.append(.text(section.whitespaceBefore))
        }
    }

    /// `{{{name}}}` or `{{&name}}`: a variable rendered without escaping; the triple form
    /// needs its extra `}`.
    private mutating func parseUnescapedVariable(_ state: State, _ section: inout SectionNodes) throws(TemplateSyntaxError) {
        let triple = text[position] == UInt8(ascii: "{")
        section.flushWhitespace()
        position += 1
        let name = try readName(state)
        if triple {
            guard position < text.count, text[position] == UInt8(ascii: "}") else { throw error(.unfinishedName) }
            position += 1
        }
        section.nodes.append(.variable(TemplateName(name), escaped: false))
    }

    /// `{{>name}}`: a partial; a standalone one indents every line it renders by the
    /// indentation before it. Returns whether it was standalone.
    private mutating func parsePartial(_ state: State, _ section: inout SectionNodes) throws(TemplateSyntaxError) -> Bool {
        recordReference(state)
        position += 1
        let name = try readPartialName(state)
        references[references.count - 1].name = name
        if !section.whitespaceBefore.isEmpty { section.nodes.append(.text(section.whitespaceBefore)) }
        let standalone = isStandalone(state)
        section.nodes.append(.partial(name, indentation: standalone ? section.whitespaceBefore : nil, overrides: nil))
        section.whitespaceBefore = []
        return standalone
    }

    /// `{{<name}}…{{/name}}`: a parent partial and the blocks it overrides (only block
    /// definitions and text may stand inside it). Returns whether the opening tag was standalone.
    private mutating func parseParent(_ state: State, _ section: inout SectionNodes) throws(TemplateSyntaxError) -> Bool {
        let opening = tagStart
        recordReference(state)
        position += 1
        let name = try readPartialName(state)
        references[references.count - 1].name = name
        if !section.whitespaceBefore.isEmpty { section.nodes.append(.text(section.whitespaceBefore)) }
        let standalone = isStandalone(state)
        var overrides: [String: [Template.Node]] = [:]
        for node in try parse(state.inParent(name, opening: opening)) {
            switch node {
            case .blockDefinition(let block, let body): overrides[block] = body
            case .text: break
            default: throw error(.illegalTokenInsideInheritSection)
            }
        }
        section.nodes.append(.partial(name, indentation: section.whitespaceBefore, overrides: overrides))
        section.whitespaceBefore = []
        return standalone
    }

    /// `{{$name}}…{{/name}}`: directly inside a parent, a block override; elsewhere a block
    /// with its default content. Returns whether the opening tag was standalone.
    private mutating func parseBlock(_ state: State, _ section: inout SectionNodes) throws(TemplateSyntaxError) -> Bool {
        let opening = tagStart
        position += 1
        let name = try readName(state)
        if state.parentTopLevel {
            let standalone = isStandalone(state)
            let body = try parse(state.inSection(name, newLine: standalone, opening: opening))
            section.nodes.append(.blockDefinition(name, body))
            return standalone
        }
        if !section.whitespaceBefore.isEmpty { section.nodes.append(.text(section.whitespaceBefore)) }
        let standalone = isStandalone(state)
        let body = try parse(state.inSection(name, newLine: standalone, opening: opening))
        section.nodes.append(.block(name, default: body, indentation: section.whitespaceBefore))
        section.whitespaceBefore = []
        return standalone
    }

    /// Notes a partial or parent tag at `tagStart` (its name is filled in once read): the
    /// theme checks these for cycles and reports one at its tag.
    /// Lines are counted from the previous reference on, so a template with many partials
    /// is scanned once.
    private mutating func recordReference(_ state: State) {
        while lineCursor.offset < tagStart {
            if text[lineCursor.offset] == UInt8(ascii: "\n") {
                lineCursor.line += 1
                lineCursor.lineStart = lineCursor.offset + 1
            }
            lineCursor.offset += 1
        }
        let column = String(decoding: text[lineCursor.lineStart..<tagStart], as: UTF8.self).count + 1
        references.append(Template.PartialReference(name: "", line: lineCursor.line, column: column, conditional: state.conditional))
    }

    // MARK: - Reading

    /// Text up to the next start delimiter (consumed) or line break (not consumed).
    private mutating func readUntilTagOrNewline(_ state: State) -> ArraySlice<UInt8> {
        let from = position
        let first = state.start[0]
        while position < text.count {
            let byte = text[position]
            if newlineLength(at: position) != nil { return text[from..<position] }
            if byte == first, matches(state.start, at: position) {
                let plain = text[from..<position]
                position += state.start.count
                return plain
            }
            position += 1
        }
        return text[from..<position]
    }

    /// A tag's name and its end delimiter; a name with brackets is a transform, which
    /// notesim does not support.
    private mutating func readName(_ state: State) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let from = position
        while position < text.count, Self.isNameByte(text[position]) { position += 1 }
        let name = text[from..<position]
        skipWhitespace()
        guard matches(state.end, at: position) else {
            throw error(name.contains(UInt8(ascii: "(")) ? .unsupportedTransform : .unfinishedName)
        }
        if name.contains(UInt8(ascii: "(")) || name.contains(UInt8(ascii: ")")) {
            position = from
            throw error(.unsupportedTransform)
        }
        position += state.end.count
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func readPartialName(_ state: State) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let from = position
        while position < text.count, Self.isNameByte(text[position]) || text[position] == UInt8(ascii: "/") { position += 1 }
        let name = text[from..<position]
        skipWhitespace()
        guard matches(state.end, at: position) else { throw error(.unfinishedName) }
        position += state.end.count
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func skipComment(_ state: State) throws(TemplateSyntaxError) {
        while position < text.count {
            if matches(state.end, at: position) {
                position += state.end.count
                return
            }
            position += 1
        }
        throw error(.unfinishedName)
    }

    /// `{{=<% %>=}}`: new start and end delimiters, separated by whitespace.
    private mutating func setDelimiters(_ state: inout State) throws(TemplateSyntaxError) {
        skipWhitespace()
        let startFrom = position
        while position < text.count, !Self.isWhitespace(text[position]) { position += 1 }
        guard position < text.count else { throw error(.invalidSetDelimiter) }
        let start = Array(text[startFrom..<position])
        skipWhitespace()
        let endFrom = position
        while position < text.count, !Self.isWhitespace(text[position]), text[position] != UInt8(ascii: "=") { position += 1 }
        guard position < text.count else { throw error(.invalidSetDelimiter) }
        let end = Array(text[endFrom..<position])
        skipWhitespace()
        guard position < text.count, text[position] == UInt8(ascii: "=") else { throw error(.invalidSetDelimiter) }
        position += 1
        guard matches(state.end, at: position) else { throw error(.invalidSetDelimiter) }
        position += state.end.count
        guard !start.isEmpty, !end.isEmpty else { throw error(.invalidSetDelimiter) }
        state.start = start
        state.end = end
        state.parentTopLevel = false
    }

    /// A tag alone on its line: at the end of the text, or followed by spaces, tabs and a
    /// line break (consumed).
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        guard position < text.count else { return true }
        var cursor = position
        while cursor < text.count, text[cursor] == UInt8(ascii: " ") || text[cursor] == UInt8(ascii: "\t") { cursor += 1 }
        guard let newline = lineBreakLength(at: cursor) else { return false }
        position = cursor + newline
        return true
    }

    private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let from = position
        while position < text.count, text[position] == UInt8(ascii: " ") || text[position] == UInt8(ascii: "\t") { position += 1 }
        return text[from..<position]
    }

    private mutating func skipWhitespace() {
        while position < text.count, Self.isWhitespace(text[position]) { position += 1 }
    }

    private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= text.count else { return false }
        for offset in delimiter.indices where text[index + offset] != delimiter[offset] { return false }
        return true
    }

    /// `\n` or `\r\n` (what ends a line of template text).
    private func newlineLength(at index: Int) -> Int? {
        guard index < text.count else { return nil }
        if text[index] == UInt8(ascii: "\n") { return 1 }
        if text[index] == UInt8(ascii: "\r"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "\n") { return 2 }
        return nil
    }

    /// A line break after a standalone tag: also a lone `\r`.
    private func lineBreakLength(at index: Int) -> Int? {
        if let length = newlineLength(at: index) { return length }
        return index < text.count && text[index] == UInt8(ascii: "\r") ? 1 : nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
            UInt8(ascii: "("), UInt8(ascii: ")"):
            true
        default:
            false
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// An error at the current position: its line, and its column in characters.
    private func error(_ problem: TemplateSyntaxError.Problem) -> TemplateSyntaxError {
        // A tag that never closes is reported where it opens: where the parser gave up may
        // be lines later, past the end of the file.
        let atTag: Bool
        switch problem {
        case .unfinishedName, .invalidSetDelimiter: atTag = true
        default: atTag = false
        }
        let at = min(atTag ? tagStart : position, text.count)
        let lineStart = text[..<at].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = text[..<at].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let column = String(decoding: text[lineStart..<at], as: UTF8.self).count + 1
        return TemplateSyntaxError(problem: problem, line: line, column: column)
    }
}

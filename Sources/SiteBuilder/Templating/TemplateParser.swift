/// Turns Mustache source into `Template.Node`s, byte by byte.
///
/// Whitespace and standalone lines follow swift-mustache, which notesim used before: a
/// section, comment, partial, block or delimiter tag alone on its line (apart from spaces
/// and tabs) removes that line, and a standalone partial indents every line it renders.
/// `TemplateDifferentialTests` renders templates with both and compares.
struct TemplateParser {
    private let text: [UInt8]
    private var position = 0

    init(_ text: [UInt8]) {
        self.text = text
    }

    /// Where the parser is inside a template: the open section, the delimiters, and whether
    /// the next byte starts a line.
    private struct State {
        var sectionName: String?
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}` (also in its blocks), and directly inside it.
        var inParent = false
        var parentTopLevel = false
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
        /// The first line's indentation inside a block override, dropped from every line.
        var overrideIndent: Int?

        func inSection(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.parentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.inParent = true
            state.parentTopLevel = true
            return state
        }
    }

    mutating func parseTemplate() throws(TemplateSyntaxError) -> [Template.Node] {
        try parse(State())
    }

    // MARK: - Sections

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [Template.Node] {
        var nodes: [Template.Node] = []
        var state = initial
        var whitespaceBefore: [UInt8] = []
        while position < text.count {
            if state.newLine {
                let whitespace = readSpacesAndTabs()
                if state.inParent, !state.parentTopLevel {
                    if let indent = state.overrideIndent {
                        whitespaceBefore = Array(whitespace.dropFirst(indent))
                    } else {
                        state.overrideIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = Array(whitespace)
                }
            }
            let plain = readUntilTagOrNewline(state)
            if let newline = newlineLength(at: position) {
                nodes.append(.text(whitespaceBefore + plain + text[position..<(position + newline)]))
                state.newLine = true
                position += newline
                continue
            }
            if !plain.isEmpty {
                nodes.append(.text(whitespaceBefore + plain))
                whitespaceBefore = []
                state.newLine = false
            }
            guard position < text.count else { break }
            var standalone = false
            switch text[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = text[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName(state)
                if isStandalone(state) {
                    standalone = true
                } else if !whitespaceBefore.isEmpty {
                    nodes.append(.text(whitespaceBefore))
                    whitespaceBefore = []
                }
                let body = try parse(state.inSection(name, newLine: standalone))
                nodes.append(.section(TemplateName(name), body, inverted: inverted))

            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(state)
                guard name == state.sectionName else {
                    position = nameStart
                    throw error(.sectionCloseNameIncorrect)
                }
                if !isStandalone(state), !whitespaceBefore.isEmpty {
                    nodes.append(.text(whitespaceBefore))
                }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                try skipComment(state)
                standalone = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = text[position] == UInt8(ascii: "{")
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(whitespaceBefore))
                    whitespaceBefore = []
                }
                position += 1
                let name = try readName(state)
                if triple {
                    guard position < text.count, text[position] == UInt8(ascii: "}") else { throw error(.unfinishedName) }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                standalone = isStandalone(state)
                nodes.append(.partial(name, indentation: standalone ? whitespaceBefore : nil, overrides: nil))
                whitespaceBefore = []

            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                standalone = isStandalone(state)
                var overrides: [String: [Template.Node]] = [:]
                for node in try parse(state.inParent(name)) {
                    switch node {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw error(.illegalTokenInsideInheritSection)
                    }
                }
                nodes.append(.partial(name, indentation: whitespaceBefore, overrides: overrides))
                whitespaceBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(state)
                if state.parentTopLevel {
                    standalone = isStandalone(state)
                    nodes.append(.blockDefinition(name, try parse(state.inSection(name, newLine: standalone))))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                    standalone = isStandalone(state)
                    let body = try parse(state.inSection(name, newLine: standalone))
                    nodes.append(.block(name, default: body, indentation: whitespaceBefore))
                    whitespaceBefore = []
                }

            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(&state)
                standalone = isStandalone(state)

            case UInt8(ascii: "%"):
                throw error(.unsupportedPragma)

            default:
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(whitespaceBefore))
                    whitespaceBefore = []
                }
                nodes.append(.variable(TemplateName(try readName(state)), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw error(.expectedSectionEnd) }
        return nodes
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
        let at = min(position, text.count)
        let lineStart = text[..<at].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = text[..<at].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let column = String(decoding: text[lineStart..<at], as: UTF8.self).count + 1
        return TemplateSyntaxError(problem: problem, line: line, column: column)
    }
}

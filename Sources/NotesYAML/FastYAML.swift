/// Reads the YAML that scenario blocks, front matter and `notesim.yml` are written in
/// straight into `YAMLNode`s, without libyaml's events or Yams' nodes.
///
/// It takes block mappings and lists (also a list written at its key's indentation, and a
/// mapping that starts on a list item's line), one-line flow `{…}` and `[…]`, plain scalars,
/// quoted scalars without escapes or line breaks, and comments. For anything else — tabs,
/// anchors, aliases, tags, block scalars, multi-line scalars, complex keys, empty values,
/// directives, and every syntax error — it declines, and Yams reads the text. Nesting deeper
/// than `YAMLLimits.maximumDepth` and duplicate keys it reports itself, at the offending node.
/// `FastYAMLTests` checks that both give the same nodes on every scenario in the repository.
enum FastYAML {
    /// What the fast reader made of a text.
    enum Outcome: Equatable {
        /// The root node.
        case node(YAMLNode)
        /// Not in the subset: Yams reads it.
        case declined
        /// Read, or read up to a bound, with problems that make the text an error.
        case problems([YAMLProblem])
    }

    /// The root node, or nil when the text is not in the subset, holds no node, or has problems.
    static func compose(_ text: String) -> YAMLNode? {
        if case .node(let node) = read(text) { node } else { nil }
    }

    /// Reads `text`, stopping at the first level deeper than `YAMLLimits.maximumDepth` and
    /// noting every duplicate key at its second occurrence.
    static func read(_ text: String) -> Outcome {
        let bytes = Array(text.utf8)
        guard isInSubset(bytes) else { return .declined }
        var reader = Reader(bytes: bytes)
        let node = reader.document()
        if reader.stopped || (node != nil && !reader.problems.isEmpty) { return .problems(reader.problems) }
        return node.map(Outcome.node) ?? .declined
    }

    /// No bytes libyaml treats specially or rejects: control characters (tabs and `\r`
    /// included), C1 controls, Unicode line separators, byte-order marks, non-characters.
    ///
    /// Scanned through the array's buffer: every byte of a block passes here, and indexing
    /// the array checked each one's bounds.
    private static func isInSubset(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(isInSubset)
    }

    /// `isInSubset` over the bytes themselves.
    private static func isInSubset(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // Printable ASCII, nearly every byte, is in the subset.
            if byte >= 0x20, byte < 0x7F {
                index += 1
                continue
            }
            if byte < 0x20, byte != 0x0A { return false }
            if byte == 0x7F { return false }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            if byte == 0xEF, index + 2 < bytes.count,
                (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)
            {
                return false
            }
            index += 1
        }
        return true
    }

    /// A cursor over the lines of one document; every method returns nil to give up.
    private struct Reader {
        let bytes: [UInt8]
        /// Start and end (before `\n`) of every line.
        private var lines: [(start: Int, end: Int)] = []
        /// The current line.
        private var line = 0
        /// Lists and mappings open around the current position.
        private var depth = 0
        /// Duplicate keys so far, and the level that was too deep.
        private(set) var problems: [YAMLProblem] = []
        /// Whether reading stopped at a bound (the text is an error, not declined).
        private(set) var stopped = false
        /// The last column counted, so that the marks along one long line cost their distance.
        private let columns = ColumnCache()

        init(bytes: [UInt8]) {
            self.bytes = bytes
            lines = Self.lines(of: bytes)
        }

        /// Start and end (before `\n`) of every line of `bytes`, found in the array's buffer
        /// (every byte is looked at), in a list with room for lines of 16 bytes on average (a
        /// scenario's are about twice as long), so that it is not grown line by line.
        private static func lines(of bytes: [UInt8]) -> [(start: Int, end: Int)] {
            var lines: [(start: Int, end: Int)] = []
            lines.reserveCapacity(bytes.count / 16 + 2)
            bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                for index in buffer.indices where buffer[index] == 0x0A {
                    lines.append((start, index))
                    start = index + 1
                }
                lines.append((start, buffer.count))
            }
            return lines
        }

        mutating func document() -> YAMLNode? {
            guard skipBlankLines() else { return nil }
            let (start, _) = lines[line]
            guard indentation(of: line) == 0, !startsDocumentMarker(at: start) else { return nil }
            guard let node = blockCollection(at: start) else { return nil }
            guard !skipBlankLines() else { return nil }
            return node
        }

        /// Opens one level of nesting, or stops the reading when it is one too many.
        private mutating func enter(_ mark: YAMLNode.Mark) -> Bool {
            depth += 1
            guard depth > YAMLLimits.maximumDepth else { return true }
            problems.append(YAMLProblem(reason: .tooDeep, mark: mark))
            stopped = true
            return false
        }

        /// Notes a key already in `pairs` at this, its later occurrence; true when it is one.
        private mutating func isDuplicate(_ key: String, at mark: YAMLNode.Mark, in pairs: [YAMLNode.Mapping.Pair]) -> Bool {
            guard let first = pairs.first(where: { $0.key.string == key }) else { return false }
            problems.append(YAMLProblem(reason: .duplicateKey(key, first: first.key.mark), mark: mark))
            return true
        }

        // MARK: Block context

        /// A list or a mapping whose first entry starts at `position`.
        private mutating func blockCollection(at position: Int) -> YAMLNode? {
            if isSequenceEntry(at: position) { return blockSequence(at: position) }
            guard mappingKeyEnd(at: position) != nil else { return nil }
            return blockMapping(at: position)
        }

        private mutating func blockMapping(at first: Int) -> YAMLNode? {
            let column = first - lines[line].start
            let mark = self.mark(at: first)
            guard enter(mark) else { return nil }
            defer { depth -= 1 }
            var pairs: [YAMLNode.Mapping.Pair] = []
            var position = first
            while true {
                guard let keyEnd = mappingKeyEnd(at: position) else { return nil }
                let keyText = text(position, keyEnd)
                let key = YAMLNode.scalar(.init(string: keyText, isPlain: true, mark: self.mark(at: position)))
                let duplicate = isDuplicate(keyText, at: key.mark, in: pairs)
                let afterColon = skipSpaces(from: keyEnd + 1)
                let value: YAMLNode
                if isLineEnd(afterColon) {
                    // The value is on the lines below: indented more, or a list at this column.
                    line += 1
                    guard skipBlankLines() else { return nil }
                    let indent = indentation(of: line)
                    let start = lines[line].start + indent
                    if indent > column {
                        guard let nested = blockCollection(at: start) else { return nil }
                        value = nested
                    } else if indent == column, isSequenceEntry(at: start) {
                        guard let nested = blockSequence(at: start) else { return nil }
                        value = nested
                    } else {
                        return nil
                    }
                } else {
                    guard afterColon > keyEnd + 1, let (inline, end) = inlineValue(at: afterColon), isLineEnd(skipSpaces(from: end)) else { return nil }
                    value = inline
                    line += 1
                }
                if !duplicate { pairs.append(.init(key: key, value: value)) }
                guard skipBlankLines() else { break }
                let indent = indentation(of: line)
                if indent < column { break }
                guard indent == column else { return nil }
                position = lines[line].start + indent
                if isSequenceEntry(at: position) { break }
            }
            return .mapping(.init(pairs: pairs, mark: mark))
        }

        private mutating func blockSequence(at first: Int) -> YAMLNode? {
            let column = first - lines[line].start
            let mark = self.mark(at: first)
            guard enter(mark) else { return nil }
            defer { depth -= 1 }
            var items: [YAMLNode] = []
            var position = first
            while true {
                let content = skipSpaces(from: position + 1)
                guard content > position + 1, !isLineEnd(content), !isSequenceEntry(at: content) else { return nil }
                if mappingKeyEnd(at: content) != nil {
                    guard let mapping = blockMapping(at: content) else { return nil }
                    items.append(mapping)
                } else {
                    guard let (item, end) = inlineValue(at: content), isLineEnd(skipSpaces(from: end)) else { return nil }
                    items.append(item)
                    line += 1
                }
                guard skipBlankLines() else { break }
                let indent = indentation(of: line)
                if indent < column { break }
                guard indent == column else { return nil }
                position = lines[line].start + indent
                guard isSequenceEntry(at: position) else { break }
            }
            return .sequence(.init(nodes: items, mark: mark))
        }

        /// The `:` after a plain key starting at `position` (followed by a space or the
        /// line's end), or nil when the line is not a simple `key: value` entry.
        private func mappingKeyEnd(at position: Int) -> Int? {
            let end = lines[line].end
            guard position < end, canStartPlain(at: position, flow: false) else { return nil }
            var index = position
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: ":"), index + 1 == end || bytes[index + 1] == UInt8(ascii: " ") {
                    return index > position && index - position < 1024 && bytes[index - 1] != UInt8(ascii: " ") ? index : nil
                }
                if byte == UInt8(ascii: "#"), bytes[index - 1] == UInt8(ascii: " ") { return nil }
                if Self.isFlowIndicator(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return nil }
                index += 1
            }
            return nil
        }

        /// A scalar or a one-line flow collection, and where it ends.
        private mutating func inlineValue(at position: Int) -> (YAMLNode, Int)? {
            switch bytes[position] {
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return flowNode(at: position)
            default:
                guard canStartPlain(at: position, flow: false) else { return nil }
                let end = lines[line].end
                var index = position
                var last = position
                while index < end {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "#"), bytes[index - 1] == UInt8(ascii: " ") { break }
                    if byte == UInt8(ascii: ":"), index + 1 == end || bytes[index + 1] == UInt8(ascii: " ") { return nil }
                    if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") { return nil }
                    if byte != UInt8(ascii: " ") { last = index + 1 }
                    index += 1
                }
                return (.scalar(.init(string: text(position, last), isPlain: true, mark: mark(at: position))), last)
            }
        }

        // MARK: Flow context

        private mutating func flowNode(at position: Int) -> (YAMLNode, Int)? {
            let end = lines[line].end
            guard position < end else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "["):
                guard enter(mark(at: position)) else { return nil }
                defer { depth -= 1 }
                var items: [YAMLNode] = []
                var index = skipSpaces(from: position + 1)
                if index < end, bytes[index] == UInt8(ascii: "]") {
                    return (.sequence(.init(nodes: [], mark: mark(at: position))), index + 1)
                }
                while true {
                    guard let (item, after) = flowNode(at: index) else { return nil }
                    items.append(item)
                    index = skipSpaces(from: after)
                    guard index < end else { return nil }
                    if bytes[index] == UInt8(ascii: "]") {
                        return (.sequence(.init(nodes: items, mark: mark(at: position))), index + 1)
                    }
                    guard bytes[index] == UInt8(ascii: ",") else { return nil }
                    index = skipSpaces(from: index + 1)
                }
            case UInt8(ascii: "{"):
                guard enter(mark(at: position)) else { return nil }
                defer { depth -= 1 }
                var pairs: [YAMLNode.Mapping.Pair] = []
                var index = skipSpaces(from: position + 1)
                if index < end, bytes[index] == UInt8(ascii: "}") {
                    return (.mapping(.init(pairs: [], mark: mark(at: position))), index + 1)
                }
                while true {
                    guard let (key, keyEnd) = flowPlain(at: index), keyEnd < end, bytes[keyEnd] == UInt8(ascii: ":"),
                        keyEnd + 1 < end, bytes[keyEnd + 1] == UInt8(ascii: " ")
                    else { return nil }
                    let duplicate = isDuplicate(key.string ?? "", at: key.mark, in: pairs)
                    guard let (value, after) = flowNode(at: skipSpaces(from: keyEnd + 1)) else { return nil }
                    if !duplicate { pairs.append(.init(key: key, value: value)) }
                    index = skipSpaces(from: after)
                    guard index < end else { return nil }
                    if bytes[index] == UInt8(ascii: "}") {
                        return (.mapping(.init(pairs: pairs, mark: mark(at: position))), index + 1)
                    }
                    guard bytes[index] == UInt8(ascii: ",") else { return nil }
                    index = skipSpaces(from: index + 1)
                }
            case UInt8(ascii: "\""):
                var index = position + 1
                while index < end, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { return nil }
                    index += 1
                }
                guard index < end else { return nil }
                return (.scalar(.init(string: text(position + 1, index), isPlain: false, mark: mark(at: position))), index + 1)
            case UInt8(ascii: "'"):
                var content: [UInt8] = []
                var index = position + 1
                while index < end {
                    if bytes[index] == UInt8(ascii: "'") {
                        guard index + 1 < end, bytes[index + 1] == UInt8(ascii: "'") else {
                            let string = String(decoding: content, as: UTF8.self)
                            return (.scalar(.init(string: string, isPlain: false, mark: mark(at: position))), index + 1)
                        }
                        index += 1
                    }
                    content.append(bytes[index])
                    index += 1
                }
                return nil
            default:
                return flowPlain(at: position)
            }
        }

        /// A plain scalar inside `[…]` or `{…}`: up to `,`, a bracket, `: ` or a comment.
        private func flowPlain(at position: Int) -> (YAMLNode, Int)? {
            let end = lines[line].end
            guard position < end, canStartPlain(at: position, flow: true) else { return nil }
            var index = position
            var last = position
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
                if byte == UInt8(ascii: ":") {
                    guard index + 1 < end, bytes[index + 1] == UInt8(ascii: " ") else { return nil }
                    break
                }
                if byte == UInt8(ascii: "#"), bytes[index - 1] == UInt8(ascii: " ") { return nil }
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return nil }
                if byte != UInt8(ascii: " ") { last = index + 1 }
                index += 1
            }
            guard last > position, index < end else { return nil }
            return (.scalar(.init(string: text(position, last), isPlain: true, mark: mark(at: position))), last)
        }

        // MARK: Bytes and lines

        /// Whether a plain scalar may start here: not at an indicator (`-`, `?` and `:` only
        /// when followed by a character that is neither a space nor, in flow, a flow indicator).
        private func canStartPlain(at position: Int, flow: Bool) -> Bool {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                guard position + 1 < lines[line].end else { return false }
                let next = bytes[position + 1]
                return byte == UInt8(ascii: "-") && next != UInt8(ascii: " ") && !(flow && Self.isFlowIndicator(next))
                    && !(position == lines[line].start && startsDocumentMarker(at: position))
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
                UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "):
                return false
            default:
                return true
            }
        }

        private static func isFlowIndicator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
        }

        /// `- ` (or `-` ending the line) at `position`.
        private func isSequenceEntry(at position: Int) -> Bool {
            let end = lines[line].end
            return position < end && bytes[position] == UInt8(ascii: "-") && (position + 1 == end || bytes[position + 1] == UInt8(ascii: " "))
        }

        private func startsDocumentMarker(at position: Int) -> Bool {
            let end = lines[line].end
            guard position + 3 <= end else { return false }
            let first = bytes[position]
            return (first == UInt8(ascii: "-") || first == UInt8(ascii: ".")) && bytes[position + 1] == first && bytes[position + 2] == first
        }

        /// The end of the line, or a comment, at `position`.
        private func isLineEnd(_ position: Int) -> Bool {
            position >= lines[line].end || (bytes[position] == UInt8(ascii: "#") && (position == lines[line].start || bytes[position - 1] == UInt8(ascii: " ")))
        }

        private func skipSpaces(from position: Int) -> Int {
            var index = position
            while index < lines[line].end, bytes[index] == UInt8(ascii: " ") { index += 1 }
            return index
        }

        private func indentation(of line: Int) -> Int {
            let (start, end) = lines[line]
            var index = start
            while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
            return index - start
        }

        /// Moves to the next line with content (not only spaces and a comment); false at the end.
        private mutating func skipBlankLines() -> Bool {
            while line < lines.count {
                let content = lines[line].start + indentation(of: line)
                if content < lines[line].end, bytes[content] != UInt8(ascii: "#") { return true }
                line += 1
            }
            return false
        }

        private func text(_ from: Int, _ to: Int) -> String {
            String(decoding: bytes[from..<to], as: UTF8.self)
        }

        /// Line and column (in Unicode scalars, from 1) of a byte on the current line.
        /// The line and character column of a byte position on the current line. Counted from
        /// the last position counted on the same line (forwards or backwards), not from the
        /// line's start: a flow list of 300,000 items on one line would otherwise cost the
        /// square of its length.
        private func mark(at position: Int) -> YAMLNode.Mark {
            let isCharacter = { (index: Int) in self.bytes[index] & 0xC0 != 0x80 }
            var column: Int
            if columns.line == line, position >= columns.position {
                column = columns.column
                for index in columns.position..<position where isCharacter(index) { column += 1 }
            } else if columns.line == line {
                column = columns.column
                for index in position..<columns.position where isCharacter(index) { column -= 1 }
            } else {
                column = 1
                for index in lines[line].start..<position where isCharacter(index) { column += 1 }
            }
            (columns.line, columns.position, columns.column) = (line, position, column)
            return YAMLNode.Mark(line: line + 1, column: column)
        }
    }
}

/// The last column `FastYAML`'s reader counted: a reference, so that its non-mutating
/// `mark(at:)` can remember it.
private final class ColumnCache {
    var line = -1
    var position = 0
    var column = 1
}

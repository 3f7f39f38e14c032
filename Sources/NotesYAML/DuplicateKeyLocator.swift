import NotesCore

/// Where the duplicate keys of one block mapping stand again, for the texts Yams reads.
///
/// Yams stops at the first mapping with a duplicate and marks only the first occurrence of
/// the alphabetically first duplicated key; a reader looks for the one written twice, so
/// each duplicate is reported at its second (and any later) occurrence. The mapping's keys
/// are the lines whose content starts at the marked key's column (a `- ` item's first key
/// included), up to a line indented less.
enum DuplicateKeyLocator {
    /// One problem per later occurrence of each of `keys`; empty when the mapping at `mark`
    /// is not a block mapping laid out one key per line (the caller then keeps Yams' mark).
    static func problems(keys: [String], firstAt mark: YAMLNode.Mark, in lines: LineIndex) -> [YAMLProblem] {
        let column = mark.column
        guard mark.line <= lines.lineCount, keyStart(of: lines.lineBytes(mark.line), at: column) != nil else { return [] }
        var first = mark.line
        while first > 1, lineKind(lines.lineBytes(first), column: column) != .itemKey {
            let kind = lineKind(lines.lineBytes(first - 1), column: column)
            if kind == .ends { break }
            first -= 1
            if kind == .itemKey { break }
        }
        var seen: [String: YAMLNode.Mark] = [:]
        var problems: [YAMLProblem] = []
        var line = first
        while line <= lines.lineCount {
            let bytes = lines.lineBytes(line)
            if line > mark.line, let kind = lineKind(bytes, column: column), kind != .key { break }
            if let key = keyStart(of: bytes, at: column).flatMap({ keyText(bytes, from: $0) }) {
                let here = YAMLNode.Mark(line: line, column: column)
                if let earlier = seen[key] {
                    if keys.contains(key) { problems.append(YAMLProblem(reason: .duplicateKey(key, first: earlier), mark: here)) }
                } else {
                    seen[key] = here
                }
            }
            line += 1
        }
        return problems
    }

    private enum LineKind { case key, itemKey, ends }

    /// How a line relates to a mapping whose keys start at `column`: one of its keys, the
    /// `- ` item line that holds its first key, past its end, or nil (blank or nested deeper).
    private static func lineKind(_ bytes: ArraySlice<UInt8>, column: Int) -> LineKind? {
        let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent < bytes.count, bytes[bytes.startIndex + indent] != UInt8(ascii: "#") else { return nil }
        if indent + 1 == column { return .key }
        if indent + 1 > column { return nil }
        return keyStart(of: bytes, at: column) != nil && bytes[bytes.startIndex + indent] == UInt8(ascii: "-") ? .itemKey : .ends
    }

    /// The index where a key starts at `column` (after indentation and `- ` markers only).
    private static func keyStart(of bytes: ArraySlice<UInt8>, at column: Int) -> Int? {
        let index = bytes.startIndex + column - 1
        guard column >= 1, index < bytes.endIndex, bytes[bytes.startIndex..<index].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") }),
            bytes[index] != UInt8(ascii: " ")
        else { return nil }
        return index
    }

    /// The key written at `start`, unquoted, when a `:` ends it on the line.
    private static func keyText(_ bytes: ArraySlice<UInt8>, from start: Int) -> String? {
        let quote = bytes[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            guard let close = bytes[(start + 1)...].firstIndex(of: quote) else { return nil }
            return String(decoding: bytes[(start + 1)..<close], as: UTF8.self)
        }
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":"), index + 1 == bytes.endIndex || bytes[index + 1] == UInt8(ascii: " ") {
                var end = index
                while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }
}

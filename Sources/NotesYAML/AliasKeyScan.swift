import NotesCore

/// Finds an alias written as, or inside, a mapping key, before Yams reads the text.
///
/// Yams checks every mapping for duplicate keys by hashing each key with its aliases
/// expanded, inside its composer, before any bound of `YAMLLimits` can apply: `? *bomb` took
/// 212 s. No note needs an alias in a key, so one is an error. The scan is lexical and runs
/// only on texts that hold a `*`: an alias followed by `:`, or a `?` key or a `[…]:`/`{…}:`
/// key on a line with an alias, outside quotes and comments.
enum AliasKeyScan {
    /// The mark of the first alias in a key, or nil.
    static func firstAliasInKey(_ lines: LineIndex) -> YAMLNode.Mark? {
        guard lines.bytes.contains(UInt8(ascii: "*")) else { return nil }
        for line in 1...lines.lineCount {
            if let column = aliasKeyColumn(lines.lineBytes(line)) { return YAMLNode.Mark(line: line, column: column) }
        }
        return nil
    }

    /// The column (in scalars) of the offending alias on one line.
    private static func aliasKeyColumn(_ bytes: ArraySlice<UInt8>) -> Int? {
        var firstAlias: Int?
        var explicitKey = false
        var index = bytes.startIndex
        var column = 1
        var previous = UInt8(ascii: " ")
        var quote: UInt8?
        while index < bytes.endIndex {
            let byte = bytes[index]
            defer {
                if byte & 0xC0 != 0x80 { column += 1 }
                previous = byte
                index += 1
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            let atTokenStart = previous == UInt8(ascii: " ") || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",")
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if atTokenStart { quote = byte }
            case UInt8(ascii: "#"):
                if atTokenStart { return nil }
            case UInt8(ascii: "?"):
                if atTokenStart, index + 1 == bytes.endIndex || bytes[index + 1] == UInt8(ascii: " ") { explicitKey = true }
            case UInt8(ascii: "*"):
                guard atTokenStart else { continue }
                if firstAlias == nil { firstAlias = column }
                if explicitKey || isFollowedByKeyColon(bytes, after: index) { return column }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let firstAlias, isFollowedByKeyColon(bytes, after: index) { return firstAlias }
            default:
                break
            }
        }
        return nil
    }

    /// Whether the token at `start` (an alias name or a closing bracket) is followed by `:`
    /// and a space, the line's end or a flow indicator: the token is a key.
    private static func isFollowedByKeyColon(_ bytes: ArraySlice<UInt8>, after start: Int) -> Bool {
        var index = start + 1
        while index < bytes.endIndex, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: ":"), bytes[index] != UInt8(ascii: ","),
            bytes[index] != UInt8(ascii: "]"), bytes[index] != UInt8(ascii: "}"), bytes[start] == UInt8(ascii: "*")
        {
            index += 1
        }
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return false }
        let next = index + 1
        return next == bytes.endIndex || [UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[next])
    }
}

/// Text from notes and file names made safe to print as part of one line of a log.
///
/// A diagnostic quotes what the user wrote (a link destination, a heading, a file name), and
/// any of it can hold a line break or an escape sequence once decoded (`%0A`, a raw ESC byte).
/// Printed as it is, a newline would start a line of its own — one that GitHub Actions reads
/// as a workflow command (`::error::…`) — and ESC would drive the terminal. So every control
/// character is shown as an escape instead, and a diagnostic stays on its line.
public enum TerminalText {
    /// `text` with every control character written as a Swift-style escape: `\n`, `\r`, `\t`,
    /// and `\u{1B}` for the rest of C0, DEL, C1 (U+0080–U+009F), U+2028 and U+2029.
    ///
    /// Backslashes are left as they are: messages quote paths and Markdown (`a\_b.md`), and
    /// the aim is one line per diagnostic, not a reversible encoding.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// Whether a character would break a line or control the terminal when printed.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }
}

/// Text written into a YAML file that must read back exactly as it was given.
///
/// `init --title` and `new --title` take any text a user types: `SQS: batching` unquoted is a
/// mapping, `#` starts a comment, `- x`, `*x`, `&x` and `'x` are sequence, alias, anchor and
/// quote syntax. A double-quoted scalar with every special character escaped is read as
/// exactly the text in every one of these cases.
enum YAMLQuoting {
    /// `text` as a double-quoted YAML scalar: `\` and `"` escaped, control characters,
    /// NEL, line and paragraph separators, BOM and non-characters as `\n`, `\t` or `\uXXXX`
    /// (a YAML reader would fold line breaks into spaces or reject the others).
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if needsEscape(scalar) {
                    let digits = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Characters YAML does not allow as they are in a quoted scalar, or reads as a break.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}

/// Writes text as a double-quoted JSON (and JavaScript) string literal.
public enum JSONString {
    /// The literal for `text`. With `forScript`, `<`, `>`, `&`, U+2028 and U+2029 are written
    /// as `\uXXXX` too, so the literal is safe inside an HTML `<script>` element.
    public static func quote(_ text: String, forScript: Bool = false) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}" where forScript:
                result += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + hex4(scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

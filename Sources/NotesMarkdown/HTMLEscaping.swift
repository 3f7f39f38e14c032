/// Escapes text for HTML text content and attribute values.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (safe in text and in double-quoted attributes).
    public static func attribute(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes text content (same set as attributes, so one function serves both).
    public static func text(_ text: String) -> String { attribute(text) }
}

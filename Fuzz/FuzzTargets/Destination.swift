/// The ways a note can write the destination of a link to a file whose name is given:
/// percent-encoded as GitHub needs it, between `<` and `>`, with backslash escapes or
/// character references, or as is when nothing in it needs encoding. Every form names the
/// same file, so a link checker must resolve them alike and report each at its own column.
enum Destination {
    /// `path` (relative, `/`-separated) written in a form chosen by `choices`.
    static func written(_ path: String, _ choices: inout Choices) -> String {
        let encoded = percentEncoded(path)
        // `javascript:/a.md` as is would be a URL with a scheme, not a path.
        let hasScheme = path.prefix { $0 != "/" }.contains(":")
        switch choices.below(5) {
        case 0 where !hasScheme && !path.contains(where: { "<>\n\r#?%\\".contains($0) }):
            return "<" + path + ">"
        case 1:
            return encoded.map { "_.-".contains($0) ? "\\" + String($0) : String($0) }.joined()
        case 2:
            return encoded.replacingOccurrences(of: "_", with: "&#95;").replacingOccurrences(of: "-", with: "&#45;")
        case 3 where !hasScheme && !path.contains(where: { " #?%<>()[]\\&\"'`\n\r\t".contains($0) || $0.isASCII && $0.asciiValue! < 0x20 }):
            return path
        default:
            return encoded
        }
    }

    /// Every byte outside unreserved ASCII and `/` as `%XX`.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return result
    }
}

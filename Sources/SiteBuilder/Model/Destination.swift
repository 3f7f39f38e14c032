/// A link or image destination taken apart: scheme, path, query and fragment.
struct Destination: Equatable {
    /// Where a destination points.
    enum Target: Equatable {
        /// Has a scheme (`https:`, `mailto:`) or starts with `//`: not checked.
        case external
        /// Only a fragment (`#a`): an anchor on the same page.
        case samePage
        /// Starts with `/`: breaks when the site is served under a sub-path.
        case absolutePath
        /// A path relative to the note's directory.
        case relative
    }

    let target: Target
    /// The path part, percent-decoded (empty for `samePage`).
    let path: String
    /// The path part as written.
    let rawPath: String
    /// The fragment after `#`, percent-decoded, or nil.
    let fragment: String?
    /// Everything from `?` or `#` on, as written.
    let suffix: String

    init(_ destination: String) {
        let hashIndex = destination.firstIndex(of: "#")
        let queryIndex = destination[..<(hashIndex ?? destination.endIndex)].firstIndex(of: "?")
        let pathEnd = queryIndex ?? hashIndex ?? destination.endIndex
        rawPath = String(destination[..<pathEnd])
        suffix = String(destination[pathEnd...])
        path = Destination.percentDecoded(rawPath)
        fragment = hashIndex.map { Destination.percentDecoded(String(destination[destination.index(after: $0)...])) }
        if Destination.hasScheme(destination) || destination.hasPrefix("//") {
            target = .external
        } else if rawPath.isEmpty {
            target = .samePage
        } else if rawPath.hasPrefix("/") {
            target = .absolutePath
        } else {
            target = .relative
        }
    }

    /// Whether a destination starts with a URI scheme such as `https:` or `mailto:`.
    static func hasScheme(_ text: String) -> Bool {
        var sawLetter = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z":
                sawLetter = true
            case "0"..."9", "+", "-", ".":
                if !sawLetter { return false }
            case ":":
                return sawLetter
            default:
                return false
            }
        }
        return false
    }

    /// Decodes `%XX` escapes (UTF-8); invalid escapes are kept as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

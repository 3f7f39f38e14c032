import NotesCore

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
        // Searched as UTF-8: `#`, `?` and `/` are ASCII, and Character-wise search costs more.
        let utf8 = destination.utf8
        let hashIndex = utf8.firstIndex(of: UInt8(ascii: "#"))
        let queryIndex = utf8[..<(hashIndex ?? utf8.endIndex)].firstIndex(of: UInt8(ascii: "?"))
        let pathEnd = queryIndex ?? hashIndex ?? destination.endIndex
        rawPath = String(destination[..<pathEnd])
        suffix = String(destination[pathEnd...])
        path = PercentEncoding.decodeLeniently(rawPath)
        fragment = hashIndex.map { PercentEncoding.decodeLeniently(String(destination[utf8.index(after: $0)...])) }
        if Destination.hasScheme(destination) || utf8.starts(with: "//".utf8) {
            target = .external
        } else if rawPath.isEmpty {
            target = .samePage
        } else if rawPath.utf8.first == UInt8(ascii: "/") {
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
}

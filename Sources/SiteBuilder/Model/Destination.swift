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
        let hashIndex = destination.firstIndex(of: "#")
        let queryIndex = destination[..<(hashIndex ?? destination.endIndex)].firstIndex(of: "?")
        let pathEnd = queryIndex ?? hashIndex ?? destination.endIndex
        rawPath = String(destination[..<pathEnd])
        suffix = String(destination[pathEnd...])
        path = PercentEncoding.decodeLeniently(rawPath)
        fragment = hashIndex.map { PercentEncoding.decodeLeniently(String(destination[destination.index(after: $0)...])) }
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
}

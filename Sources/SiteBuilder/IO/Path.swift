/// Small, pure helpers for slash-separated paths.
public enum Path {
    /// Joins path components with `/`, ignoring empty ones.
    public static func join(_ components: String...) -> String {
        join(components)
    }

    /// Joins two path components with `/`, ignoring an empty one (the common case, without
    /// the array of the variadic form: notes' paths are joined tens of thousands of times).
    public static func join(_ first: String, _ second: String) -> String {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        var (first, second) = (first, second)
        return first.withUTF8 { head in
            second.withUTF8 { tail in
                let slash = head.last != UInt8(ascii: "/") ? 1 : 0
                return String(unsafeUninitializedCapacity: head.count + slash + tail.count) { out in
                    let base = out.baseAddress!
                    base.initialize(from: head.baseAddress!, count: head.count)
                    if slash == 1 { base[head.count] = UInt8(ascii: "/") }
                    (base + head.count + slash).initialize(from: tail.baseAddress!, count: tail.count)
                    return head.count + slash + tail.count
                }
            }
        }
    }

    /// Joins path components with `/`, ignoring empty ones.
    public static func join(_ components: [String]) -> String {
        var result = ""
        for component in components where !component.isEmpty {
            if result.isEmpty || result.utf8.last == UInt8(ascii: "/") {
                result += component
            } else {
                result += "/" + component
            }
        }
        return result
    }

    /// The directory part of a path (`a/b/c.md` -> `a/b`, `c.md` -> ``).
    /// The path without trailing slashes (`out/` -> `out`), so that names derived from it
    /// (`out.notesim-staging`) stand beside the folder, not inside it; `/` stays `/`.
    public static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func lastComponent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The extension of the last component, lowercased, without the dot.
    public static func fileExtension(of path: String) -> String {
        // On UTF-8 bytes: every file of the site is asked whether it is a note on every build.
        var path = path
        return path.withUTF8 { bytes in
            let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
            guard let dot = bytes[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return "" }
            let suffix = bytes[(dot + 1)...]
            let text = String(decoding: suffix, as: UTF8.self)
            return suffix.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) ? text : text.lowercased()
        }
    }

    /// Resolves `.` and `..` in a relative path; nil if it climbs above its start.
    public static func normalize(_ path: String) -> String? {
        if isNormalized(path) { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether a path has no empty, `.` or `..` components (most link targets): then
    /// `normalize` returns it as it is.
    private static func isNormalized(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                let length = index - start
                if length == 0 { return false }
                if length <= 2, bytes[start] == UInt8(ascii: "."), length == 1 || bytes[start + 1] == UInt8(ascii: ".") { return false }
                start = index + 1
            }
            return true
        }
    }

    /// The `../` prefix that leads from a file's directory back to the root.
    public static func rootPrefix(forFile path: String) -> String {
        // The folders counted on the UTF-8 bytes, empty components left out as `split` would:
        // every page and every figure with a log asks (splitting compared whole characters).
        var components = 0
        var inComponent = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                inComponent = false
            } else if !inComponent {
                inComponent = true
                components += 1
            }
        }
        return components > 1 ? String(repeating: "../", count: components - 1) : ""
    }
}

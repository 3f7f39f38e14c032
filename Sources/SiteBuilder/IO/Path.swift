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
        var result = first
        result.reserveCapacity(first.utf8.count + second.utf8.count + 1)
        if first.utf8.last != UInt8(ascii: "/") { result.append("/") }
        result.append(second)
        return result
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
        let name = lastComponent(of: path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return String(name[name.utf8.index(after: dot)...]).lowercased()
    }

    /// Resolves `.` and `..` in a relative path; nil if it climbs above its start.
    public static func normalize(_ path: String) -> String? {
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

    /// The `../` prefix that leads from a file's directory back to the root.
    public static func rootPrefix(forFile path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}

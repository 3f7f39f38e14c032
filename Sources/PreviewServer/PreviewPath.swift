import NotesCore

/// Maps a request's URL path to a file inside the served folder, refusing anything that
/// would leave it (plain or percent-encoded `..`, backslashes, NUL bytes).
public enum PreviewPath {
    /// The relative file path for `urlPath`, or nil when the request must be refused.
    /// `/` and paths ending in `/` serve `index.html`.
    public static func resolve(_ urlPath: String) -> String? {
        var path = urlPath
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        guard let decoded = PercentEncoding.decodeStrictly(path) else { return nil }
        if decoded.contains("\0") || decoded.contains("\\") { return nil }
        var parts: [Substring] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.hasPrefix(".") { return nil }
            parts.append(part)
        }
        var relative = parts.joined(separator: "/")
        if relative.isEmpty || decoded.hasSuffix("/") {
            relative = relative.isEmpty ? "index.html" : relative + "/index.html"
        }
        return relative
    }

    /// The Content-Type for a file name.
    public static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "json": "application/json"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}

/// Maps a request's URL path to a file inside the served folder, refusing anything that
/// would leave it (plain or percent-encoded `..`, backslashes, NUL bytes).
public enum PreviewPath {
    /// The relative file path for `urlPath`, or nil when the request must be refused.
    /// `/` and paths ending in `/` serve `index.html`.
    public static func resolve(_ urlPath: String) -> String? {
        var path = urlPath
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        guard let decoded = percentDecoded(path) else { return nil }
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

    /// Decodes `%XX` escapes; nil for malformed escapes or invalid UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%") {
                guard index + 2 < utf8.count, let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
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

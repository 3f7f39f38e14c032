/// The `href` and `src` addresses of a page and whether each leads somewhere: read on
/// bytes, since pages with scenario figures can be megabytes.
enum Addresses {
    /// Every `href="…"` and `src="…"` value, with HTML's character references undone.
    static func scan(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var index = 0
        let quote = UInt8(ascii: "\"")
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == quote,
                matches(bytes, before: index, "href") || matches(bytes, before: index, "src")
            else { continue }
            let start = index + 2
            var end = start
            while end < bytes.count, bytes[end] != quote { end += 1 }
            found.append(unescaped(String(decoding: bytes[start..<end], as: UTF8.self)))
            index = end
        }
        return found
    }

    private static func matches(_ bytes: [UInt8], before index: Int, _ name: String) -> Bool {
        let name = Array(name.utf8)
        guard index >= name.count + 1 else { return false }
        return Array(bytes[(index - name.count)..<index]) == name && bytes[index - name.count - 1] == UInt8(ascii: " ")
    }

    private static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (reference, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: reference, with: character)
        }
        return result
    }

    /// Why `address` in `page` does not lead to a file of `output`, or nil when it does.
    static func problem(_ address: String, in page: String, output: [String: [UInt8]]) -> String? {
        if address.isEmpty || address.hasPrefix("#") { return nil }
        if let colon = address.firstIndex(of: ":"), !address[..<colon].contains(where: { "/?#".contains($0) }) {
            let scheme = address[..<colon].lowercased()
            return ["http", "https", "mailto"].contains(scheme) ? nil : "the address \(address.debugDescription) has the scheme \(scheme.debugDescription)"
        }
        if address.hasPrefix("/") { return "the address \(address.debugDescription) is absolute" }
        let path = String(address.prefix { $0 != "#" && $0 != "?" })
        var segments = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case ".": continue
            case "..":
                if segments.popLast() == nil { return "the address \(address.debugDescription) leaves the site" }
            default:
                guard let decoded = percentDecoded(segment) else { return "the address \(address.debugDescription) has a bad % escape" }
                segments.append(decoded)
            }
        }
        var target = segments.joined(separator: "/")
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        if target.hasPrefix("pagefind/") || output[target] != nil || output[target + "/index.html"] != nil { return nil }
        return "the address \(address.debugDescription) names \(target.debugDescription), which the build did not write"
    }

    /// Whether `bytes` hold `word` (a marker: pages can be megabytes, so on bytes).
    static func contains(_ bytes: [UInt8], _ word: [UInt8]) -> Bool {
        guard let first = word.first, bytes.count >= word.count else { return false }
        var index = 0
        while index + word.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + word.count)].elementsEqual(word) { return true }
            index += 1
        }
        return false
    }

    /// `%XX` escapes undone (nil when one is malformed or the bytes are not UTF-8).
    private static func percentDecoded(_ segment: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(segment.utf8)[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
            utf8 = utf8.dropFirst(2)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

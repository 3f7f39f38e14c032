/// Where notes land in the output, and how links to them are rewritten.
public enum OutputPaths {
    /// The output path of a note given its path inside content/: `a/b.md` -> `a/b.html`,
    /// `a/README.md` and `a/index.md` -> `a/index.html`.
    public static func html(forNote contentPath: String) -> String {
        // On UTF-8: every note path is turned into its page's on every build.
        let utf8 = contentPath.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let name = contentPath[nameStart...]
        if isIndexName(name) { return contentPath[..<nameStart] + "index.html" }
        // The stem: the name without its extension (`.md`).
        let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")).flatMap { $0 == nameStart ? nil : $0 }
        let stemEnd = dot ?? contentPath.index(before: contentPath.endIndex)
        return contentPath[..<stemEnd] + ".html"
    }

    /// Whether a file name makes its directory's index page (`README.md`, `index.md`, in any case).
    public static func isIndexName(_ name: some StringProtocol) -> Bool {
        // Case-insensitive over ASCII: no other character lowercases to these names' letters.
        func matches(_ target: StaticString) -> Bool {
            guard name.utf8.count == target.utf8CodeUnitCount else { return false }
            var expected = target.utf8Start
            for byte in name.utf8 {
                let lower: UInt8 = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                guard lower == expected.pointee else { return false }
                expected += 1
            }
            return true
        }
        return matches("readme.md") || matches("index.md")
    }

    /// Whether a path inside content/ is a note.
    public static func isNote(_ contentPath: String) -> Bool {
        Path.fileExtension(of: contentPath) == "md"
    }

    /// Rewrites a destination written in a note for the built site: relative links to
    /// `.md` files point at their `.html` page; everything else is left as written.
    public static func rewrite(_ destination: String) -> String {
        let parsed = Destination(destination)
        guard parsed.target == .relative, Path.fileExtension(of: parsed.path) == "md" else { return destination }
        let directory = Path.directory(of: parsed.rawPath)
        let name = Path.lastComponent(of: parsed.rawPath)
        let page: String
        if isIndexName(Path.lastComponent(of: parsed.path)) {
            page = "index.html"
        } else {
            page = name.dropLast(2) + "html"
        }
        return (directory.isEmpty ? page : directory + "/" + page) + parsed.suffix
    }
}

import NotesCore

/// Where notes land in the output, and how links to them are rewritten.
public enum OutputPaths {
    /// The output path of a note given its path inside content/: `a/b.md` -> `a/b.html`,
    /// `a/README.md` and `a/index.md` -> `a/index.html`.
    public static func html(forNote contentPath: String) -> String {
        // On UTF-8 bytes: every note path is turned into its page's on every build.
        var contentPath = contentPath
        return contentPath.withUTF8 { path in
            let nameStart = (path.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
            let name = path[nameStart...]
            let isIndex = isIndexName(name)
            // The stem: the name without its extension (`.md`). A name that is all extension
            // loses its last character instead (as it always did).
            var stemEnd = name.lastIndex(of: UInt8(ascii: ".")).flatMap { $0 == nameStart ? nil : $0 } ?? path.count - 1
            while stemEnd > nameStart, path[stemEnd] & 0xC0 == 0x80 { stemEnd -= 1 }
            if isIndex { stemEnd = nameStart }
            var page = String(decoding: path[..<stemEnd], as: UTF8.self)
            page += isIndex ? "index.html" : ".html"
            // In NFC, as links to it are written (`PathNormalization`).
            return PathNormalization.nfc(page)
        }
    }

    /// Whether the UTF-8 bytes of a file name make its directory's index page: case-insensitive
    /// over ASCII (no other character lowercases to these names' letters).
    static func isIndexName(_ name: some Collection<UInt8>) -> Bool {
        func matches(_ target: StaticString) -> Bool {
            guard name.count == target.utf8CodeUnitCount else { return false }
            return target.withUTF8Buffer { expected in
                zip(name, expected).allSatisfy { byte, wanted in
                    (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == wanted
                }
            }
        }
        return matches("readme.md") || matches("index.md")
    }

    /// Whether a file name makes its directory's index page (`README.md`, `index.md`, in any case).
    public static func isIndexName(_ name: some StringProtocol) -> Bool {
        isIndexName(name.utf8)
    }

    /// Whether a path inside content/ is a note.
    public static func isNote(_ contentPath: String) -> Bool {
        Path.fileExtension(of: contentPath) == "md"
    }

    /// The URL of a page or file of the site as written in the page at `page`: relative
    /// (the site works under any sub-path and from disk), each segment percent-encoded.
    ///
    /// Every link notesim makes from a file name goes through here, so a name is only ever
    /// data: `javascript:alert(1);x.html` becomes `javascript%3Aalert%281%29%3Bx.html`, which
    /// a browser resolves to that file, never runs. Links relative to the site root (the
    /// sidebar's) use `page: "index.html"`.
    public static func url(of outputPath: String, from page: String) -> String {
        Path.rootPrefix(forFile: page) + PercentEncoding.encodePath(outputPath)
    }

    /// Rewrites a destination written in a note for the built site: relative links to
    /// `.md` files point at their `.html` page, percent-encoded as `url(of:from:)` writes it
    /// (`h%231.md` -> `h%231.html`, `<a b.md>` -> `a%20b.html`); links to other files of the
    /// site are in NFC, as the files are copied (`PathNormalization`); everything else is left
    /// as written.
    public static func rewrite(_ destination: String) -> String {
        // An anchor on the same page (`#id`, about half of a note's links) is never rewritten,
        // so it is not taken apart (which percent-decodes its fragment).
        guard destination.utf8.first != UInt8(ascii: "#") else { return destination }
        let parsed = Destination(destination)
        guard parsed.target == .relative else { return destination }
        guard Path.fileExtension(of: parsed.path) == "md" else {
            // A name written decomposed is written again in NFC; any other stays as written.
            let normalized = PathNormalization.nfc(parsed.path)
            return normalized.utf8.elementsEqual(parsed.path.utf8) ? destination : PercentEncoding.encodePath(normalized) + parsed.suffix
        }
        let directory = Path.directory(of: parsed.path)
        let page: String
        if isIndexName(Path.lastComponent(of: parsed.path)) {
            page = "index.html"
        } else {
            page = Path.lastComponent(of: parsed.path).dropLast(2) + "html"
        }
        return PercentEncoding.encodePath(PathNormalization.nfc(directory.isEmpty ? page : directory + "/" + page)) + parsed.suffix
    }
}

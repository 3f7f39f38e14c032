/// Where notes land in the output, and how links to them are rewritten.
public enum OutputPaths {
    /// The output path of a note given its path inside content/: `a/b.md` -> `a/b.html`,
    /// `a/README.md` and `a/index.md` -> `a/index.html`.
    public static func html(forNote contentPath: String) -> String {
        let directory = Path.directory(of: contentPath)
        let name = Path.lastComponent(of: contentPath)
        if isIndexName(name) { return Path.join(directory, "index.html") }
        let stem = name.dropLast(Path.fileExtension(of: name).count + 1)
        return Path.join(directory, stem + ".html")
    }

    /// Whether a file name makes its directory's index page.
    public static func isIndexName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "readme.md" || lowered == "index.md"
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

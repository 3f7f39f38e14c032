/// A text file of the site, with its path relative to the site directory.
public struct SourceFile: Hashable, Sendable {
    /// The path relative to the site directory, with `/` separators (`content/a/b.md`).
    public var path: String
    /// The file's text (UTF-8, byte-order mark removed).
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

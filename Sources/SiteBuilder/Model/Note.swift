import NotesCore
import NotesMarkdown

/// A parsed note: where it came from, where it goes, and what it says.
public struct Note: Sendable {
    /// Path relative to the site directory (`content/lambda/invocation.md`).
    public var sourcePath: String
    /// Path inside content/ (`lambda/invocation.md`).
    public var contentPath: String
    /// Path of its page inside the output (`lambda/invocation.html`).
    public var outputPath: String
    public var frontMatter: FrontMatter
    public var page: MarkdownPage
    /// Front-matter title, else the first heading, else the file name.
    public var title: String

    public init(sourcePath: String, contentPath: String, frontMatter: FrontMatter, page: MarkdownPage) {
        self.sourcePath = sourcePath
        self.contentPath = contentPath
        self.outputPath = OutputPaths.html(forNote: contentPath)
        self.frontMatter = frontMatter
        self.page = page
        self.title = frontMatter.title
            ?? page.headings.first?.text
            ?? Self.titleFromFileName(contentPath)
    }

    /// `lambda/cold-start.md` -> `cold-start`; an index file takes its folder's name.
    public static func titleFromFileName(_ contentPath: String) -> String {
        let name = Path.lastComponent(of: contentPath)
        if OutputPaths.isIndexName(name) {
            let folder = Path.lastComponent(of: Path.directory(of: contentPath))
            return folder.isEmpty ? "Home" : folder
        }
        return String(name.dropLast(Path.fileExtension(of: name).count + 1))
    }
}

import NotesCore
import NotesMarkdown
import SearchIndex

/// A parsed note: where it came from, where it goes, and what it says.
///
/// A value whose fields live in one shared, immutable box: the pipeline passes 10,000 notes
/// through arrays and dictionaries several times per build, and copying a note is then one
/// reference count instead of one per string and array.
public struct Note: Sendable {
    private final class Fields: Sendable {
        let sourcePath: String
        let contentPath: String
        let outputPath: String
        let frontMatter: FrontMatter
        let page: MarkdownPage
        let title: String
        let keptAnchors: LazyAnchors?
        let searchTerms: CountedDocument?

        init(
            sourcePath: String, contentPath: String, outputPath: String, frontMatter: FrontMatter, page: MarkdownPage, title: String,
            keptAnchors: LazyAnchors?, searchTerms: CountedDocument? = nil
        ) {
            self.sourcePath = sourcePath
            self.contentPath = contentPath
            self.outputPath = outputPath
            self.frontMatter = frontMatter
            self.page = page
            self.title = title
            self.keptAnchors = keptAnchors
            self.searchTerms = searchTerms
        }
    }

    private let fields: Fields

    /// Path relative to the site directory (`content/lambda/invocation.md`).
    public var sourcePath: String { fields.sourcePath }
    /// Path inside content/ (`lambda/invocation.md`).
    public var contentPath: String { fields.contentPath }
    /// Path of its page inside the output (`lambda/invocation.html`).
    public var outputPath: String { fields.outputPath }
    public var frontMatter: FrontMatter { fields.frontMatter }
    public var page: MarkdownPage { fields.page }
    /// Front-matter title, else the first heading, else the file name.
    public var title: String { fields.title }
    /// The page's terms for the search index, counted as it was parsed (`withSearchTerms`).
    public var searchTerms: CountedDocument? { fields.searchTerms }
    /// The terms the index takes for this page: those counted as it was parsed, else those of
    /// what it still has (its title alone, for a note parsed without its prose).
    var countedTerms: CountedDocument { searchTerms ?? CountedDocument(SearchExtraction.document(of: self)) }

    public init(sourcePath: String, contentPath: String, frontMatter: FrontMatter, page: MarkdownPage) {
        self.init(
            sourcePath: sourcePath, contentPath: contentPath, frontMatter: frontMatter, page: page,
            title: frontMatter.title ?? page.headings.first?.text ?? Self.titleFromFileName(contentPath))
    }

    /// A note whose title is already known (from the last build's manifest), with the anchor
    /// names the manifest recorded instead of its page's headings when `anchors` is given.
    init(sourcePath: String, contentPath: String, frontMatter: FrontMatter, page: MarkdownPage, title: String, anchors: LazyAnchors? = nil) {
        fields = Fields(
            sourcePath: sourcePath, contentPath: contentPath, outputPath: OutputPaths.html(forNote: contentPath),
            frontMatter: frontMatter, page: page, title: title, keptAnchors: anchors)
    }

    /// This note with its page's search terms counted from its prose, and the prose let go.
    ///
    /// Why at once: the prose is a copy of the page's text kept only to be counted; counted
    /// on the core that parsed the note, its memory is freed there instead of being held for
    /// every note until the pages are rendered.
    func withSearchTerms() -> Note {
        var page = page
        let terms = CountedDocument(SearchExtraction.document(of: self))
        page.prose = nil
        return Note(
            fields: Fields(
                sourcePath: sourcePath, contentPath: contentPath, outputPath: outputPath, frontMatter: frontMatter, page: page, title: title,
                keptAnchors: fields.keptAnchors, searchTerms: terms))
    }

    private init(fields: Fields) {
        self.fields = fields
    }

    /// Whether a link may name `fragment` on this note's page: a heading's id or an anchor
    /// written in raw HTML.
    public func hasAnchor(_ fragment: String) -> Bool {
        fields.keptAnchors?.contains(fragment) ?? page.hasAnchor(fragment)
    }

    /// Every name a link may give after `#` on this note's page: heading ids, then anchors.
    public var anchorNames: [String] {
        fields.keptAnchors?.value ?? page.headings.map(\.id) + page.explicitAnchors
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

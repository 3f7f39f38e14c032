import NotesCore

/// A heading of a note: its level, plain text, GitHub-compatible id and position.
public struct Heading: Hashable, Sendable {
    public var level: Int
    /// The heading's text content, without markup.
    public var text: String
    /// The `id` attribute it got (github-slugger rules, deduplicated on the page).
    public var id: String
    public var position: SourcePosition

    public init(level: Int, text: String, id: String, position: SourcePosition) {
        self.level = level
        self.text = text
        self.id = id
        self.position = position
    }
}

/// A link or image destination found in a note, in Markdown or in raw HTML.
public struct Reference: Hashable, Sendable {
    /// What kind of thing points at the destination.
    public enum Kind: String, Hashable, Sendable {
        /// A Markdown link or `<a href>` (also `<area href>`, `<link href>`).
        case link
        /// A Markdown image or `<img src>` (also `<source src>`, `<video src>` …).
        case image
    }

    /// Where the reference was written.
    public enum Origin: String, Hashable, Sendable {
        case markdown
        case rawHTML
    }

    public var kind: Kind
    public var origin: Origin
    /// The destination as the author wrote it (entities and escapes resolved).
    public var destination: String
    /// The position of the destination's first character.
    public var position: SourcePosition

    public init(kind: Kind, origin: Origin, destination: String, position: SourcePosition) {
        self.kind = kind
        self.origin = origin
        self.destination = destination
        self.position = position
    }
}

/// A fenced or indented code block, with the line its content starts on.
public struct CodeBlock: Hashable, Sendable {
    /// The whole info string (`scenario`, `swift title="x"`), empty for indented blocks.
    public var info: String
    /// The first word of the info string.
    public var language: String
    /// The block's content, exactly as between the fences.
    public var literal: String
    /// The position of the opening fence (or first line of an indented block).
    public var position: SourcePosition
    /// The file line of the content's first line: line n of `literal` is file line
    /// `contentStartLine + n - 1`.
    public var contentStartLine: Int
    /// For blocks replaced by a slot (see `MarkdownOptions.slotLanguages`), the slot number
    /// from 1; the page's HTML then holds `MarkdownPage.slotMarker(n)` in its place.
    public var slot: Int?
    /// For blocks left to a highlighter (see `MarkdownOptions.markCode`), their number from 1;
    /// the page's HTML then holds `MarkdownPage.codeMarker(n)` in their place.
    public var codeSlot: Int?

    public init(info: String, language: String, literal: String, position: SourcePosition, contentStartLine: Int, slot: Int?, codeSlot: Int? = nil) {
        self.info = info
        self.language = language
        self.literal = literal
        self.position = position
        self.contentStartLine = contentStartLine
        self.slot = slot
        self.codeSlot = codeSlot
    }
}

/// What a note is once parsed: its HTML body and everything later stages check or index.
public struct MarkdownPage: Sendable {
    /// The body as HTML (UTF-8): headings carry ids and self-links, link destinations are
    /// rewritten, and slot code blocks are replaced by `slotMarker(n)`. Kept as cmark wrote
    /// it, since the page is assembled from bytes.
    public var htmlBytes: [UInt8]
    public var headings: [Heading]
    public var references: [Reference]
    public var codeBlocks: [CodeBlock]
    /// `id` and `<a name>` values written in raw HTML: link targets besides heading ids.
    public var explicitAnchors: [String]
    /// The page's text by section, for the search index; nil unless the options ask for it
    /// (`MarkdownOptions.collectsProse`).
    public var prose: PageProse?

    /// The body as HTML text.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }

    public init(html: String, headings: [Heading], references: [Reference], codeBlocks: [CodeBlock], explicitAnchors: [String]) {
        self.init(htmlBytes: Array(html.utf8), headings: headings, references: references, codeBlocks: codeBlocks, explicitAnchors: explicitAnchors)
    }

    public init(htmlBytes: [UInt8], headings: [Heading], references: [Reference], codeBlocks: [CodeBlock], explicitAnchors: [String]) {
        self.htmlBytes = htmlBytes
        self.headings = headings
        self.references = references
        self.codeBlocks = codeBlocks
        self.explicitAnchors = explicitAnchors
    }

    /// Whether a link may name `fragment` on this page: a heading's id or an explicit
    /// anchor (a linear search: a page has a few dozen, and a set would be built per link).
    public func hasAnchor(_ fragment: String) -> Bool {
        headings.contains { $0.id == fragment } || explicitAnchors.contains(fragment)
    }

    /// The HTML comment that stands where slot `n` goes.
    public static func slotMarker(_ slot: Int) -> String {
        slotMarkerPrefix + "\(slot)-->"
    }

    /// What every slot marker starts with.
    public static let slotMarkerPrefix = "<!--notesim-slot:"

    /// The HTML comment that stands where code block `n` (`CodeBlock.codeSlot`) goes.
    public static func codeMarker(_ slot: Int) -> String {
        codeMarkerPrefix + "\(slot)-->"
    }

    /// What every code marker starts with (the same length as `slotMarkerPrefix`).
    public static let codeMarkerPrefix = "<!--notesim-code:"
}

/// How to parse a note.
public struct MarkdownOptions: Sendable {
    /// Code blocks whose language is in this set are replaced by slot markers (for example
    /// `scenario`, whose figure is rendered by a later stage).
    public var slotLanguages: Set<String>
    /// Rewrites a link or image destination for the HTML (`x.md#a` -> `x.html#a`); applied to
    /// Markdown links and images and to `href`/`src` in raw HTML. Positions and
    /// `Reference.destination` keep the original.
    public var rewriteDestination: @Sendable (String, Reference.Kind) -> String
    /// The title of an alert (`> [!NOTE]`), in the page's language; GitHub's English
    /// titles by default.
    public var alertTitle: @Sendable (AlertKind) -> String
    /// The label of a footnote's link back to its reference, in the page's language
    /// (GitHub's English by default): read aloud by screen readers on the `↩`.
    public var backToContent: String
    /// Replaces each code block that names a language (and is not a slot) by a code marker,
    /// for a later step to fill with highlighted HTML: highlighting runs another program,
    /// once per build for all blocks, so it cannot happen while one note is parsed. Off by
    /// default: blocks are rendered by cmark.
    public var markCode: Bool
    /// Gathers the page's text by section (`MarkdownPage.prose`) during the parse's walk:
    /// the search index needs it, and a site without search would only hold it in memory.
    public var collectsProse: Bool
    /// What a slot's block gives the page's prose, from its source (nil: nothing).
    public var slotProse: (@Sendable (String) -> String)?

    public init(
        slotLanguages: Set<String> = [],
        rewriteDestination: @escaping @Sendable (String, Reference.Kind) -> String = { destination, _ in destination },
        alertTitle: @escaping @Sendable (AlertKind) -> String = { $0.englishTitle },
        backToContent: String = "Back to content",
        markCode: Bool = false,
        collectsProse: Bool = false,
        slotProse: (@Sendable (String) -> String)? = nil
    ) {
        self.slotProse = slotProse
        self.slotLanguages = slotLanguages
        self.alertTitle = alertTitle
        self.backToContent = backToContent
        self.markCode = markCode
        self.collectsProse = collectsProse
        self.rewriteDestination = rewriteDestination
    }
}

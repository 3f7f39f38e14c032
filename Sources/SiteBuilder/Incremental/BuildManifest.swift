import NotesCore
import NotesMarkdown

/// What the last successful build produced and from what: the memory of incremental builds.
///
/// Kept in `.notesim-cache/build/manifest`. For every note it holds what other notes need
/// from it (title, headings, anchors, links: a `Note` without its HTML), the diagnostics and
/// claim counts it produced, and the keys that tell whether its page must be rendered
/// again; for every output file, a hash of its bytes.
public struct BuildManifest: Sendable, Equatable {
    /// Hash of everything every page depends on: settings, templates, theme, options and
    /// the versions of the simulator and the renderer. A different key means a full build.
    public var globalKey: UInt64
    /// The output folder it describes (canonical path).
    public var output: String
    /// Every output file and the FNV-1a hash of its bytes.
    public var files: [String: UInt64]
    /// Every note, by source path (`content/lambda/sync.md`).
    public var notes: [String: NoteRecord]
    /// The rendered sidebar list and the key of the navigation it shows.
    public var toc: (key: UInt64, html: String)?

    public static func == (lhs: BuildManifest, rhs: BuildManifest) -> Bool {
        lhs.globalKey == rhs.globalKey && lhs.output == rhs.output && lhs.files == rhs.files && lhs.notes == rhs.notes
            && lhs.toc?.key == rhs.toc?.key && lhs.toc?.html == rhs.toc?.html
    }

    public init(globalKey: UInt64, output: String, files: [String: UInt64] = [:], notes: [String: NoteRecord] = [:]) {
        self.globalKey = globalKey
        self.output = output
        self.files = files
        self.notes = notes
    }

    /// One note's entry.
    public struct NoteRecord: Sendable, Equatable {
        public var stamp: FileStamp
        public var sourceHash: UInt64
        /// Hash of everything its page depends on; equal keys give equal pages.
        public var renderKey: UInt64
        /// The parsed note without its HTML and code blocks.
        public var summary: NoteSummary
        /// Diagnostics of parsing and of its scenarios (links are checked on every build).
        public var diagnostics: [Diagnostic]
        public var scenarios: Int
        public var passed: Int
        public var failed: Int

        public init(stamp: FileStamp, sourceHash: UInt64, renderKey: UInt64, summary: NoteSummary, diagnostics: [Diagnostic], scenarios: Int, passed: Int, failed: Int) {
            self.stamp = stamp
            self.sourceHash = sourceHash
            self.renderKey = renderKey
            self.summary = summary
            self.diagnostics = diagnostics
            self.scenarios = scenarios
            self.passed = passed
            self.failed = failed
        }
    }
}

/// The parts of a parsed note that other notes and the navigation use.
public struct NoteSummary: Sendable, Equatable {
    public var sourcePath: String
    public var contentPath: String
    public var frontMatter: FrontMatter
    public var headings: [Heading]
    public var references: [Reference]
    public var explicitAnchors: [String]

    public init(_ note: Note) {
        sourcePath = note.sourcePath
        contentPath = note.contentPath
        frontMatter = note.frontMatter
        headings = note.page.headings
        references = note.page.references
        explicitAnchors = note.page.explicitAnchors
    }

    public init(sourcePath: String, contentPath: String, frontMatter: FrontMatter, headings: [Heading], references: [Reference], explicitAnchors: [String]) {
        self.sourcePath = sourcePath
        self.contentPath = contentPath
        self.frontMatter = frontMatter
        self.headings = headings
        self.references = references
        self.explicitAnchors = explicitAnchors
    }

    /// A `Note` that links can be checked against and navigation built from (no HTML).
    public var note: Note {
        Note(sourcePath: sourcePath, contentPath: contentPath, frontMatter: frontMatter,
             page: MarkdownPage(html: "", headings: headings, references: references, codeBlocks: [], explicitAnchors: explicitAnchors))
    }
}

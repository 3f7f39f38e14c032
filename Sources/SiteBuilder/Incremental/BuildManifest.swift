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
    /// Hash of the list of non-note files under content/ (link targets besides notes).
    public var contentKey: UInt64 = 0

    public static func == (lhs: BuildManifest, rhs: BuildManifest) -> Bool {
        lhs.globalKey == rhs.globalKey && lhs.output == rhs.output && lhs.files == rhs.files && lhs.notes == rhs.notes
            && lhs.toc?.key == rhs.toc?.key && lhs.toc?.html == rhs.toc?.html && lhs.contentKey == rhs.contentKey
    }

    public init(globalKey: UInt64, output: String, files: [String: UInt64] = [:], notes: [String: NoteRecord] = [:]) {
        self.globalKey = globalKey
        self.output = output
        self.files = files
        self.notes = notes
    }

    /// One note's entry.
    public struct NoteRecord: Sendable, Equatable {
        public var stamp: FileStamp { didSet { encoded = nil } }
        public var sourceHash: UInt64 { didSet { encoded = nil } }
        /// Hash of everything its page depends on; equal keys give equal pages.
        public var renderKey: UInt64 { didSet { encoded = nil } }
        /// The parsed note without its HTML and code blocks.
        public var summary: NoteSummary { didSet { encoded = nil } }
        /// Diagnostics of parsing and of its scenarios (links are checked on every build).
        public var diagnostics: [Diagnostic] { didSet { encoded = nil } }
        public var scenarios: Int { didSet { encoded = nil } }
        public var passed: Int { didSet { encoded = nil } }
        public var failed: Int { didSet { encoded = nil } }
        /// This record's lines as read from the manifest, while nothing changed since: an
        /// incremental build writes most records back exactly as it read them.
        var encoded: ArraySlice<UInt8>?

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

        public static func == (lhs: NoteRecord, rhs: NoteRecord) -> Bool {
            lhs.stamp == rhs.stamp && lhs.sourceHash == rhs.sourceHash && lhs.renderKey == rhs.renderKey && lhs.summary == rhs.summary
                && lhs.diagnostics == rhs.diagnostics && lhs.scenarios == rhs.scenarios && lhs.passed == rhs.passed && lhs.failed == rhs.failed
        }
    }
}

/// The parts of a parsed note that other notes and the navigation use.
public struct NoteSummary: Sendable, Equatable {
    public var sourcePath: String
    public var contentPath: String
    public var frontMatter: FrontMatter
    public var title: String
    /// Heading ids, then anchors written in raw HTML: what links to this note may name.
    public var anchors: [String]
    /// The note's links and images; read from the manifest only when every note's links
    /// must be checked again.
    public var references: LazyReferences
    /// What checking this note's links found last time, and the files they need copied.
    public var linkDiagnostics: [Diagnostic]
    public var linkedFiles: [String]

    public init(_ note: Note, links: LinkCheckStage.Output) {
        sourcePath = note.sourcePath
        contentPath = note.contentPath
        frontMatter = note.frontMatter
        title = note.title
        anchors = note.page.headings.map(\.id) + note.page.explicitAnchors
        references = LazyReferences(note.page.references)
        linkDiagnostics = links.diagnostics
        linkedFiles = links.referencedFiles.sorted()
    }

    public init(sourcePath: String, contentPath: String, frontMatter: FrontMatter, title: String, anchors: [String],
                references: LazyReferences, linkDiagnostics: [Diagnostic], linkedFiles: [String]) {
        self.sourcePath = sourcePath
        self.contentPath = contentPath
        self.frontMatter = frontMatter
        self.title = title
        self.anchors = anchors
        self.references = references
        self.linkDiagnostics = linkDiagnostics
        self.linkedFiles = linkedFiles
    }

    /// A `Note` that links can be checked against and navigation built from (no HTML; the
    /// anchors stand in for the headings; references only when `withReferences`).
    public func note(withReferences: Bool) -> Note {
        var note = Note(sourcePath: sourcePath, contentPath: contentPath, frontMatter: frontMatter,
                        page: MarkdownPage(html: "", headings: [], references: withReferences ? references.value : [], codeBlocks: [], explicitAnchors: anchors))
        note.title = title
        return note
    }
}

/// A note's references, decoded from the manifest's bytes only when asked for.
public struct LazyReferences: Sendable, Equatable {
    private let decoded: [Reference]?
    private let encoded: [UInt8]

    public init(_ references: [Reference]) {
        decoded = references
        encoded = []
    }

    /// References in the manifest's `ref` line format, decoded on first use.
    init(encoded: [UInt8]) {
        decoded = nil
        self.encoded = encoded
    }

    public var value: [Reference] {
        decoded ?? ManifestCodec.decodeReferences(encoded)
    }

    public static func == (lhs: LazyReferences, rhs: LazyReferences) -> Bool {
        lhs.value == rhs.value
    }
}

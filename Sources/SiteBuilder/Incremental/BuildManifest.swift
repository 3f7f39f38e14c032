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
    /// The note and file paths in sorted order, as decoded: encoding reuses them while the
    /// keys are the same, instead of sorting 10,000 paths twice.
    var sortedNotePaths: [String]?
    var sortedFilePaths: [String]?
    /// The size on disk of the manifest this was read from: its whole first part, the bytes
    /// and the number of the parts of changes appended since (see `ManifestCodec.encodeChanges`);
    /// nil when not read from disk.
    var storedSize: (whole: Int, appended: Int, patches: Int)?

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
    ///
    /// Its fields live in one copy-on-write box: records move between dictionaries of
    /// 10,000 entries during a build, and a copy is then one reference count.
    public struct NoteRecord: Sendable, Equatable {
        private struct Fields: Sendable, Equatable {
            var stamp: FileStamp
            var sourceHash: UInt64
            var renderKey: UInt64
            var summary: NoteSummary
            var diagnostics: [Diagnostic]
            var scenarios: Int
            var passed: Int
            var failed: Int
            /// This record's lines as read from the manifest, while nothing changed since.
            var encoded: SharedBytes.Slice?

            static func == (lhs: Fields, rhs: Fields) -> Bool {
                lhs.stamp == rhs.stamp && lhs.sourceHash == rhs.sourceHash && lhs.renderKey == rhs.renderKey && lhs.summary == rhs.summary
                    && lhs.diagnostics == rhs.diagnostics && lhs.scenarios == rhs.scenarios && lhs.passed == rhs.passed && lhs.failed == rhs.failed
            }
        }

        private final class Box: @unchecked Sendable {
            // Written only through `update`, when this box is not shared.
            var fields: Fields

            init(_ fields: Fields) {
                self.fields = fields
            }
        }

        private var box: Box

        /// Changes a field; the record is then encoded anew when the manifest is written.
        private mutating func update(_ change: (inout Fields) -> Void) {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            change(&box.fields)
            box.fields.encoded = nil
        }

        public var stamp: FileStamp {
            get { box.fields.stamp }
            set { update { $0.stamp = newValue } }
        }
        public var sourceHash: UInt64 {
            get { box.fields.sourceHash }
            set { update { $0.sourceHash = newValue } }
        }
        /// Hash of everything its page depends on; equal keys give equal pages.
        public var renderKey: UInt64 {
            get { box.fields.renderKey }
            set { update { $0.renderKey = newValue } }
        }
        /// The parsed note without its HTML and code blocks.
        public var summary: NoteSummary {
            get { box.fields.summary }
            set { update { $0.summary = newValue } }
        }
        /// Diagnostics of parsing and of its scenarios (links are checked on every build).
        public var diagnostics: [Diagnostic] {
            get { box.fields.diagnostics }
            set { update { $0.diagnostics = newValue } }
        }
        public var scenarios: Int {
            get { box.fields.scenarios }
            set { update { $0.scenarios = newValue } }
        }
        public var passed: Int {
            get { box.fields.passed }
            set { update { $0.passed = newValue } }
        }
        public var failed: Int {
            get { box.fields.failed }
            set { update { $0.failed = newValue } }
        }
        /// This record's lines as read from the manifest, while nothing changed since: an
        /// incremental build writes most records back exactly as it read them.
        var encoded: SharedBytes.Slice? { box.fields.encoded }

        public init(
            stamp: FileStamp, sourceHash: UInt64, renderKey: UInt64, summary: NoteSummary, diagnostics: [Diagnostic], scenarios: Int, passed: Int, failed: Int
        ) {
            self.init(
                stamp: stamp, sourceHash: sourceHash, renderKey: renderKey, summary: summary, diagnostics: diagnostics,
                scenarios: scenarios, passed: passed, failed: failed, encoded: nil)
        }

        /// A record read from the manifest, with the bytes it was read from.
        init(
            stamp: FileStamp, sourceHash: UInt64, renderKey: UInt64, summary: NoteSummary, diagnostics: [Diagnostic], scenarios: Int,
            passed: Int, failed: Int, encoded: SharedBytes.Slice?
        ) {
            box = Box(
                Fields(
                    stamp: stamp, sourceHash: sourceHash, renderKey: renderKey, summary: summary, diagnostics: diagnostics,
                    scenarios: scenarios, passed: passed, failed: failed, encoded: encoded))
        }

        public static func == (lhs: NoteRecord, rhs: NoteRecord) -> Bool {
            lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
        }
    }
}

/// The parts of a parsed note that other notes and the navigation use.
///
/// Its fields live in one copy-on-write box, like `Note`'s: manifest records are copied in
/// and out of dictionaries of 10,000 entries, and a copy is then one reference count.
public struct NoteSummary: Sendable, Equatable {
    private struct Fields: Sendable, Equatable {
        var sourcePath: String
        var contentPath: String
        var frontMatter: FrontMatter
        var title: String
        var anchors: LazyAnchors
        var references: LazyReferences
        var linkDiagnostics: [Diagnostic]
        var linkedFiles: [String]
    }

    private final class Box: @unchecked Sendable {
        // Written only through `update`, when this box is not shared.
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }

    public var sourcePath: String {
        get { box.fields.sourcePath }
        set { update { $0.sourcePath = newValue } }
    }
    public var contentPath: String {
        get { box.fields.contentPath }
        set { update { $0.contentPath = newValue } }
    }
    public var frontMatter: FrontMatter {
        get { box.fields.frontMatter }
        set { update { $0.frontMatter = newValue } }
    }
    public var title: String {
        get { box.fields.title }
        set { update { $0.title = newValue } }
    }
    /// Heading ids, then anchors written in raw HTML: what links to this note may name.
    public var anchors: [String] {
        get { box.fields.anchors.value }
        set { update { $0.anchors = LazyAnchors(newValue) } }
    }
    /// The note's links and images; read from the manifest only when every note's links
    /// must be checked again.
    public var references: LazyReferences {
        get { box.fields.references }
        set { update { $0.references = newValue } }
    }
    /// What checking this note's links found last time, and the files they need copied.
    public var linkDiagnostics: [Diagnostic] {
        get { box.fields.linkDiagnostics }
        set { update { $0.linkDiagnostics = newValue } }
    }
    public var linkedFiles: [String] {
        get { box.fields.linkedFiles }
        set { update { $0.linkedFiles = newValue } }
    }

    public init(_ note: Note, links: LinkCheckStage.Output) {
        self.init(
            sourcePath: note.sourcePath, contentPath: note.contentPath, frontMatter: note.frontMatter, title: note.title,
            anchors: note.anchorNames, references: LazyReferences(note.page.references),
            linkDiagnostics: links.diagnostics, linkedFiles: links.referencedFiles.sorted())
    }

    public init(
        sourcePath: String, contentPath: String, frontMatter: FrontMatter, title: String, anchors: [String],
        references: LazyReferences, linkDiagnostics: [Diagnostic], linkedFiles: [String]
    ) {
        self.init(
            sourcePath: sourcePath, contentPath: contentPath, frontMatter: frontMatter, title: title, anchors: LazyAnchors(anchors),
            references: references, linkDiagnostics: linkDiagnostics, linkedFiles: linkedFiles)
    }

    /// A summary read from the manifest, its anchors still encoded.
    init(
        sourcePath: String, contentPath: String, frontMatter: FrontMatter, title: String, anchors: LazyAnchors,
        references: LazyReferences, linkDiagnostics: [Diagnostic], linkedFiles: [String]
    ) {
        box = Box(
            Fields(
                sourcePath: sourcePath, contentPath: contentPath, frontMatter: frontMatter, title: title, anchors: anchors,
                references: references, linkDiagnostics: linkDiagnostics, linkedFiles: linkedFiles))
    }

    public static func == (lhs: NoteSummary, rhs: NoteSummary) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    /// A `Note` that links can be checked against and navigation built from (no HTML; the
    /// anchors, decoded only if a link is checked against them, stand in for the headings;
    /// references only when `withReferences`).
    public func note(withReferences: Bool) -> Note {
        Note(
            sourcePath: sourcePath, contentPath: contentPath, frontMatter: frontMatter,
            page: MarkdownPage(htmlBytes: [], headings: [], references: withReferences ? references.value : [], codeBlocks: [], explicitAnchors: []),
            title: title, anchors: box.fields.anchors)
    }
}

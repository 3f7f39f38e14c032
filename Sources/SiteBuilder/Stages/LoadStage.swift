import NotesCore

/// Stage 1, load: reads the site directory into memory (the pipeline's input end). A build
/// that compares nothing with a last build lists the notes and hands the parse stage a
/// reader instead, so each note is read on the core that parses it.
///
/// Only `content/`, `templates/` and `notesim.yml` are read; hidden files and folders
/// (names starting with `.`) are skipped and symbolic links to folders are not followed.
public enum LoadStage {
    /// Everything the pure stages need, as bytes.
    public struct Output: Sendable {
        /// The config file's text, if the site has one.
        public var config: SourceFile?
        /// Every `.md` file under content/, by site-relative path, sorted.
        public var notes: [(path: String, bytes: [UInt8])]
        /// Notes not read because `isUnchanged` said their stamp is the one already known.
        public var unchanged: [(path: String, stamp: FileStamp)] = []
        /// The stamp of every note that was read.
        public var stamps: [String: FileStamp] = [:]
        /// Notes listed but left for the parse stage to read with `reader` (a build that
        /// compares nothing with a last build): each is then read, stamped and parsed on the
        /// core that parses it, and its bytes are freed right after (90 MB for 10,000 notes
        /// that would otherwise stay in memory, and be faulted in, for the whole build).
        public var unread: [String] = []
        /// Reads a listed note (see `unread`).
        public var reader: NoteReader = { path in
            .failure(.error("file.unreadable", path: path, at: nil, "cannot read the file: it was listed but not loaded"))
        }
        /// Every other file under content/, as paths inside content/.
        public var contentFiles: Set<String>
        /// The site's template overrides: path inside templates/ -> bytes.
        public var templates: [(path: String, bytes: [UInt8])]
        public var diagnostics: [Diagnostic]

        public init(
            config: SourceFile? = nil, notes: [(path: String, bytes: [UInt8])] = [], contentFiles: Set<String> = [],
            templates: [(path: String, bytes: [UInt8])] = [], diagnostics: [Diagnostic] = []
        ) {
            self.config = config
            self.notes = notes
            self.contentFiles = contentFiles
            self.templates = templates
            self.diagnostics = diagnostics
        }
    }

    /// The files under a folder of the site and their stamps, as one look at it found them:
    /// what the preview's watcher polls, and hands (for content/) to the build that follows a
    /// change, which then neither lists nor stamps the folder again.
    public struct Listing: Sendable, Equatable {
        /// Every file under the folder (paths inside it, sorted).
        public var files: [String]
        /// Each file's stamp, in the same order (nil where it could not be taken).
        public var stamps: [FileStamp?]
        /// Symbolic links skipped and folders that could not be listed.
        public var diagnostics: [Diagnostic]
    }

    /// Lists a folder of the site (content/ unless told) and stamps every file in it; nil
    /// when the site has no such folder.
    public static func list(_ folder: String = contentFolder, siteDirectory: String, fileSystem: any FileSystem) -> Listing? {
        let root = Path.join(siteDirectory, folder)
        guard fileSystem.kind(of: root) == .directory else { return nil }
        var diagnostics: [Diagnostic] = []
        let files = walk(root, fileSystem: fileSystem, diagnostics: &diagnostics, prefix: folder)
        return Listing(files: files, stamps: fileSystem.stamps(of: files, under: root), diagnostics: diagnostics)
    }

    /// Reads a note by site path: its bytes and stamp, or why it cannot be read.
    public typealias NoteReader = @Sendable (String) -> Result<(bytes: [UInt8], stamp: FileStamp?), Diagnostic>

    /// The folder of notes inside a site.
    public static let contentFolder = "content"

    /// A note's path inside content/ from its path in the site (`content/a/b.md` -> `a/b.md`).
    static func contentPath(ofSource sourcePath: String) -> String {
        String(sourcePath.dropFirst(contentFolder.count + 1))
    }

    /// The folder of template overrides inside a site.
    public static let templatesFolder = "templates"

    /// Reads the site at `siteDirectory`.
    /// - Parameter isUnchanged: for an incremental build, whether a note (site path, stamp)
    ///   is as the last build saw it; such notes are listed in `unchanged` and not read.
    public static func load(
        siteDirectory: String, fileSystem: any FileSystem,
        isUnchanged: (@Sendable (String, FileStamp) -> Bool)? = nil
    ) -> Output {
        load(siteDirectory: siteDirectory, fileSystem: fileSystem, stamping: isUnchanged != nil, unchangedCheck: isUnchanged.map { check in { check } })
    }

    /// Reads the site at `siteDirectory`, taking every note's stamp when `stamping`.
    /// - Parameters:
    ///   - unchangedCheck: asked once, after the notes are listed and stamped, for the
    ///     `isUnchanged` test (an incremental build reads its last manifest meanwhile); nil
    ///     when every note is to be read: each is then stamped as it is read.
    ///   - listing: content/ as listed and stamped moments ago (`list`), used instead of
    ///     listing and stamping it again.
    public static func load(
        siteDirectory: String, fileSystem: any FileSystem, stamping: Bool,
        unchangedCheck: (() -> (@Sendable (String, FileStamp) -> Bool)?)?, listing: Listing? = nil
    ) -> Output {
        var output = Output(config: nil, notes: [], contentFiles: [], templates: [], diagnostics: [])
        let contentRoot = Path.join(siteDirectory, contentFolder)
        let contentKind = fileSystem.kind(of: contentRoot)
        guard contentKind == .directory else {
            // A linked content/ is named as one: "no content/ folder" beside it read as a bug.
            output.diagnostics.append(
                contentKind == .symbolicLink
                    ? .error(
                        "site.no-content", path: contentFolder, at: nil, "content/ is a symbolic link, and symbolic links are not followed",
                        hint: "make content/ a folder of the site (move the notes into it)")
                    : .error(
                        "site.no-content", path: contentFolder, at: nil,
                        "no content/ folder in the site directory",
                        hint: "put your Markdown notes in \(Path.join(siteDirectory, contentFolder))/ (or pass the site directory as an argument)"
                    ))
            return output
        }

        readConfig(siteDirectory: siteDirectory, fileSystem: fileSystem, into: &output)

        // Notes are read on every core (a 10,000-note site is 90 MB), by the parse stage
        // when nothing is compared with a last build; the order stays sorted.
        let files: [String]
        if let listing {
            files = listing.files
            output.diagnostics += listing.diagnostics
        } else {
            files = walk(contentRoot, fileSystem: fileSystem, diagnostics: &output.diagnostics, prefix: contentFolder)
        }
        let notePaths = files.filter(OutputPaths.isNote)
        output.contentFiles = Set(files.filter { !OutputPaths.isNote($0) })
        // Without a comparison with a last build, every note is read later, by the parse
        // stage, each stamped (when `stamping`) as it is read.
        guard let unchangedCheck else {
            output.unread = notePaths.map { Path.join(contentFolder, $0) }
            output.reader = { sitePath in
                let path = Path.join(siteDirectory, sitePath)
                return read(path, as: sitePath, fileSystem: fileSystem, stamped: stamping)
            }
            output.templates = templates(siteDirectory: siteDirectory, fileSystem: fileSystem, diagnostics: &output.diagnostics)
            return output
        }
        readChangedNotes(
            notePaths, contentRoot: contentRoot, listing: listing, stamping: stamping,
            unchangedCheck: unchangedCheck, fileSystem: fileSystem, into: &output)
        output.templates = templates(siteDirectory: siteDirectory, fileSystem: fileSystem, diagnostics: &output.diagnostics)
        return output
    }

    /// Reads `notesim.yml` into `output.config`, if the site has one; a file that cannot be
    /// read or is not text is a diagnostic. Split out of `load`, which reads the rest.
    private static func readConfig(siteDirectory: String, fileSystem: any FileSystem, into output: inout Output) {
        let configPath = Path.join(siteDirectory, SiteConfig.fileName)
        if fileSystem.kind(of: configPath) == .special { output.diagnostics.append(notRegular(SiteConfig.fileName)) }
        if fileSystem.kind(of: configPath) == .file {
            switch read(configPath, as: SiteConfig.fileName, fileSystem: fileSystem) {
            case .success(let bytes):
                switch SourceDecoding.decode(bytes) {
                case .success(let text): output.config = SourceFile(path: SiteConfig.fileName, text: text)
                case .failure(let failure): output.diagnostics.append(decodingDiagnostic(failure, path: SiteConfig.fileName))
                }
            case .failure(let diagnostic):
                output.diagnostics.append(diagnostic)
            }
        }
    }

    /// For a build compared with the last one: stamps the notes (or takes the listing's
    /// stamps), then asks `unchangedCheck` which are as the last build saw them; those are
    /// listed in `output.unchanged`, the others read in parallel into `output.notes`.
    /// Split out of `load` as the incremental half of loading notes.
    private static func readChangedNotes(
        _ notePaths: [String], contentRoot: String, listing: Listing?, stamping: Bool,
        unchangedCheck: () -> (@Sendable (String, FileStamp) -> Bool)?,
        fileSystem: any FileSystem, into output: inout Output
    ) {
        // Stamps first, then the notes whose stamps changed.
        let stamps =
            if let listing, stamping {
                zip(listing.files, listing.stamps).filter { OutputPaths.isNote($0.0) }.map(\.1)
            } else if stamping {
                fileSystem.stamps(of: notePaths, under: contentRoot)
            } else {
                notePaths.map { _ in FileStamp?.none }
            }
        let isUnchanged = unchangedCheck()
        // Which notes are as the last build saw them (a site path each, and a flag), then the
        // others read: one edit in 10,000 notes reads one.
        let sitePaths = ForkJoin.map(notePaths) { Path.join(contentFolder, $0) }
        let unchanged = ForkJoin.map(Array(zip(sitePaths, stamps))) { sitePath, stamp in
            guard let stamp, let isUnchanged else { return false }
            return isUnchanged(sitePath, stamp)
        }
        let changed = notePaths.indices.filter { !unchanged[$0] }
        let readings = ForkJoin.map(changed) { index in read(Path.join(contentRoot, notePaths[index]), as: sitePaths[index], fileSystem: fileSystem) }
        output.unchanged.reserveCapacity(notePaths.count - changed.count)
        for index in notePaths.indices where unchanged[index] {
            output.unchanged.append((sitePaths[index], stamps[index]!))
        }
        for (index, reading) in zip(changed, readings) {
            switch reading {
            case .success(let bytes):
                output.notes.append((sitePaths[index], bytes))
                if let stamp = stamps[index] { output.stamps[sitePaths[index]] = stamp }
            case .failure(let diagnostic): output.diagnostics.append(diagnostic)
            }
        }
    }

    /// The site's template overrides: path inside templates/ -> bytes.
    private static func templates(siteDirectory: String, fileSystem: any FileSystem, diagnostics: inout [Diagnostic]) -> [(path: String, bytes: [UInt8])] {
        var templates: [(path: String, bytes: [UInt8])] = []
        let templatesRoot = Path.join(siteDirectory, templatesFolder)
        let kind = fileSystem.kind(of: templatesRoot)
        if kind == .symbolicLink {
            diagnostics.append(
                .warning(
                    "file.symlink", path: templatesFolder, at: nil,
                    "templates/ is a symbolic link, and symbolic links are not followed; the built-in theme is used"))
        }
        if kind == .directory {
            for relative in walk(templatesRoot, fileSystem: fileSystem, diagnostics: &diagnostics, prefix: templatesFolder) {
                switch read(Path.join(templatesRoot, relative), as: Path.join(templatesFolder, relative), fileSystem: fileSystem) {
                case .success(let bytes): templates.append((relative, bytes))
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        return templates
    }

    /// The diagnostic for a file whose bytes are not usable text.
    static func decodingDiagnostic(_ failure: SourceDecoding.Failure, path: String) -> Diagnostic {
        switch failure {
        case .invalidUTF8(let offset, let position):
            return .error(
                "file.encoding", path: path, at: position, "the file is not valid UTF-8 (first bad byte at offset \(offset))", hint: "save the file as UTF-8")
        case .nulByte(let position):
            return .error("file.encoding", path: path, at: position, "the file contains a NUL byte")
        }
    }

    private static func read(_ path: String, as sitePath: String, fileSystem: any FileSystem) -> Result<[UInt8], Diagnostic> {
        read(path, as: sitePath, fileSystem: fileSystem, stamped: false).map(\.bytes)
    }

    /// A file's bytes (and its stamp when `stamped`), or the diagnostic for why it cannot be read.
    private static func read(
        _ path: String, as sitePath: String, fileSystem: any FileSystem,
        stamped: Bool
    ) -> Result<(bytes: [UInt8], stamp: FileStamp?), Diagnostic> {
        do {
            return .success(stamped ? try fileSystem.readFileStamped(path) : (try fileSystem.readFile(path), nil))
        } catch let error as FileSystemError {
            let reason =
                switch error.reason {
                case .permissionDenied: "permission denied"
                case .notFound: "it disappeared while reading"
                default: "\(error)"
                }
            return .failure(.error("file.unreadable", path: sitePath, at: nil, "cannot read the file: \(reason)"))
        } catch {
            return .failure(.error("file.unreadable", path: sitePath, at: nil, "cannot read the file: \(error)"))
        }
    }

    /// The error for a FIFO, socket or device where a file was expected: never read, since a
    /// read could wait for a writer forever.
    static func notRegular(_ path: String) -> Diagnostic {
        .error(
            "file.not-regular", path: path, at: nil, "not a regular file (a FIFO, socket or device); notesim reads only regular files",
            hint: "remove it, or move it out of the site")
    }

    /// Why a listed name cannot be used, if it cannot:
    /// - not UTF-8: it is listed with U+FFFD in place of its bad bytes, under which it cannot
    ///   be opened (said so, not "it disappeared");
    /// - a note's name over `noteNameLimit` bytes: its pages' names would pass the system's
    ///   255 (`NAME.event-log.html`), and the build would fail after `check` passed;
    /// - the same name as one before it in Unicode, in another encoding (`データ` composed and
    ///   decomposed): both would be published under one name, and one would be lost.
    static func nameProblem(_ name: String, kind: FileKind?, in seen: inout Set<String>) -> (id: String, message: String, hint: String)? {
        if name.unicodeScalars.contains("\u{FFFD}") {
            return ("file.encoding", "the \(kind == .directory ? "folder's" : "file's") name is not valid UTF-8 (shown with �)", "rename it in UTF-8")
        }
        if kind == .file, OutputPaths.isNote(name), name.utf8.count > noteNameLimit {
            return (
                "file.name-too-long", "the note's name is \(name.utf8.count) bytes; a note's name may have at most \(noteNameLimit)",
                "its pages' names add up to 15 bytes more, and a file system allows 255: shorten it"
            )
        }
        if let twin = seen.firstIndex(of: name).map({ seen[$0] }), !twin.utf8.elementsEqual(name.utf8) {
            return (
                "file.encoding", "this name and '\(twin)' are the same in Unicode, written in two encodings (composed and decomposed)",
                "keep one of them: they would be published under one name"
            )
        }
        seen.insert(name)
        return nil
    }

    /// The longest name of a note, in bytes: its event-log page (`NAME.event-log.html`, 15
    /// bytes more than `NAME.md` less its `.md`) must fit the 255 bytes of a file name.
    static let noteNameLimit = 240

    /// Every regular file under `root`, as sorted paths relative to it.
    static func walk(_ root: String, fileSystem: any FileSystem, diagnostics: inout [Diagnostic], prefix: String) -> [String] {
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let directory = Path.join(root, relative)
            let entries: [(name: String, kind: FileKind?)]
            do {
                entries = try fileSystem.entries(ofDirectory: directory)
            } catch {
                diagnostics.append(.error("file.unreadable", path: Path.join(prefix, relative), at: nil, "cannot list the folder: \(error)"))
                continue
            }
            // Names a reader cannot tell apart: a Swift set compares them as Unicode does.
            var names: Set<String> = []
            for (name, kind) in entries where !name.hasPrefix(".") {
                let child = Path.join(relative, name)
                if let problem = nameProblem(name, kind: kind, in: &names) {
                    diagnostics.append(.error(problem.id, path: Path.join(prefix, child), at: nil, problem.message, hint: problem.hint))
                    continue
                }
                switch kind {
                case .directory: pending.append(child)
                case .file: files.append(child)
                case .symbolicLink:
                    diagnostics.append(
                        .warning(
                            "file.symlink", path: Path.join(prefix, child), at: nil,
                            "symbolic links are not followed; the link is ignored"
                        ))
                case .special:
                    diagnostics.append(notRegular(Path.join(prefix, child)))
                case nil: break
                }
            }
        }
        // A site without subfolders is listed in order already: one pass checks it, and the
        // sort is skipped.
        return zip(files, files.dropFirst()).contains(where: { $1 < $0 }) ? files.sorted() : files
    }
}

import LambdaSimulator
import NotesCore

/// The whole pipeline: load, parse, check, render; `WriteStage` then writes the result.
///
/// Stages 2–6 are pure functions of the loaded bytes, so `check` and `build` run exactly
/// the same code and differ only in whether the files are written.
public enum SitePipeline {
    /// Switches a build can be run with.
    public struct Options: Sendable {
        /// Also build notes marked `draft: true`.
        public var includeDrafts: Bool
        /// Where scenario results are remembered between runs; nil to simulate everything.
        public var cache: (any ScenarioResultCache)?
        /// Overrides `base-url` of notesim.yml.
        public var baseURL: String?
        /// Receives a report as each note, scenario and page is done.
        public var progress: BuildProgress.Handler?
        /// Takes each note's page as soon as it is rendered (a full build streams pages to
        /// disk); such pages are not in `Result.files`.
        public var pageSink: PageSpool?

        public init(includeDrafts: Bool = false, cache: (any ScenarioResultCache)? = nil, baseURL: String? = nil,
                    progress: BuildProgress.Handler? = nil, pageSink: PageSpool? = nil) {
            self.includeDrafts = includeDrafts
            self.cache = cache
            self.baseURL = baseURL
            self.progress = progress
            self.pageSink = pageSink
        }
    }

    /// What an incremental build knows from the last one.
    public struct Reuse: Sendable {
        /// The last build's manifest.
        public var manifest: BuildManifest
        /// Reads a note's bytes again (by site path): for a note that did not change but whose
        /// page must be rendered anew (a neighbour's title changed).
        public var read: @Sendable (String) -> [UInt8]?

        public init(manifest: BuildManifest, read: @escaping @Sendable (String) -> [UInt8]?) {
            self.manifest = manifest
            self.read = read
        }
    }

    /// Everything a run produced.
    public struct Result: Sendable {
        /// The files rendered in this run, sorted by path (empty when theme loading failed).
        /// An incremental run leaves out the pages it kept (`keptFiles`); a run with a page
        /// sink, the pages it handed to the sink.
        public var files: [OutputFile]
        /// Pages an incremental run did not render because they would not change: output
        /// path and the content hash of the file already in the output.
        public var keptFiles: [String: UInt64] = [:]
        /// Every diagnostic of every stage, sorted by file and position.
        public var diagnostics: [Diagnostic]
        /// The site's settings (notesim.yml with the command line's overrides).
        public var config: SiteConfig
        /// Notes rendered to pages.
        public var noteCount: Int
        /// Pages of the site (HTML files other than the sidebar page and 404.html).
        public var pageCount: Int
        /// Scenario blocks found in the notes.
        public var scenarioCount: Int
        /// Scenario blocks simulated in this run (the others came from the cache).
        public var scenariosSimulated: Int = 0
        /// Expectations checked against the simulator that held / did not hold.
        public var expectationsPassed: Int
        public var expectationsFailed: Int
        /// Notes parsed in this run (an incremental run parses only what changed).
        public var notesParsed: Int = 0
        /// The manifest that describes this run's output (files hashed as they will be written).
        public var manifest: BuildManifest?

        /// Whether any diagnostic is an error.
        public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
    }

    /// Runs stages 1–6 on the site in `siteDirectory`.
    public static func run(siteDirectory: String, fileSystem: any FileSystem, options: Options = Options()) -> Result {
        let loaded = LoadStage.load(siteDirectory: siteDirectory, fileSystem: fileSystem)
        return run(loaded: loaded, builtinTheme: BuiltinTheme.files, options: options)
    }

    /// Runs stages 2–6 on loaded input (pure: no I/O but the readers the load stage and
    /// `reuse` hand over, and the page sink).
    ///
    /// With `reuse`, notes whose bytes did not change are not parsed again: links are checked
    /// against their summaries from the manifest, their diagnostics and claim counts are
    /// taken from it, and their pages are kept unless something they show changed.
    public static func run(loaded: LoadStage.Output, builtinTheme: [String: [UInt8]], options: Options = Options(), reuse: Reuse? = nil) -> Result {
        var diagnostics = loaded.diagnostics

        var config = SiteConfig()
        if let file = loaded.config {
            let (parsed, problems) = SiteConfig.parse(file.text, path: file.path)
            config = parsed
            diagnostics += problems
        }
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        let globalKey = Self.globalKey(loaded: loaded, builtinTheme: builtinTheme, options: options)
        let previous = reuse.flatMap { $0.manifest.globalKey == globalKey ? $0.manifest : nil }

        // Which notes must be parsed: those whose bytes the last build did not see. The kept
        // notes' records start as the last manifest's (shared, not copied one by one).
        var clean = previous?.notes ?? [:]
        var keptCount = 0
        // Bytes nil: a note the load stage left to be read while parsing (`LoadStage.Output.unread`).
        var sources: [(path: String, bytes: [UInt8]?)] = []
        for path in loaded.unread {
            clean[path] = nil
            sources.append((path, nil))
        }
        for (path, bytes) in loaded.notes {
            if let record = clean[path], record.sourceHash == ContentHash.of(bytes) {
                if let stamp = loaded.stamps[path] { clean[path]?.stamp = stamp }
                keptCount += 1
            } else {
                clean[path] = nil
                sources.append((path, bytes))
            }
        }
        for (path, _) in loaded.unchanged {
            if clean[path] != nil {
                keptCount += 1
            } else if let bytes = reuse?.read(path) {
                sources.append((path, bytes))
            } else {
                diagnostics.append(.error("file.unreadable", path: path, at: nil, "cannot read the file: it disappeared while reading"))
            }
        }
        // Notes the last build had that are gone now.
        if clean.count > keptCount {
            let present = Set(loaded.unread + loaded.notes.map(\.path) + loaded.unchanged.map(\.path))
            clean = clean.filter { present.contains($0.key) }
        }

        // Stage 2, parse: each note on its own, on every core.
        let parsed = parse(sources, reader: loaded.reader, noteSize: config.limits.noteSize, progress: options.progress)
        var fresh: [String: (problems: [Diagnostic], hash: UInt64)] = [:]
        var freshNotes: [Note] = []
        var stamps = loaded.stamps
        for ((path, _), (note, problems, hash, stamp)) in zip(sources, parsed) {
            diagnostics += problems
            // A note that could not be read or was too large was not parsed (no hash).
            guard let hash else { continue }
            fresh[path] = (problems, hash)
            if let stamp { stamps[path] = stamp }
            if let note { freshNotes.append(note) }
        }
        // Links of kept notes give what they gave last time unless the notes they may point
        // at changed: the same notes, folders and files, and every changed note with the
        // same anchors, path and draft flag. Then only the changed notes' links are checked.
        let contentKey = Self.contentKey(loaded.contentFiles)
        let linksStable = previous.map { previous in
            // The same notes: kept ones come from the last manifest and changed ones must be
            // in it too, so counting suffices.
            previous.contentKey == contentKey
                && previous.notes.count == clean.count + freshNotes.count
                && freshNotes.allSatisfy { note in
                    guard let old = previous.notes[note.sourcePath]?.summary else { return false }
                    return old.anchors == note.anchorNames && old.frontMatter.draft == note.frontMatter.draft
                }
        } ?? false
        let allNotes = Self.merged(kept: ForkJoin.map(sortedRecords(clean, order: previous?.sortedNotePaths)) { $0.summary.note(withReferences: !linksStable) },
                                   fresh: freshNotes.sorted { $0.sourcePath < $1.sourcePath })
        var notes: [Note] = []
        var drafts: Set<String> = []
        for note in allNotes {
            if note.frontMatter.draft && !options.includeDrafts {
                drafts.insert(note.contentPath)
            } else {
                notes.append(note)
            }
        }
        // Notes by page path: the first of two notes that would become the same page.
        let notesByOutput = Dictionary(notes.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        if notesByOutput.count < notes.count { diagnostics += duplicateOutputs(notes) }

        // The navigation, and the sidebar list rendered from it on another thread while links
        // are checked (10,000 entries take a while; the list is kept while the navigation is
        // the same).
        let navigation = Navigation(notes: notes)
        let navigationKey = Self.navigationKey(navigation.entries)
        let (theme, themeProblems) = Theme.load(builtin: builtinTheme, overrides: loaded.templates)
        diagnostics += themeProblems
        var tocHasher = FNV1a()
        tocHasher.combine(String(globalKey) + " " + String(navigationKey))
        let tocKey = tocHasher.value
        let keptTOC = previous?.toc.flatMap { $0.key == tocKey ? $0.html : nil }
        let themed = theme.map { theme in
            (theme: theme, tocList: keptTOC.map { Background(ready: $0) } ?? Background { RenderStage.tocList(navigation, theme: theme) })
        }

        let linkResults = LinkCheckStage.checkEach(notes: notes, contentFiles: loaded.contentFiles, drafts: drafts,
                                                   only: linksStable ? Set(freshNotes.map(\.sourcePath)) : nil)
        var referencedFiles: Set<String> = []
        for result in linkResults.values {
            diagnostics += result.diagnostics
            referencedFiles.formUnion(result.referencedFiles)
        }
        // When only the changed notes were checked, the kept ones give what they gave last
        // time (a draft left out of the site was not checked: it recorded nothing).
        if linksStable {
            for record in clean.values {
                diagnostics += record.summary.linkDiagnostics
                referencedFiles.formUnion(record.summary.linkedFiles)
            }
        }

        // Which pages to render: new and changed notes, and kept notes whose page shows
        // something that changed (a neighbour's title, the list of notes on the home page).
        // Read-only copies for the workers (the dictionaries themselves are shared, not copied).
        let (keptRecords, parsedHashes) = (clean, fresh)
        let previousFiles = previous?.files ?? [:]
        // With the navigation of the last build (the sidebar's key says so; the key is also
        // the settings', and a kept note has its bytes), a kept note's render key is the one
        // recorded: nothing else goes into it.
        let sameNavigation = previous?.toc?.key == tocKey && notesByOutput.count == notes.count
        let keyed = ForkJoin.map(notes) { note -> (key: UInt64, changed: Bool, render: Bool) in
            let record = keptRecords[note.sourcePath]
            if sameNavigation, let record { return (record.renderKey, false, previousFiles[note.outputPath] == nil) }
            let key = Self.renderKey(note: note, sourceHash: record?.sourceHash ?? parsedHashes[note.sourcePath]?.hash ?? 0, globalKey: globalKey,
                                     navigation: navigation, notesByOutput: notesByOutput, navigationKey: navigationKey)
            let changed = record?.renderKey != key
            return (key, changed, changed || previousFiles[note.outputPath] == nil)
        }
        // Render keys that are not the recorded ones (every fresh note's, and kept notes' whose
        // neighbours or navigation changed), and the pages to render.
        var newKeys: [String: UInt64] = [:]
        var toRender: Set<String> = []
        for (note, (key, changed, render)) in zip(notes, keyed) {
            if changed { newKeys[note.sourcePath] = key }
            if render { toRender.insert(note.outputPath) }
        }
        // Kept notes that must be rendered after all are parsed again (their scenarios come
        // from the cache).
        var reparsed: [String: Note] = [:]
        let stale = notes.indices.filter { toRender.contains(notes[$0].outputPath) && clean[notes[$0].sourcePath] != nil }
        let staleNotes = stale.map { notes[$0].sourcePath }
        let reread = ForkJoin.map(staleNotes) { path in reuse?.read(path).flatMap { ParseStage.parse(sourcePath: path, bytes: $0).0 } }
        for (index, note) in zip(stale, reread) {
            guard let note else {
                diagnostics.append(.error("file.unreadable", path: notes[index].sourcePath, at: nil, "cannot read the file: it disappeared while reading"))
                continue
            }
            notes[index] = note
            reparsed[note.sourcePath] = note
        }

        // Stages 5 and 6 per note, on every core: its scenarios simulated, verified and
        // drawn, then its page rendered (and handed to the page sink, when there is one).
        var toc: (key: UInt64, html: String)?
        let frame = themed.map { theme, tocList in
            let tocHTML = tocList.value
            toc = (tocKey, tocHTML)
            var input = RenderStage.Input(config: config, notes: notes, theme: theme, referencedFiles: referencedFiles, cachedTOC: tocHTML)
            input.navigation = navigation
            input.notesByOutput = notesByOutput
            return RenderStage.frame(input)
        }
        // Notes parsed in this run have their scenarios run (from the cache when it has them).
        let parsedNow = Set(fresh.keys).union(reparsed.keys)
        let needsScenarios = { @Sendable (note: Note) in
            parsedNow.contains(note.sourcePath) && note.page.codeBlocks.contains(where: { $0.slot != nil })
        }
        let pages = frame == nil ? notes.filter(needsScenarios) : previous == nil ? notes : notes.filter { toRender.contains($0.outputPath) }
        let scenarioTotal = pages.reduce(0) { $0 + (needsScenarios($1) ? $1.page.codeBlocks.filter { $0.slot != nil }.count : 0) }
        let scenariosDone = SharedCounter()
        let pagesDone = SharedCounter()
        let siteLanguage = config.language
        let simulationLimits = config.limits.simulation
        let perPage = ForkJoin.map(pages) { note -> (scenarios: ScenarioStage.Output?, page: OutputFile?) in
            var result: ScenarioStage.Output?
            if needsScenarios(note) {
                result = ScenarioStage.run(note, language: note.frontMatter.lang ?? siteLanguage, cache: options.cache, limits: simulationLimits)
                options.progress?(BuildProgress(.scenarios, done: scenariosDone.add(result!.scenarios), total: scenarioTotal))
            }
            guard let frame else { return (result, nil) }
            var page: OutputFile? = RenderStage.page(note, figures: result?.figures ?? [:], frame: frame)
            result?.figures = [:]
            if let sink = options.pageSink, let file = page {
                sink.put(file)
                page = nil
            }
            options.progress?(BuildProgress(.pages, done: pagesDone.add(), total: pages.count))
            return (result, page)
        }
        var scenarioOutputs: [String: ScenarioStage.Output] = [:]
        var files: [OutputFile] = []
        var simulated = 0
        for (note, (result, page)) in zip(pages, perPage) {
            if let result {
                scenarioOutputs[note.sourcePath] = result
                simulated += result.simulated
            }
            if let page { files.append(page) }
        }
        var passed = 0
        var failed = 0
        var scenarios = 0
        // Kept notes report what they reported last time (diagnostics are sorted at the end).
        for record in clean.values {
            diagnostics += record.diagnostics
            scenarios += record.scenarios
            passed += record.passed
            failed += record.failed
        }
        for (path, result) in scenarioOutputs where clean[path] == nil {
            diagnostics += result.diagnostics
            scenarios += result.scenarios
            passed += result.passed
            failed += result.failed
        }
        var kept: [String: UInt64] = [:]
        if let frame {
            files += RenderStage.siteFiles(frame)
            files.sort { $0.path < $1.path }
            kept.reserveCapacity(notes.count - toRender.count)
            for note in notes where !toRender.contains(note.outputPath) {
                if let hash = previous?.files[note.outputPath] { kept[note.outputPath] = hash }
            }
        }

        // The manifest of this output.
        var manifest = BuildManifest(globalKey: globalKey, output: "")
        manifest.toc = toc
        manifest.contentKey = contentKey
        // Kept notes' records as they were (shared), with what changed assigned: an
        // unchanged record is written back as it was read.
        // `consume`: the kept records move into the manifest rather than being shared with
        // `clean`, so assigning below does not copy all ten thousand of them again.
        manifest.notes = consume clean
        // The last manifest's path order, which the encoder reuses when the paths are the same.
        manifest.sortedNotePaths = previous?.sortedNotePaths
        manifest.sortedFilePaths = previous?.sortedFilePaths
        for (path, key) in newKeys where manifest.notes[path] != nil { manifest.notes[path]?.renderKey = key }
        for (path, links) in linkResults where manifest.notes[path] != nil {
            manifest.notes[path]?.summary.linkDiagnostics = links.diagnostics
            manifest.notes[path]?.summary.linkedFiles = links.referencedFiles.sorted()
        }
        // Fresh notes' records are made on every core (the summaries of 10,000 notes: anchors,
        // references, sorted file links), then inserted.
        let (outputs, renderKeys, noteStamps) = (scenarioOutputs, newKeys, stamps)
        let records = ForkJoin.map(freshNotes) { note -> BuildManifest.NoteRecord? in
            guard let (problems, hash) = parsedHashes[note.sourcePath] else { return nil }
            let result = outputs[note.sourcePath]
            return BuildManifest.NoteRecord(
                stamp: noteStamps[note.sourcePath] ?? FileStamp(size: -1, modified: -1), sourceHash: hash,
                renderKey: renderKeys[note.sourcePath] ?? 0, summary: NoteSummary(note, links: linkResults[note.sourcePath] ?? LinkCheckStage.Output()),
                diagnostics: problems + (result?.diagnostics ?? []),
                scenarios: result?.scenarios ?? 0, passed: result?.passed ?? 0, failed: result?.failed ?? 0)
        }
        manifest.notes.reserveCapacity(manifest.notes.count + records.count)
        for (note, record) in zip(freshNotes, records) where record != nil { manifest.notes[note.sourcePath] = record }
        // Pages: every note's (each ends in .html) and the site's other HTML files, but not the
        // sidebar page or 404.html.
        let notPages = [RenderStage.tocPage, "404.html"]
        let pageCount = frame == nil ? 0 : notesByOutput.count - notPages.count { notesByOutput[$0] != nil }
            + files.count { file in file.path.hasSuffix(".html") && !notPages.contains(file.path) && notesByOutput[file.path] == nil }
        let noteCount = notes.count
        // The parsed notes are freed on another thread while the caller writes the manifest.
        DeferredRelease.drop((consume sources, consume parsed, consume allNotes, consume notes, consume freshNotes, consume notesByOutput,
                              consume pages, consume perPage, consume scenarioOutputs, consume linkResults, consume frame))
        return Result(
            files: files,
            keptFiles: kept,
            diagnostics: diagnostics.sorted(),
            config: config,
            noteCount: noteCount,
            pageCount: pageCount,
            scenarioCount: scenarios,
            scenariosSimulated: simulated,
            expectationsPassed: passed,
            expectationsFailed: failed,
            notesParsed: fresh.count,
            manifest: manifest
        )
    }

    /// What parsing one note gave: the note (nil when it could not be parsed), its problems,
    /// the hash of its bytes and the stamp taken as it was read (both nil when the note could
    /// not be read or was over the size limit: it was not parsed).
    private typealias Parsed = (note: Note?, problems: [Diagnostic], hash: UInt64?, stamp: FileStamp?)

    /// Parses each note on every core, reading it first when the load stage left it unread
    /// (nil bytes). Notes over the size limit are reported and left out (bounded memory and time).
    private static func parse(_ sources: [(path: String, bytes: [UInt8]?)], reader: @escaping LoadStage.NoteReader,
                              noteSize: Int, progress: BuildProgress.Handler?) -> [Parsed] {
        let parsedCount = SharedCounter()
        return ForkJoin.map(sources) { path, loadedBytes -> Parsed in
            defer { progress?(BuildProgress(.notes, done: parsedCount.add(), total: sources.count)) }
            var stamp: FileStamp?
            let bytes: [UInt8]
            if let loadedBytes {
                bytes = loadedBytes
            } else {
                switch reader(path) {
                case .success(let read): (bytes, stamp) = read
                case .failure(let diagnostic): return (nil, [diagnostic], nil, nil)
                }
            }
            guard bytes.count <= noteSize else {
                return (nil, [.error("file.too-large", path: path, at: nil,
                                     "the note is \(ByteCount.text(bytes.count)); the limit is \(ByteCount.text(noteSize))",
                                     hint: "split it into several notes, or raise limits.note-size in \(SiteConfig.fileName)")], nil, nil)
            }
            let (note, problems) = ParseStage.parse(sourcePath: path, bytes: bytes)
            return (note, problems, ContentHash.of(bytes), stamp)
        }
    }

    /// The records in path order: `order` (the last manifest's sorted paths) filtered to the
    /// records present, or sorted anew when a record is not in it.
    private static func sortedRecords(_ records: [String: BuildManifest.NoteRecord], order: [String]?) -> [BuildManifest.NoteRecord] {
        if let order, order.count >= records.count {
            let inOrder = order.compactMap { records[$0] }
            if inOrder.count == records.count { return inOrder }
        }
        return records.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Two lists of notes sorted by source path, merged into one.
    private static func merged(kept: [Note], fresh: [Note]) -> [Note] {
        guard !fresh.isEmpty else { return kept }
        var notes: [Note] = []
        notes.reserveCapacity(kept.count + fresh.count)
        var (keptIndex, freshIndex) = (0, 0)
        while keptIndex < kept.count || freshIndex < fresh.count {
            if freshIndex == fresh.count || (keptIndex < kept.count && kept[keptIndex].sourcePath < fresh[freshIndex].sourcePath) {
                notes.append(kept[keptIndex])
                keptIndex += 1
            } else {
                notes.append(fresh[freshIndex])
                freshIndex += 1
            }
        }
        return notes
    }

    /// Hash of everything every page depends on besides its own note.
    static func globalKey(loaded: LoadStage.Output, builtinTheme: [String: [UInt8]], options: Options) -> UInt64 {
        var hasher = FNV1a()
        func add(_ text: String) {
            hasher.combine(text)
            hasher.combine(byte: 0)
        }
        // The build of notesim itself: another build may render pages differently or record
        // them differently, so its output is rebuilt whole.
        add("notesim " + BuildIdentity.current)
        add(loaded.config?.text ?? "")
        for (path, bytes) in builtinTheme.sorted(by: { $0.key < $1.key }) {
            add(path)
            hasher.combine(bytes)
        }
        for (path, bytes) in loaded.templates.sorted(by: { $0.path < $1.path }) {
            add(path)
            hasher.combine(bytes)
        }
        add("drafts \(options.includeDrafts); base \(options.baseURL ?? "")")
        return hasher.value
    }

    /// Hash of the non-note files under content/ (what image and file links may name).
    static func contentKey(_ files: Set<String>) -> UInt64 {
        var hasher = FNV1a()
        for file in files.sorted() {
            hasher.combine(file)
            hasher.combine(byte: 0)
        }
        return hasher.value
    }

    /// Hash of the navigation tree (titles and paths): what the home page lists.
    static func navigationKey(_ entries: [Navigation.Entry]) -> UInt64 {
        var hasher = FNV1a()
        func add(_ entries: [Navigation.Entry]) {
            for entry in entries {
                hasher.combine(entry.title)
                hasher.combine(byte: 0)
                hasher.combine(entry.outputPath ?? "")
                hasher.combine(byte: 1)
                add(entry.children)
                hasher.combine(byte: 2)
            }
        }
        add(entries)
        return hasher.value
    }

    /// Hash of what one page shows: its note, its neighbours' titles, and the navigation
    /// (every page names the sidebar script, whose name carries a hash of the navigation;
    /// the home page also lists the notes). A body edit changes one page; a new note or a
    /// new title changes them all.
    static func renderKey(note: Note, sourceHash: UInt64, globalKey: UInt64, navigation: Navigation, notesByOutput: [String: Note], navigationKey: UInt64) -> UInt64 {
        var hasher = FNV1a()
        hasher.combine(globalKey)
        hasher.combine(sourceHash)
        hasher.combine(navigationKey)
        let (previous, next) = navigation.neighbours(of: note.outputPath)
        for part in [note.outputPath, previous ?? "", previous.flatMap { notesByOutput[$0]?.title } ?? "", next ?? "", next.flatMap { notesByOutput[$0]?.title } ?? ""] {
            hasher.combine(part)
            hasher.combine(byte: 0)
        }
        return hasher.value
    }

    /// Errors for two notes that would become the same page (`README.md` and `index.md`).
    private static func duplicateOutputs(_ notes: [Note]) -> [Diagnostic] {
        var seen: [String: Note] = [:]
        var diagnostics: [Diagnostic] = []
        for note in notes {
            if let first = seen[note.outputPath] {
                diagnostics.append(.error(
                    "site.duplicate-page", path: note.sourcePath, at: nil,
                    "this note and \(first.sourcePath) would both become \(note.outputPath)",
                    hint: "keep one of README.md and index.md in a folder"
                ))
            } else {
                seen[note.outputPath] = note
            }
        }
        return diagnostics
    }
}

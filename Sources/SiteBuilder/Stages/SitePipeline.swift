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
        /// Renders the notes' pages; `check` turns it off: it verifies every note (scenarios
        /// are still simulated, checked and drawn, so the cache serves the next build) but
        /// keeps no page, so its memory stays below a build's.
        public var renderPages: Bool
        /// Overrides `search` of notesim.yml (`build --no-search`).
        public var search: Bool?
        /// Highlights the code blocks of the pages rendered (one run per build for the blocks
        /// not in `highlightCache`); nil leaves code plain, with no warning.
        public var highlighter: (any Highlighter)?
        /// Where highlighted blocks are remembered between runs; nil to highlight every block.
        public var highlightCache: (any HighlightResultCache)?

        public init(
            includeDrafts: Bool = false, cache: (any ScenarioResultCache)? = nil, baseURL: String? = nil,
            progress: BuildProgress.Handler? = nil, pageSink: PageSpool? = nil, renderPages: Bool = true, search: Bool? = nil,
            highlighter: (any Highlighter)? = nil, highlightCache: (any HighlightResultCache)? = nil
        ) {
            self.highlighter = highlighter
            self.highlightCache = highlightCache
            self.includeDrafts = includeDrafts
            self.cache = cache
            self.baseURL = baseURL
            self.progress = progress
            self.pageSink = pageSink
            self.renderPages = renderPages
            self.search = search
        }
    }

    /// What an incremental build knows from the last one.
    public struct Reuse: Sendable {
        /// The last build's manifest.
        public var manifest: BuildManifest
        /// Reads a note's bytes again (by site path): for a note that did not change but whose
        /// page must be rendered anew (a neighbour's title changed).
        public var read: @Sendable (String) -> [UInt8]?
        /// Reads a file of the last build's output (by output path): the search index, which
        /// an edit patches.
        public var readOutput: (@Sendable (String) -> [UInt8]?)?
        /// Reads a file the last build kept in its state folder (by path there): the pages'
        /// texts, from which a patch counts an edited page's old terms.
        public var readState: (@Sendable (String) -> [UInt8]?)?

        public init(
            manifest: BuildManifest, read: @escaping @Sendable (String) -> [UInt8]?, readOutput: (@Sendable (String) -> [UInt8]?)? = nil,
            readState: (@Sendable (String) -> [UInt8]?)? = nil
        ) {
            self.manifest = manifest
            self.read = read
            self.readOutput = readOutput
            self.readState = readState
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
        /// Files for the build's state folder, written with the output: the pages' terms
        /// kept for the search index's patches (`KeptTerms`), by path in that folder.
        public var stateFiles: [OutputFile] = []
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
        /// Distinct code blocks the highlighter was run on in this run (the others came from
        /// its cache, or were not on a page rendered now).
        public var codeBlocksHighlighted: Int = 0
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
    /// The steps run over a `BuildPlan`: with `reuse`, notes whose bytes did not change are
    /// not parsed again, links are checked against their summaries from the manifest, their
    /// diagnostics and claim counts are taken from it, and their pages are kept unless
    /// something they show changed (`RenderPlan`).
    public static func run(loaded: LoadStage.Output, builtinTheme: [String: [UInt8]], options: Options = Options(), reuse: Reuse? = nil) -> Result {
        var diagnostics = loaded.diagnostics
        let config = settings(loaded, options: options, diagnostics: &diagnostics)
        let globalKey = Self.globalKey(loaded: loaded, builtinTheme: builtinTheme, options: options)
        var plan = BuildPlan(loaded: loaded, previous: reuse.flatMap { $0.manifest.globalKey == globalKey ? $0.manifest : nil }, reread: reuse?.read)
        diagnostics += plan.diagnostics
        // Stage 2, parse: each note on its own, on every core.
        let parsed = ParsedNotes(
            plan.sources, reader: loaded.reader, stamps: loaded.stamps, noteSize: config.limits.noteSize, language: config.language,
            prose: config.search && options.renderPages, progress: options.progress)
        diagnostics += parsed.diagnostics
        let fresh = parsed.notes.sorted { $0.sourcePath < $1.sourcePath }
        let contentKey = Self.contentKey(loaded.contentFiles)
        let linksStable = plan.linksStable(fresh: parsed.notes, contentKey: contentKey)
        var site = SiteNotes(kept: plan.keptNotes(withReferences: !linksStable), fresh: fresh, includeDrafts: options.includeDrafts)
        diagnostics += site.diagnostics
        let (theme, themeProblems) = Theme.load(builtin: builtinTheme, overrides: loaded.templates, unread: Self.unreadTemplates(loaded.diagnostics))
        diagnostics += themeProblems
        let sidebar = SidebarPlan(theme: theme, navigation: site.navigation, navigationKey: site.navigationKey, globalKey: globalKey, previous: plan.previous)
        // Stage 5 for links, while the sidebar list renders.
        let links = LinkResults(
            site: site, fresh: parsed.notes, leftOut: parsed.leftOut, contentFiles: loaded.contentFiles, stable: linksStable, kept: plan.kept)
        diagnostics += links.diagnostics
        diagnostics += OutputCollisions.check(notes: site.notes, byOutput: site.byOutput, referencedFiles: links.referencedFiles, config: config)
        let renderPlan = RenderPlan(site: site, plan: plan, parsed: parsed, globalKey: globalKey, tocKey: sidebar.key)
        let reparsed = reparseKeptPages(
            &site, toRender: renderPlan.toRender, kept: plan.kept, read: reuse?.read, language: config.language, prose: config.search && options.renderPages,
            diagnostics: &diagnostics)
        // Stages 5 and 6: the planned pages (only the notes with scenarios when there is no theme).
        let parsedNow = Set(parsed.hashes.keys).union(reparsed)
        let pages =
            sidebar.themed == nil
            ? site.notes.filter { RenderedPages.needsScenarios($0, parsedNow: parsedNow) }
            : renderPlan.pages(of: site.notes, full: plan.previous == nil)
        // The I/O edge between parse and render: code blocks from the cache or one highlighter run.
        let highlight = HighlightStep(
            pages: sidebar.themed == nil || !options.renderPages ? [] : pages, highlighter: options.highlighter, cache: options.highlightCache)
        diagnostics += highlight.diagnostics
        let rendered = RenderedPages(
            site: site, pages: pages, sidebar: sidebar, config: config, referencedFiles: links.referencedFiles,
            parsedNow: parsedNow, options: options, highlighted: highlight.blocks)
        if let cut = rendered.frame?.input.theme.cutWarning { diagnostics.append(cut) }
        let tally = ClaimTally(kept: plan.kept, fresh: rendered.scenarioOutputs)
        diagnostics += tally.diagnostics
        var keptFiles = rendered.frame == nil ? [:] : keptPages(site.notes, toRender: renderPlan.toRender, records: plan.kept, previous: plan.previous)
        var files = rendered.files
        var stateFiles: [OutputFile] = []
        // Not for `check` (no pages, so no index: without this every note was parsed again
        // to index it, doubling check's time and memory).
        if config.search, rendered.frame != nil, options.renderPages {
            options.progress?(BuildProgress(.search, done: 0, total: 1))
            let search = SearchFiles(notes: site.notes, fresh: rendered.searchDocuments, previous: plan.previous, reuse: reuse)
            files = (files + search.files).sorted { $0.path < $1.path }
            stateFiles = search.keptTerms
            keptFiles.merge(search.kept) { first, _ in first }
            options.progress?(BuildProgress(.search, done: 1, total: 1))
        } else if options.search == false, let previous = plan.previous, options.renderPages {
            keptFiles.merge(KeptSearchIndex.files(of: previous)) { first, _ in first }
        }
        let pageCount = rendered.frame == nil ? 0 : countPages(files: rendered.files, notesByOutput: site.byOutput)
        let noteCount = site.notes.count
        // Pages that show code plain because the highlighter failed must not be kept by the
        // next build: its manifest gets a key no build computes, so that build is whole.
        let manifest = BuildManifest.assemble(
            globalKey: highlight.diagnostics.isEmpty ? globalKey : ~globalKey, contentKey: contentKey, toc: rendered.toc, previous: plan.previous,
            kept: plan.takeKept(), renderKeys: renderPlan.newKeys, links: links.perNote, fresh: parsed.notes,
            parsed: parsed, scenarios: rendered.scenarioOutputs)
        let simulated = rendered.simulated
        // The parsed notes are freed on another thread while the caller writes the manifest.
        DeferredRelease.drop((consume plan, consume site, consume pages, consume links, consume fresh, consume rendered))
        return Result(
            files: files, keptFiles: keptFiles, stateFiles: stateFiles, diagnostics: diagnostics.sorted(), config: config, noteCount: noteCount,
            pageCount: pageCount, scenarioCount: tally.scenarios, scenariosSimulated: simulated,
            expectationsPassed: tally.passed, expectationsFailed: tally.failed, notesParsed: parsed.hashes.count,
            codeBlocksHighlighted: highlight.highlighted, manifest: manifest)
    }

    /// notesim.yml with the command line's overrides.
    private static func settings(_ loaded: LoadStage.Output, options: Options, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        if let file = loaded.config {
            let (parsed, problems) = SiteConfig.parse(file.text, path: file.path)
            config = parsed
            diagnostics += problems
        }
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        if let search = options.search { config.search = search }
        return config
    }

    /// Kept notes that must be rendered after all are parsed again, on every core (their
    /// scenarios come from the cache); returns their source paths.
    private static func reparseKeptPages(
        _ site: inout SiteNotes, toRender: Set<String>, kept: [String: BuildManifest.NoteRecord],
        read: (@Sendable (String) -> [UInt8]?)?, language: String, prose: Bool, diagnostics: inout [Diagnostic]
    ) -> Set<String> {
        let stale = site.notes.indices.filter { toRender.contains(site.notes[$0].outputPath) && kept[site.notes[$0].sourcePath] != nil }
        let reread = ForkJoin.map(stale.map { site.notes[$0].sourcePath }) { path in
            read?(path).flatMap { ParseStage.parse(sourcePath: path, bytes: $0, language: language, prose: prose).0 }
        }
        var reparsed: Set<String> = []
        for (index, note) in zip(stale, reread) {
            guard let note else {
                diagnostics.append(.error("file.unreadable", path: site.notes[index].sourcePath, at: nil, "cannot read the file: it disappeared while reading"))
                continue
            }
            site.notes[index] = note
            reparsed.insert(note.sourcePath)
        }
        return reparsed
    }

    /// Pages an incremental run kept: output path and the hash of the file already there.
    private static func keptPages(
        _ notes: [Note], toRender: Set<String>, records: [String: BuildManifest.NoteRecord], previous: BuildManifest?
    ) -> [String: UInt64] {
        var kept: [String: UInt64] = [:]
        kept.reserveCapacity(notes.count - toRender.count)
        for note in notes where !toRender.contains(note.outputPath) {
            if let hash = previous?.files[note.outputPath] { kept[note.outputPath] = hash }
            // Its event log page, written with the page when it was last rendered.
            if records[note.sourcePath]?.scenarios ?? 0 > 0 {
                let log = ScenarioLog.path(of: note.outputPath)
                if let hash = previous?.files[log] { kept[log] = hash }
            }
        }
        return kept
    }

    /// Pages: every note's (each ends in .html) and the site's other HTML files, but not the
    /// sidebar page, 404.html or the notes' event-log pages (which a full build streams out
    /// rather than returning in `files`: counted here, an edit's build counted them and the
    /// full build did not).
    private static func countPages(files: [OutputFile], notesByOutput: [String: Note]) -> Int {
        let notPages = [RenderStage.tocPage, "404.html"]
        return notesByOutput.count - notPages.count { notesByOutput[$0] != nil }
            + files.count { file in
                file.path.hasSuffix(".html") && !notPages.contains(file.path) && notesByOutput[file.path] == nil && !ScenarioLog.isLogPath(file.path)
            }
    }
}

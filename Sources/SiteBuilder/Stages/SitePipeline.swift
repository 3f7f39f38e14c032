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

        public init(includeDrafts: Bool = false, cache: (any ScenarioResultCache)? = nil, baseURL: String? = nil, progress: BuildProgress.Handler? = nil) {
            self.includeDrafts = includeDrafts
            self.cache = cache
            self.baseURL = baseURL
            self.progress = progress
        }
    }

    /// Everything a run produced.
    public struct Result: Sendable {
        /// The site's files, sorted by path (empty when theme loading failed).
        public var files: [OutputFile]
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

        /// Whether any diagnostic is an error.
        public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
    }

    /// Runs stages 1–6 on the site in `siteDirectory`.
    public static func run(siteDirectory: String, fileSystem: any FileSystem, options: Options = Options()) -> Result {
        let loaded = LoadStage.load(siteDirectory: siteDirectory, fileSystem: fileSystem)
        return run(loaded: loaded, builtinTheme: BuiltinTheme.files, options: options)
    }

    /// Runs stages 2–6 on loaded input (pure: no I/O).
    public static func run(loaded: LoadStage.Output, builtinTheme: [String: [UInt8]], options: Options = Options()) -> Result {
        var diagnostics = loaded.diagnostics

        var config = SiteConfig()
        if let file = loaded.config {
            let (parsed, problems) = SiteConfig.parse(file.text, path: file.path)
            config = parsed
            diagnostics += problems
        }
        if let baseURL = options.baseURL { config.baseURL = baseURL }

        // Stage 2, parse: each note on its own, on every core.
        let parsedCount = SharedCounter()
        let parsed = ForkJoin.map(loaded.notes) { path, bytes in
            defer { options.progress?(BuildProgress(.notes, done: parsedCount.add(), total: loaded.notes.count)) }
            return ParseStage.parse(sourcePath: path, bytes: bytes)
        }
        var notes: [Note] = []
        var drafts: Set<String> = []
        for (note, problems) in parsed {
            diagnostics += problems
            guard let note else { continue }
            if note.frontMatter.draft && !options.includeDrafts {
                drafts.insert(note.contentPath)
            } else {
                notes.append(note)
            }
        }
        diagnostics += duplicateOutputs(notes)

        let links = LinkCheckStage.check(notes: notes, contentFiles: loaded.contentFiles, drafts: drafts)
        diagnostics += links.diagnostics

        // Stage 5, scenarios: every note's blocks simulated, verified and drawn, on every core.
        var slotHTML: [String: [Int: String]] = [:]
        var passed = 0
        var failed = 0
        var scenarios = 0
        var simulated = 0
        let withScenarios = notes.filter { $0.page.codeBlocks.contains(where: { $0.slot != nil }) }
        let scenarioTotal = withScenarios.reduce(0) { $0 + $1.page.codeBlocks.filter { $0.slot != nil }.count }
        let scenariosDone = SharedCounter()
        let siteLanguage = config.language
        let results = ForkJoin.map(withScenarios) { note in
            let result = ScenarioStage.run(note, language: note.frontMatter.lang ?? siteLanguage, cache: options.cache)
            options.progress?(BuildProgress(.scenarios, done: scenariosDone.add(result.scenarios), total: scenarioTotal))
            return result
        }
        for (note, result) in zip(withScenarios, results) {
            simulated += result.simulated
            diagnostics += result.diagnostics
            slotHTML[note.sourcePath] = result.figures
            passed += result.passed
            failed += result.failed
            scenarios += result.scenarios
        }

        let (theme, themeProblems) = Theme.load(builtin: builtinTheme, overrides: loaded.templates)
        diagnostics += themeProblems
        var files: [OutputFile] = []
        if let theme {
            files = RenderStage.render(RenderStage.Input(config: config, notes: notes, theme: theme, referencedFiles: links.referencedFiles, slotHTML: slotHTML),
                                       progress: options.progress)
        }
        return Result(
            files: files,
            diagnostics: diagnostics.sorted(),
            config: config,
            noteCount: notes.count,
            pageCount: files.filter { Path.fileExtension(of: $0.path) == "html" && $0.path != RenderStage.tocPage && $0.path != "404.html" }.count,
            scenarioCount: scenarios,
            scenariosSimulated: simulated,
            expectationsPassed: passed,
            expectationsFailed: failed
        )
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

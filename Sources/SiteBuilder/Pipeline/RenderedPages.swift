import LambdaSimulator
import NotesCore
import SearchIndex

/// Stages 5 and 6 per note, on every core: its scenarios simulated, verified and drawn, then
/// its page rendered (and handed to the page sink, when there is one).
struct RenderedPages {
    /// What each note's scenarios gave, for the notes parsed in this run.
    var scenarioOutputs: [String: ScenarioStage.Output] = [:]
    /// The pages rendered and not handed to the sink, then the site's other files, by path.
    var files: [OutputFile] = []
    /// Scenarios simulated in this run (the rest came from the cache).
    var simulated = 0
    /// The search documents of the pages rendered in this run, by page path (when the site
    /// has search): counted on the core that parsed the note (`Note.withSearchTerms`).
    var searchDocuments: [String: CountedDocument] = [:]
    /// The sidebar list the pages name, with its key.
    var toc: (key: UInt64, html: String)?
    /// What every page shares; nil when the theme failed to load (nothing is rendered).
    let frame: RenderStage.Frame?

    /// Runs the scenarios of the notes parsed in this run (`parsedNow`; from the cache when it
    /// has them) and renders the planned pages, with the code blocks `highlighted` has (by
    /// note source path and code slot; `HighlightStep`).
    init(
        site: SiteNotes, pages: [Note], sidebar: SidebarPlan, config: SiteConfig, referencedFiles: Set<String>,
        parsedNow: Set<String>, options: SitePipeline.Options, highlighted: [String: [Int: [UInt8]]] = [:]
    ) {
        var toc: (key: UInt64, html: String)?
        frame = sidebar.themed.map { theme, tocList in
            let tocHTML = tocList.value
            toc = (sidebar.key, tocHTML)
            var input = RenderStage.Input(config: config, notes: site.notes, theme: theme, referencedFiles: referencedFiles, cachedTOC: tocHTML)
            input.navigation = site.navigation
            input.notesByOutput = site.byOutput
            return RenderStage.frame(input)
        }
        self.toc = toc
        let perPage = Self.render(pages, frame: frame, config: config, parsedNow: parsedNow, options: options, highlighted: highlighted)
        for (note, (result, written, document)) in zip(pages, perPage) {
            if let document { searchDocuments[note.outputPath] = document }
            if let result {
                scenarioOutputs[note.sourcePath] = result
                simulated += result.simulated
            }
            files += written
        }
        if let frame {
            files += RenderStage.siteFiles(frame)
            files.sort { $0.path < $1.path }
        }
    }

    /// Whether a note's scenarios run in this build: it was parsed now and has some.
    static func needsScenarios(_ note: Note, parsedNow: Set<String>) -> Bool {
        parsedNow.contains(note.sourcePath) && note.page.codeBlocks.contains(where: { $0.slot != nil })
    }

    /// Each page's scenarios, page and event log pages, on every core, with progress reports.
    private static func render(
        _ pages: [Note], frame: RenderStage.Frame?, config: SiteConfig, parsedNow: Set<String>,
        options: SitePipeline.Options, highlighted: [String: [Int: [UInt8]]]
    ) -> [(scenarios: ScenarioStage.Output?, files: [OutputFile], search: CountedDocument?)] {
        let scenarioTotal = pages.reduce(0) { $0 + (needsScenarios($1, parsedNow: parsedNow) ? $1.page.codeBlocks.count { $0.slot != nil } : 0) }
        let scenariosDone = SharedCounter()
        let pagesDone = SharedCounter()
        let siteLanguage = config.language
        let simulationLimits = config.limits.simulation
        let search = config.search
        return ForkJoin.map(pages) { note -> (scenarios: ScenarioStage.Output?, files: [OutputFile], search: CountedDocument?) in
            var result: ScenarioStage.Output?
            if needsScenarios(note, parsedNow: parsedNow) {
                // No figures when no page is written and nothing is cached (`check --no-cache`):
                // they would be drawn only to be dropped below (half of what such a `check` did
                // on heavy notes). With a cache they are drawn, for the build that reuses them.
                let drawsFigures = options.renderPages || options.cache != nil
                result = ScenarioStage.run(
                    note, language: note.frontMatter.lang ?? siteLanguage, theme: drawsFigures ? frame?.input.theme : nil,
                    cache: options.cache, limits: simulationLimits)
                options.progress?(BuildProgress(.scenarios, done: scenariosDone.add(result!.scenarios), total: scenarioTotal))
            }
            guard let frame, options.renderPages else {
                result?.figures = [:]
                result?.logs = [:]
                return (result, [], nil)
            }
            var written = [RenderStage.page(note, figures: result?.figures ?? [:], code: highlighted[note.sourcePath] ?? [:], frame: frame)]
            if let logs = result?.logs, !logs.isEmpty {
                let sorted = logs.sorted { $0.key < $1.key }.map { (slot: $0.key, log: $0.value) }
                written.append(RenderStage.logPage(sorted, note: note, frame: frame))
            }
            result?.figures = [:]
            result?.logs = [:]
            if let sink = options.pageSink {
                for file in written { sink.put(file) }
                written = []
            }
            options.progress?(BuildProgress(.pages, done: pagesDone.add(), total: pages.count))
            return (result, written, search ? note.countedTerms : nil)
        }
    }
}

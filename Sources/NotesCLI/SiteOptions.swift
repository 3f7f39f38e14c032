import ArgumentParser
import NotesCore
import SiteBuilder

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site directory, holding content/, optional templates/ and notesim.yml.")
    var siteDirectory: String = "."

    @Flag(help: "Also build notes marked 'draft: true' in their front matter.")
    var drafts = false

    @Flag(help: "Simulate every scenario and highlight every code block again instead of reusing results from .notesim-cache/.")
    var noCache = false

    @Option(help: "Where the site will be published (overrides base-url in notesim.yml), e.g. https://example.org/notes/.")
    var baseURL: String?

    /// Refuses a site folder that does not exist (`SiteFolder`), and a `--base-url` that is
    /// no web address, as `base-url` in notesim.yml is refused: it would become every sitemap
    /// `<loc>`.
    func validate() throws {
        try SiteFolder.validate(siteDirectory)
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL, name: "--base-url", shown: TerminalText.escaped(baseURL)) {
            throw ValidationError(problem)
        }
    }

    /// The pipeline options these flags ask for. The caches write only when a scenario or a
    /// code block is new, so a site without content/ gets no cache folder.
    func pipelineOptions(fileSystem: any FileSystem) -> SitePipeline.Options {
        let cache = noCache ? nil : FileScenarioCache(siteDirectory: siteDirectory, fileSystem: fileSystem)
        let highlightCache = noCache ? nil : FileHighlightCache(siteDirectory: siteDirectory, fileSystem: fileSystem)
        return SitePipeline.Options(
            includeDrafts: drafts, cache: cache, baseURL: baseURL, highlighter: PygmentsHighlighter.standard(), highlightCache: highlightCache)
    }

    /// A site-relative path as the user should see it (relative to where they ran notesim).
    func displayPath(_ path: String) -> String {
        siteDirectory == "." ? path : (siteDirectory.hasSuffix("/") ? siteDirectory + path : siteDirectory + "/" + path)
    }

    /// A diagnostic with its path made relative to the working directory.
    func displayed(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        if !copy.path.hasPrefix("/") { copy.path = displayPath(copy.path) }
        return copy
    }
}

import ArgumentParser
import NotesCore
import SearchIndex
import SiteBuilder

/// `notesim build`: content/ + templates/ -> the output directory, atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output directory (default: SITE_DIRECTORY/public).",
        discussion: """
            Exit status 0 when the site was written, 1 when any error was found (the previous \
            output is then left untouched), 2 for a wrong command line.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: SITE_DIRECTORY/public).")
    var output: String?

    @Flag(help: "Write the site even when a note has errors; failed claims show on their pages. The exit status is still 1.")
    var keepGoing = false

    @Flag(help: "Do not index for search this time; pages then have no search box, and an earlier build's index is kept as it was.")
    var noSearch = false

    @Flag(name: .shortAndLong, help: "Print nothing but problems.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print what each stage did.")
    var verbose = false

    /// Refuses `--quiet` with `--verbose` (exit 2), which the usage line gives as one or the
    /// other, and an empty `--output` (it named no folder, and the staging folder was left in
    /// the working directory).
    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together: choose one") }
        if output?.isEmpty == true { throw ValidationError("--output is empty: name the folder to write the site to, such as public") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let fileSystem = LocalFileSystem()
        let outputDirectory = output.map(Path.trimmingTrailingSlashes) ?? (site.siteDirectory == "." ? "public" : Path.join(site.siteDirectory, "public"))

        let lock: (any FileLock)?
        do {
            let cache = Path.join(site.siteDirectory, ".notesim-cache")
            if fileSystem.kind(of: Path.join(site.siteDirectory, LoadStage.contentFolder)) == .directory {
                try fileSystem.createDirectory(cache)
                lock = try fileSystem.lock(Path.join(cache, "lock"))
            } else {
                lock = nil
            }
        } catch {
            throw Console.failure("output.lock", path: site.displayPath(".notesim-cache/lock"), "cannot take the build lock: \(error)")
        }
        defer { lock?.unlock() }
        let outputLock: (any FileLock)?
        do {
            outputLock = try SiteBuild.lockOutput(outputDirectory, fileSystem: fileSystem)
        } catch {
            Console.error("\(outputDirectory): error: cannot take the output's lock: \(error) [output.lock]")
            throw ExitCode(ExitStatus.failure)
        }
        defer { outputLock?.unlock() }

        // Live progress on a terminal (never with --quiet); the summary line otherwise.
        let progress = quiet ? nil : ProgressLine.forStandardError()
        var options = site.pipelineOptions(fileSystem: fileSystem)
        if noSearch { options.search = false }
        if let progress { options.progress = { progress.update($0) } }
        let outputExisted = fileSystem.kind(of: outputDirectory) != nil
        var report = SiteBuild.run(
            siteDirectory: site.siteDirectory, output: outputDirectory, fileSystem: fileSystem, options: options,
            writeWithErrors: keepGoing, incremental: !site.noCache)
        // Not needed here: the manifest (a record per note; freeing a large site's takes
        // milliseconds) is freed on another thread while the summary is printed and the process exits.
        DeferredRelease.drop(report.manifest.take())
        let result = report.result
        let searched = result.config.search ? result.noteCount : nil
        var diagnostics = result.diagnostics.map(site.displayed)
        if let error = report.writeError { diagnostics.append(error) }
        progress?.finish()
        Console.report(diagnostics)
        let elapsed = Console.seconds(clock.now - start)
        if verbose {
            Console.out("load+parse: \(Console.plural(result.noteCount, "note"))")
            Console.out(
                "scenarios: \(result.scenarioCount) (\(result.scenariosSimulated) simulated, \(result.scenarioCount - result.scenariosSimulated) from the cache), claims: \(result.expectationsPassed) passed, \(result.expectationsFailed) failed"
            )
            Console.out("parse: \(result.notesParsed) of \(Console.plural(result.noteCount, "note")) parsed (the others unchanged)")
            Console.out(
                "render: \(Console.plural(result.files.count, "file")) rendered, \(result.keptFiles.count) pages kept; \(Console.plural(result.pageCount, "page"))"
            )
            Console.out(
                "write: \(report.written) written, \(report.deleted) deleted, \(report.unchanged) unchanged\(report.incremental ? " (updated in place)" : "")")
            if let searched { Console.out("search: \(Console.plural(searched, "page")) in \(Self.folderText(outputDirectory))\(IndexLayout.folder)/") }
        }
        if diagnostics.contains(where: \.isError) {
            if keepGoing, !result.files.isEmpty, !diagnostics.contains(where: { $0.id.hasPrefix("output.") }) {
                Console.out(
                    "Built \(result.pageCount) pages with errors (\(Console.counts(diagnostics)); --keep-going): \(result.expectationsPassed) passed, \(result.expectationsFailed) failed. \(Console.seconds(clock.now - start))"
                )
                throw ExitCode(ExitStatus.failure)
            }
            Console.out(
                Self.failureSummary(
                    Console.counts(diagnostics), output: outputDirectory, existed: outputExisted, partly: report.partlyUpdated, elapsed: elapsed))
            throw ExitCode(ExitStatus.failure)
        }
        if quiet { return }
        Console.out(
            "Built \(Console.plural(result.pageCount, "page")) from \(Console.plural(result.noteCount, "note")) (\(Console.plural(result.scenarioCount, "scenario"))\(result.scenarioCount > result.scenariosSimulated ? ", \(result.scenarioCount - result.scenariosSimulated) from cache" : ""), \(Console.plural(result.expectationsPassed, "claim")) verified) into \(Self.folderText(outputDirectory)) in \(elapsed)\(searched.map { ", \($0) indexed for search" } ?? "")\(report.searchIndexKept ? "; the search index of an earlier build was kept, not updated" : "")"
        )
    }

    /// The last line of a failed build: what became of the output folder.
    ///
    /// Said truly every way: an earlier site is left as it was; when there was none (the
    /// first build), nothing was written at all; and an update in place that failed midway
    /// (`partly`) may have changed some files, which the next build rewrites whole.
    static func failureSummary(_ counts: String, output: String, existed: Bool, partly: Bool = false, elapsed: String) -> String {
        let outcome =
            partly
            ? "\(folderText(output)) is partly updated; the next build rewrites it whole"
            : existed ? "\(folderText(output)) was left unchanged" : "nothing was written (\(folderText(output)) does not exist yet)"
        return "Build failed (\(counts)); \(outcome). \(elapsed)"
    }

    /// An output folder as the summaries show it, ending in one `/` (`public/`; `/` itself).
    static func folderText(_ path: String) -> String {
        path.hasSuffix("/") ? path : path + "/"
    }
}

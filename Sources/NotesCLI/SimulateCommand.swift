import ArgumentParser
import Foundation
import LambdaSimulator
import NotesCore
import ScenarioKit
import SiteBuilder
import TimelineRender

/// `notesim simulate`: runs one scenario and prints its trace.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate one scenario: NOTE.md#N (the Nth scenario block of a note, from 1) or a YAML file.",
        discussion: "json is the versioned trace format documented in the guide; svg is the timeline figure; text is a readable trace dump."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, svg, text
    }

    @Argument(help: "NOTE.md#N or FILE.yml")
    var scenario: String

    @Option(help: "json, svg or text.")
    var format: Format = .text

    @Option(help: "Label language for svg (ja or en); by default the note's lang, else its site's notesim.yml language, else ja.")
    var language: String?

    func validate() throws {
        if let language, !SiteConfig.languages.contains(language) {
            throw ValidationError("--language is \(SiteConfig.languages.joined(separator: " or ")), not '\(TerminalText.escaped(language))'")
        }
    }

    func run() throws {
        let (file, block) = Self.split(scenario)
        let fileSystem = LocalFileSystem()
        if block == nil, let hash = scenario.lastIndex(of: "#"), Self.isNote(String(scenario[..<hash])), fileSystem.kind(of: scenario) == nil {
            throw Console.failure(
                "simulate.no-block", path: String(scenario[..<hash]),
                "'\(TerminalText.escaped(String(scenario[scenario.index(after: hash)...])))' is not a block number: name a scenario block as NOTE.md#N, N from 1"
            )
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(file)
        } catch {
            throw Console.failure("file.unreadable", path: file, "cannot read the file: \(error)")
        }
        let yaml: String
        var firstLine = 1
        var columnOffset = 0
        var noteLanguage: String?
        if block == nil, Self.isNote(file) { throw Self.askForBlock(file, bytes: bytes) }
        if let block {
            let (note, problems) = Self.parseNote(file, bytes: bytes)
            Console.report(problems.filter(\.isError))
            let scenarios = note?.page.codeBlocks.filter { $0.slot != nil } ?? []
            guard block >= 1, block <= scenarios.count else {
                throw Console.failure(
                    "simulate.no-block", path: file, "the note has \(scenarios.count) scenario block\(scenarios.count == 1 ? "" : "s"); there is no #\(block)")
            }
            let chosen = scenarios[block - 1]
            noteLanguage = note?.frontMatter.lang
            yaml = chosen.literal
            firstLine = chosen.contentStartLine
            columnOffset = chosen.position.column - 1
        } else {
            yaml = String(decoding: bytes, as: UTF8.self)
        }
        // The site's limits, as `build` and `check` run the block: one that builds simulates.
        let (site, settingsProblems) = Self.siteConfig(around: file, fileSystem: fileSystem)
        // A broken notesim.yml fails `build`, so it fails `simulate` too, instead of running
        // with limits the site does not have.
        Console.report(settingsProblems)
        if settingsProblems.contains(where: \.isError) { throw ExitCode(ExitStatus.failure) }
        // The figure is the page's (its first 2,000 entries); the text and JSON traces are the
        // whole run, as the event log's page promises ("notesim simulate prints them all").
        let run = ScenarioRunner.run(
            yaml, path: file, firstLine: firstLine, columnOffset: columnOffset, limits: site.limits.simulation,
            keeping: format == .svg ? ScenarioRunner.detailLimit : .max)
        // The labels' language when neither `--language` nor the block's `show` names one.
        let pageLanguage = format == .svg ? noteLanguage ?? site.language : "ja"
        try print(run, format: format, pageLanguage: pageLanguage)
    }

    /// The settings of the nearest notesim.yml in the folders above `file` and their problems,
    /// else the defaults (a site without one): the block then runs within the site's limits,
    /// and the figure has the labels the site's page shows.
    static func siteConfig(around file: String, fileSystem: LocalFileSystem) -> (SiteConfig, [Diagnostic]) {
        var folder = Path.directory(of: fileSystem.canonicalPath(file) ?? file)
        while !folder.isEmpty {
            let settings = Path.join(folder, "notesim.yml")
            if fileSystem.kind(of: settings) == .file, let bytes = try? fileSystem.readFile(settings) {
                return SiteConfig.parse(String(decoding: bytes, as: UTF8.self), path: settings)
            }
            folder = Path.directory(of: folder)
        }
        return (SiteConfig(), [])
    }

    /// Prints what the run gave in the chosen format; exits 1 when a claim fails or the block
    /// could not run, exactly as `check` counts it.
    private func print(_ run: ScenarioRun, format: Format, pageLanguage: String) throws {
        let problems = run.diagnostics.filter { diagnostic in !run.verdicts.contains { $0.diagnostic == diagnostic } }
        Console.report(problems)
        switch (run.status, format) {
        case (.simulated(let trace), .json):
            FileHandle.standardOutput.write(Data(trace.json.utf8))
        case (.simulated(let trace), .svg):
            let document = run.document
            let options = TimelineOptions(
                language: language ?? document?.language ?? pageLanguage, idPrefix: "scenario", linearAxis: document?.linearAxis ?? false,
                title: document?.title ?? "")
            FileHandle.standardOutput.write(Data(TimelineRenderer.svg(trace, options: options).utf8))
        case (.simulated(let trace), .text):
            FileHandle.standardOutput.write(Data(trace.dump.utf8))
        case (.rejected, _), (.broken, _), (.stopped, _):
            break
        }
        for verdict in run.verdicts {
            let line = "\(verdict.passed ? "✓" : "✗") \(verdict.key): \(verdict.summary)"
            // json and svg keep stdout for the document; the verdicts go to stderr there.
            if format == .text {
                Console.out(Console.verdict(line, passed: verdict.passed, colored: Console.colorsOutput))
            } else {
                Console.error(Console.verdict(line, passed: verdict.passed, colored: Console.colorsErrors))
            }
        }
        if run.diagnostics.contains(where: \.isError) || run.failed > 0 { throw ExitCode(ExitStatus.failure) }
    }

    /// Parses the note at `file` (as given on the command line) the way a build parses it,
    /// with its problems reported at `file`: the parser takes a path under `content/`, and
    /// front-matter errors came out as `content/content/a.md`.
    static func parseNote(_ file: String, bytes: [UInt8]) -> (Note?, [Diagnostic]) {
        let sourcePath = "content/" + file
        var (note, problems) = ParseStage.parse(sourcePath: sourcePath, bytes: bytes)
        for index in problems.indices where problems[index].path == sourcePath { problems[index].path = file }
        return (note, problems)
    }

    /// Whether a path names a Markdown note rather than a YAML file.
    static func isNote(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")
    }

    /// A note named without `#N`: which of its blocks to run, listed with line and title
    /// (a note is not one YAML document, and reading it as one only confused).
    static func askForBlock(_ file: String, bytes: [UInt8]) -> ExitCode {
        let (note, _) = parseNote(file, bytes: bytes)
        let blocks = note?.page.codeBlocks.filter { $0.slot != nil } ?? []
        guard !blocks.isEmpty else {
            return Console.failure("simulate.no-block", path: file, "the note has no scenario block (a fenced block whose info string is 'scenario')")
        }
        let exit = Console.failure(
            "simulate.no-block", path: file, "name one of the note's \(blocks.count) scenario blocks: \(file)#N",
            hint: "for example: notesim simulate \(file)#1")
        for (index, block) in blocks.enumerated() {
            let title = ScenarioParser.title(of: block.literal) ?? ""
            Console.error("  #\(index + 1)  line \(block.position.line)  \(TerminalText.escaped(title.isEmpty ? "(no title)" : title))")
        }
        return exit
    }

    /// `note.md#2` -> ("note.md", 2); `file.yml` -> ("file.yml", nil).
    static func split(_ argument: String) -> (String, Int?) {
        guard let hash = argument.lastIndex(of: "#"), let number = Int(argument[argument.index(after: hash)...]) else {
            return (argument, nil)
        }
        return (String(argument[..<hash]), number)
    }
}

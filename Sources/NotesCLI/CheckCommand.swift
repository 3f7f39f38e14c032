import ArgumentParser
import Foundation
import NotesCore
import SiteBuilder

/// `notesim check`: everything `build` verifies, writing no site files.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every note (links, anchors, images, front matter, scenarios) without writing the site.",
        discussion: """
            The last line is 'N passed, N failed', counting scenario expectations (with --format \
            json, stdout is one JSON document holding the same counts; with --quiet, only problems are printed). Exit status 0 \
            only when every expectation holds and there is no error, 1 otherwise, 2 for a wrong \
            command line.
            """
    )

    /// How diagnostics are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, github, json
    }

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print diagnostics: text (compiler-style), github (workflow annotations) or json.")
    var format: Format = .text

    @Flag(name: .shortAndLong, help: "Print nothing but problems: no progress and no summary line (json is printed whole).")
    var quiet = false

    func run() throws {
        let fileSystem = LocalFileSystem()
        // Live progress on a terminal for the human-readable format only.
        let progress = format == .text && !quiet ? ProgressLine.forStandardError() : nil
        var options = site.pipelineOptions(fileSystem: fileSystem)
        options.renderPages = false
        if let progress { options.progress = { progress.update($0) } }
        let result = SitePipeline.run(siteDirectory: site.siteDirectory, fileSystem: fileSystem, options: options)
        progress?.finish()
        let diagnostics = result.diagnostics.map(site.displayed)
        let summary = Self.summary(diagnostics, result: result)
        switch format {
        case .text:
            Console.report(diagnostics)
            if !quiet { Console.out(summary) }
        case .github:
            for diagnostic in diagnostics { Console.out(diagnostic.githubAnnotation) }
            if !quiet { Console.out(summary) }
        case .json:
            // One JSON document and nothing else on stdout: the counts are inside it.
            Console.out(Self.json(diagnostics, result: result))
        }
        if result.hasErrors || result.expectationsFailed > 0 { throw ExitCode(ExitStatus.failure) }
    }

    /// The closing lines: `N passed, N failed` (the claims), after a line counting the other
    /// errors when there are any, since a broken link or a bad setting fails the check too
    /// and `0 passed, 0 failed` alone read like success.
    static func summary(_ diagnostics: [Diagnostic], result: SitePipeline.Result) -> String {
        let claims = "\(result.expectationsPassed) passed, \(result.expectationsFailed) failed"
        let others = diagnostics.count { $0.isError && !$0.id.hasPrefix("expect.") }
        guard others > 0 else { return claims }
        return "\(Console.plural(others, "error")) in notes, links or settings\n" + claims
    }

    /// A JSON report, the whole of stdout: `{"diagnostics":[…],"failed":N,"passed":N,"version":1}`
    /// (keys sorted; the guide documents version 1).
    static func json(_ diagnostics: [Diagnostic], result: SitePipeline.Result) -> String {
        let items: [[String: Any]] = diagnostics.map { diagnostic in
            var item: [String: Any] = [
                "id": diagnostic.id, "severity": diagnostic.severity.rawValue,
                "path": diagnostic.path, "message": diagnostic.message,
            ]
            if let position = diagnostic.position {
                item["line"] = position.line
                item["column"] = position.column
            }
            if let hint = diagnostic.hint { item["hint"] = hint }
            return item
        }
        let report: [String: Any] = [
            "version": 1, "diagnostics": items,
            "passed": result.expectationsPassed, "failed": result.expectationsFailed,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

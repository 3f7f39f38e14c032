import Foundation
import SiteBuilder
import Testing
import TestSupport

/// Issue 19, point 2: a figure weighs at most 40 KB whatever its trace, a page with three
/// scenarios of any size at most 200 KB plus its prose, and a log longer than a screenful is
/// a page of its own beside the note, linked from the figure.
@Suite struct FigureWeightTests {
    /// Three blocks that each run close to the default step limit.
    static let heavy = """
        # Heavy

        ```scenario
        title: SQS message retried for a day
        mode: sqs
        queue: { VisibilityTimeout: 3 }
        function: { fails: always, duration: 100ms }
        records: [{ at: 0s }]
        until: 1d
        ```

        ```scenario
        title: 20,000 calls at reserved concurrency 5
        mode: sync
        function: { ReservedConcurrentExecutions: 5, duration: 200ms }
        events: [{ at: 0s, count: 20000, every: 5ms }]
        ```

        ```scenario
        title: 5,000 events, a third failing
        mode: async
        function: { fails: { rate: 30% } }
        DeadLetterConfig: { TargetArn: sqs }
        events: [{ at: 0s, count: 5000, every: 20ms }]
        ```
        """

    static let small = """
        # Small

        ```scenario
        title: one failing event
        mode: async
        function: { fails: always }
        events: [{ at: 0s }]
        ```
        """

    /// Each `<figure>` of a page, whole.
    static func figures(_ page: String) -> [Substring] {
        page.components(separatedBy: "<figure ").dropFirst().map { Substring($0.components(separatedBy: "</figure>")[0]) }
    }

    @Test func heavyScenariosGiveLightFiguresAndLogPagesBesideTheNote() throws {
        let fileSystem = MemoryFileSystem(files: ["s/notesim.yml": "language: en\n", "s/content/notes/heavy.md": Self.heavy])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.printedDiagnostics == [])
        let page = try #require(result.text(at: "notes/heavy.html"))
        let figures = Self.figures(page)
        #expect(figures.count == 3)
        for figure in figures { #expect(figure.utf8.count <= 40_000) }
        #expect(page.utf8.count <= 200_000)
        for slot in 1...3 {
            #expect(page.contains("<p class=\"scenario-log-link\"><a href=\"heavy.scenario-\(slot).log.html\">Event log</a> ("))
            let log = try #require(result.text(at: "notes/heavy.scenario-\(slot).log.html"))
            #expect(log.contains("<a href=\"../notes/heavy.html#scenario-\(slot)\">Back to the note</a>"))
            #expect(log.contains("notesim simulate prints them all."))
        }
        // Only the note is a search result, not its event logs.
        #expect(result.text(at: "search-index/index.json")?.contains(#""documents":1,"#) == true)
    }

    @Test func aShortLogStaysInsideItsFigure() throws {
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: MemoryFileSystem(files: ["s/content/small.md": Self.small]))
        let page = try #require(result.text(at: "small.html"))
        #expect(page.contains("<details class=\"scenario-log\">"))
        #expect(!page.contains("scenario-log-link"))
        #expect(result.files.allSatisfy { !$0.path.hasSuffix(".log.html") })
    }

    @Test func aNoteMayNotTakeTheNameOfALogPage() {
        let fileSystem = MemoryFileSystem(files: ["s/content/heavy.md": Self.small, "s/content/heavy.scenario-1.log.md": "# x\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(
            result.printedDiagnostics == [
                "content/heavy.scenario-1.log.md: error: this note would become heavy.scenario-1.log.html, which is the name of a scenario's event log page [output.collision]\ncontent/heavy.scenario-1.log.md: note: rename the note or move it into a folder"
            ])
    }

    @Test func anIncrementalBuildKeepsTheLogPagesOfNotesItDidNotRender() throws {
        let fileSystem = MemoryFileSystem(files: ["site/content/heavy.md": Self.heavy, "site/content/other.md": "# Other\n\nText.\n"])
        let options = SitePipeline.Options(cache: FileScenarioCache(siteDirectory: "site", fileSystem: fileSystem))
        SiteBuild.run(siteDirectory: "site", output: "site/public", fileSystem: fileSystem, options: options, incremental: true)
        let before = fileSystem.tree(under: "site/public")
        #expect(before["heavy.scenario-2.log.html"] != nil)
        try fileSystem.writeFile("site/content/other.md", contents: Array("# Other\n\nMore text.\n".utf8))
        let report = SiteBuild.run(siteDirectory: "site", output: "site/public", fileSystem: fileSystem, options: options, incremental: true)
        #expect(report.result.notesParsed == 1)
        let after = fileSystem.tree(under: "site/public")
        for slot in 1...3 { #expect(after["heavy.scenario-\(slot).log.html"] == before["heavy.scenario-\(slot).log.html"]) }
    }
}

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
        // One page holds the note's three long logs, each under its scenario's title.
        let log = try #require(result.text(at: "notes/heavy.event-log.html"))
        #expect(log.contains("<h1>Event log: Heavy</h1>"))
        for slot in 1...3 {
            #expect(page.contains("<p class=\"scenario-log-link\"><a href=\"heavy.event-log.html#scenario-\(slot)\">Event log</a> ("))
            #expect(log.contains("<section class=\"scenario-log-section\" id=\"scenario-\(slot)\">"))
            #expect(log.contains("<a href=\"../notes/heavy.html#scenario-\(slot)\">Back to the note</a>"))
        }
        #expect(log.components(separatedBy: "notesim simulate prints them all.").count == 4)
        #expect(result.files.filter { $0.path.hasPrefix("notes/heavy") }.map(\.path) == ["notes/heavy.event-log.html", "notes/heavy.html"])
        // Only the note is a search result, not its event logs.
        #expect(result.text(at: "search-index/index.json")?.contains(#""documents":1,"#) == true)
    }

    /// A title of 20,000 characters is shown cut to 200 (caption, the SVG's `<title>`, the log
    /// page): the figure keeps its bound; only the block's source, as written, holds it all.
    @Test func aLongTitleIsCutSoTheFigureStaysLight() throws {
        let title = String(repeating: "長", count: 20_000)
        let note = "# T\n\n```scenario\ntitle: \(title)\nmode: async\nfunction: { fails: always }\nevents: [{ at: 0s }]\n```\n"
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: MemoryFileSystem(files: ["s/content/t.md": note]))
        let page = try #require(result.text(at: "t.html"))
        let figure = try #require(Self.figures(page).first)
        let withoutSource = figure.components(separatedBy: "<details class=\"scenario-source\"")[0]
        #expect(withoutSource.utf8.count <= 40_000)
        #expect(withoutSource.contains("<strong>" + String(repeating: "長", count: 199) + "…</strong>"))
        #expect(figure.contains(title), "the source keeps the whole title")
    }

    @Test func aShortLogStaysInsideItsFigure() throws {
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: MemoryFileSystem(files: ["s/content/small.md": Self.small]))
        let page = try #require(result.text(at: "small.html"))
        #expect(page.contains("<details class=\"scenario-log\">"))
        #expect(!page.contains("scenario-log-link"))
        #expect(result.files.allSatisfy { !$0.path.hasSuffix(".event-log.html") })
    }

    @Test func aNoteMayNotTakeTheNameOfALogPage() {
        let fileSystem = MemoryFileSystem(files: ["s/content/heavy.md": Self.small, "s/content/heavy.event-log.md": "# x\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(
            result.printedDiagnostics == [
                "content/heavy.event-log.md: error: this note would become heavy.event-log.html, which is the name of a scenario's event log page [output.collision]\ncontent/heavy.event-log.md: note: rename the note or move it into a folder"
            ])
    }

    @Test func anIncrementalBuildKeepsTheLogPagesOfNotesItDidNotRender() throws {
        let fileSystem = MemoryFileSystem(files: ["site/content/heavy.md": Self.heavy, "site/content/other.md": "# Other\n\nText.\n"])
        let options = SitePipeline.Options(cache: FileScenarioCache(siteDirectory: "site", fileSystem: fileSystem))
        SiteBuild.run(siteDirectory: "site", output: "site/public", fileSystem: fileSystem, options: options, incremental: true)
        let before = fileSystem.tree(under: "site/public")
        #expect(before["heavy.event-log.html"] != nil)
        try fileSystem.writeFile("site/content/other.md", contents: Array("# Other\n\nMore text.\n".utf8))
        let report = SiteBuild.run(siteDirectory: "site", output: "site/public", fileSystem: fileSystem, options: options, incremental: true)
        #expect(report.result.notesParsed == 1)
        let after = fileSystem.tree(under: "site/public")
        #expect(after["heavy.event-log.html"] == before["heavy.event-log.html"])
    }

    /// An SQS block of 40 records: a log longer than a screenful, complete (its receives are
    /// not rows, which must not read as a cut log).
    static let queue = """
        # Queue

        ```scenario
        title: forty records
        mode: sqs
        EventSourceMapping: { BatchSize: 10 }
        records: [{ at: 0s, count: 40, every: 100ms }]
        ```
        """

    @Test func aCompleteLogPageListsEveryRowCompactlyWithoutACutNote() throws {
        let fileSystem = MemoryFileSystem(files: ["s/notesim.yml": "language: en\n", "s/content/queue.md": Self.queue])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        let log = try #require(result.text(at: "queue.event-log.html"))
        #expect(!log.contains("scenario-log-cut"))
        // Each instant's time once, then its events with their rules; optional end tags, the
        // dump's padding and its invocation numbers are left out.
        #expect(log.contains("<dt>100 ms<dd>end env 1: #1 ok\n<dd>arrival #2 1024 B\n<dd>batch lane 0: #2 (window) <i>E1 E2</i>\n"))
        #expect(log.components(separatedBy: "<dt>100 ms<dd>").count == 2)
        #expect(!log.contains("</dd>") && !log.contains("<tr>"))
        #expect(!log.contains("  "))
    }

    @Test func aCutLogPageSaysHowManyEntriesItShows() throws {
        let fileSystem = MemoryFileSystem(files: ["s/notesim.yml": "language: en\n", "s/content/notes/heavy.md": Self.heavy])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        let log = try #require(result.text(at: "notes/heavy.event-log.html"))
        #expect(log.contains("<p class=\"scenario-log-cut\">The first 2000 of "))
    }

    @Test func checkRendersNoPageButVerifiesEveryClaim() {
        let fileSystem = MemoryFileSystem(files: ["s/content/queue.md": Self.queue + "\n\n" + Self.small])
        let built = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        let checked = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem, options: SitePipeline.Options(renderPages: false))
        #expect(built.files.contains { $0.path == "queue.html" })
        #expect(!checked.files.contains { $0.path.hasSuffix(".html") && $0.path.hasPrefix("queue") })
        #expect(checked.scenarioCount == 2)
        #expect(checked.printedDiagnostics == built.printedDiagnostics)
        #expect(checked.expectationsPassed == built.expectationsPassed)
    }
}

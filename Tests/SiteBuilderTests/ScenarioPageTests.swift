import Foundation
import SiteBuilder
import Testing
import TestSupport

/// Scenario blocks become figures on their pages, and wrong claims fail the build.
@Suite struct ScenarioPageTests {
    private let note = """
        # 非同期

        本文。

        ```scenario
        title: "非同期: 3 回試行"
        mode: async
        function: { duration: 100ms, fails: always }
        DeadLetterConfig: { TargetArn: sqs }
        events:
          - at: 0s
        expect:
          attempts: 3
          outcome: dlq
        ```
        """

    @Test func aScenarioBecomesAFigureWithVerdicts() throws {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": note])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.printedDiagnostics == [])
        #expect(result.scenarioCount == 1)
        #expect(result.expectationsPassed == 2)
        #expect(result.expectationsFailed == 0)
        let page = try #require(result.text(at: "a.html"))
        #expect(page.contains("<figure class=\"timeline scenario\" id=\"scenario-1\">"))
        // Inside a page the SVG needs no namespace; its text's size and colour come from the page.
        #expect(
            page.contains(
                "<svg class=\"tl\" viewBox=\"0 0 700 240\" width=\"700\" height=\"240\" role=\"img\" aria-labelledby=\"scenario-1-title scenario-1-desc\">\n"))
        // The ✓ is for the eye; a screen reader hears the verdict in words.
        #expect(
            page.contains(
                "<li class=\"verdict-pass\"><span aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">一致: </span> <code>attempts</code> 3</li>"))
        #expect(page.contains("retry-from"))
        #expect(page.contains("<details class=\"scenario-source\" id=\"scenario-1-source\">"))
        #expect(!page.contains("<!--notesim-slot"))
    }

    @Test func aWrongClaimIsAnErrorAtItsLine() {
        let wrong = note.replacingOccurrences(of: "attempts: 3", with: "attempts: 2")
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": wrong])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(
            result.printedDiagnostics == [
                "content/a.md:13:3: error: expected 2 attempts, the simulator made 3 (t = 0 s, 1 min 0.1 s, 3 min 0.2 s) [expect.attempts]"
            ])
        #expect(result.expectationsPassed == 1)
        #expect(result.expectationsFailed == 1)
        #expect(result.text(at: "a.html")?.contains("class=\"verdict-fail\"") == true)
        #expect(result.text(at: "a.html")?.contains("<span class=\"visually-hidden\">不一致: </span>") == true)
        #expect(result.text(at: "a.html")?.contains("<div class=\"callout callout-error\" role=\"alert\">") == true)
    }

    @Test func scenarioErrorsInListItemsPointAtTheIndentedLine() {
        let indented = "- 項目\n\n    ```scenario\n    mode: async\n    EventInvokeConfig:\n      MaximumRetryAttempts: 3\n    events:\n      - at: 0s\n    ```\n"
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": indented])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(
            result.printedDiagnostics == [
                "content/a.md:6:29: error: MaximumRetryAttempts must be 0–2 for asynchronous invocation (AWS limit), not 3 (rule A5) [scenario.range]"
            ])
    }
}

import NotesCore
@testable import SiteBuilder
import Testing
import TestSupport

/// A block meant as a scenario but fenced with another info string is a warning at its fence.
@Suite struct ScenarioInfoStringTests {
    private func warnings(_ markdown: String) -> [String] {
        let (_, diagnostics) = ParseStage.parse(sourcePath: "content/a.md", bytes: Array(markdown.utf8))
        return diagnostics.map(\.formatted)
    }

    @Test(arguments: ["Scenario", "SCENARIO", "Scenario yaml", "scen ario", "scenaro", "scenarios", "senario", "scenario{.x}", "yaml scenario"])
    func anInfoStringThatDiffersByCaseOrSpacingIsAWarning(info: String) {
        #expect(
            warnings("# A\n\n- item\n\n  ```\(info)\n  mode: sync\n  ```\n") == [
                "content/a.md:5:3: warning: this block is shown as code, not run: its info string is '\(info)' [scenario.info-string]\n"
                    + "content/a.md:5:3: note: write ```scenario (lower case, one word) to run it and check its claims"
            ])
    }

    @Test(arguments: ["scenario", "scenario yaml", "yaml", "", "json", "scenic", "swift", "sequence"])
    func otherInfoStringsAreQuiet(info: String) {
        #expect(warnings("```\(info)\nmode: sync\n```\n").isEmpty)
    }
}

/// `scenario-source: open` shows each figure's YAML open; anything but `open` or `folded` is an error.
@Suite struct ScenarioSourceDisplayTests {
    private func figure(frontMatter: String) -> String {
        let note = "---\n\(frontMatter)\n---\n# A\n\n```scenario\nmode: sync\nevents:\n  - at: 0s\n```\n"
        let fileSystem = MemoryFileSystem(files: ["/site/content/a.md": note])
        let result = SitePipeline.run(siteDirectory: "/site", fileSystem: fileSystem)
        guard case .bytes(let bytes) = result.files.first(where: { $0.path == "a.html" })?.content else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func openShowsTheSourceAndFoldedOrNothingFoldsIt() {
        #expect(figure(frontMatter: "scenario-source: open").contains(#"<details class="scenario-source" id="scenario-1-source" open>"#))
        #expect(figure(frontMatter: "scenario-source: folded").contains(#"<details class="scenario-source" id="scenario-1-source">"#))
        #expect(figure(frontMatter: "title: A").contains(#"<details class="scenario-source" id="scenario-1-source">"#))
    }

    @Test func anotherWordIsAnErrorAtItsValue() {
        let (_, problems) = FrontMatter.parse("scenario-source: shown", path: "content/a.md")
        #expect(
            problems.map(\.formatted) == [
                "content/a.md:2:18: error: 'scenario-source' must be open or folded (the YAML under each scenario figure) [frontmatter.type]"
            ])
    }
}

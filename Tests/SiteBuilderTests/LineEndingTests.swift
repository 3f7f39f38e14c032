import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// Notes saved with Windows (`\r\n`) or old Mac (`\r`) line endings, or with a byte-order
/// mark, are read like any other (issue 18, point 5): front matter, scenario blocks and
/// `notesim.yml` take effect, and diagnostics keep their line and column.
@Suite struct LineEndingTests {
    static func run(_ files: [String: String]) -> (diagnostics: [String], site: SitePipeline.Result) {
        let fileSystem = MemoryFileSystem(files: [:])
        for (path, text) in files { fileSystem.add("s/" + path, bytes: Array(text.utf8)) }
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        return (result.diagnostics.map(\.formatted), result)
    }

    static let endings = ["\r\n", "\r"]

    @Test(arguments: endings)
    func aDraftIsNotPublished(_ ending: String) {
        let draft = ["---", "title: Draft", "draft: true", "---", "# D", ""].joined(separator: ending)
        let (diagnostics, site) = Self.run(["content/a.md": "# A\n", "content/d.md": draft])
        #expect(diagnostics == [])
        #expect(site.text(at: "a.html") != nil)
        #expect(site.text(at: "d.html") == nil)
        let bom = Self.run(["content/a.md": "# A\n", "content/d.md": "\u{FEFF}" + draft])
        #expect(bom.diagnostics == [])
        #expect(bom.site.text(at: "d.html") == nil)
    }

    @Test(arguments: endings)
    func anUnknownKeyIsReportedAtItsPosition(_ ending: String) {
        let note = ["---", "title: ノート", "  ", "tilte: x", "---", "# A", ""].joined(separator: ending)
        let (diagnostics, _) = Self.run(["content/a.md": note])
        #expect(
            diagnostics == [
                """
                content/a.md:4:1: error: unknown front-matter key 'tilte' [frontmatter.unknown-key]
                content/a.md:4:1: note: did you mean 'title'?
                """
            ])
        let typed = ["---", "title: ノート", "order: 二", "---", "# A", ""].joined(separator: ending)
        #expect(Self.run(["content/a.md": typed]).diagnostics == ["content/a.md:3:8: error: 'order' must be a whole number [frontmatter.type]"])
    }

    @Test(arguments: endings)
    func aScenarioClaimIsCheckedAtItsPosition(_ ending: String) {
        let note = ["---", "title: A", "---", "# A", "", "```scenario", "mode: sync", "events:", "  - at: 0s", "expect:", "  attempts: 2", "```", ""]
            .joined(separator: ending)
        let (diagnostics, _) = Self.run(["content/a.md": note])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/a.md:11:3: error: ") == true, "\(diagnostics)")
    }

    @Test(arguments: endings)
    func theConfigIsRead(_ ending: String) {
        let config = ["title: 題", "titel: x", ""].joined(separator: ending)
        let (diagnostics, _) = Self.run(["content/a.md": "# A\n", "notesim.yml": config])
        #expect(diagnostics.first?.hasPrefix("notesim.yml:2:1: error: unknown key 'titel' in notesim.yml [config.unknown-key]") == true, "\(diagnostics)")
    }
}

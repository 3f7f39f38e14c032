import Foundation
import SiteBuilder
import Testing
import TestSupport

/// Scenario results are kept in `.notesim-cache/` and reused while nothing they depend on
/// changes.
@Suite struct ScenarioCacheTests {
    private let note = "# A\n\n```scenario\nmode: async\nfunction: { fails: always }\nevents:\n  - at: 0s\nexpect:\n  attempts: 3\n```\n"

    private func build(_ fileSystem: MemoryFileSystem) -> SitePipeline.Result {
        let cache = FileScenarioCache(siteDirectory: "s", fileSystem: fileSystem)
        return SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem, options: .init(cache: cache))
    }

    @Test func anUnchangedSiteIsNotSimulatedAgain() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": note])
        let first = build(fileSystem)
        let second = build(fileSystem)
        #expect(first.scenariosSimulated == 1)
        #expect(second.scenariosSimulated == 0)
        #expect(second.expectationsPassed == 1)
        #expect(first.files == second.files, "cached results give the same site")
        #expect(fileSystem.tree(under: "s/.notesim-cache/scenarios").count == 1)
    }

    @Test func changingTheBlockSimulatesAgain() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": note])
        _ = build(fileSystem)
        fileSystem.add("s/content/a.md", note.replacingOccurrences(of: "attempts: 3", with: "attempts: 2"))
        let changed = build(fileSystem)
        #expect(changed.scenariosSimulated == 1)
        #expect(changed.expectationsFailed == 1)
    }

    @Test func theBuildOfNotesimIsPartOfTheKey() {
        #expect(BuildIdentity.current.hasPrefix("id "), "the program has a GNU build id: \(BuildIdentity.current)")
        let a = ScenarioCacheKey.make(text: "mode: sync", path: "content/a.md", line: 3, column: 1, slot: 1, language: "ja")
        #expect(a.hasPrefix("notesim \(BuildIdentity.current); "))
        let b = ScenarioCacheKey.make(text: "mode: sync", path: "content/a.md", line: 3, column: 1, slot: 1, language: "ja", build: "another")
        #expect(a != b)
        #expect(ScenarioCacheKey.fileName(a) != ScenarioCacheKey.fileName(b))
    }

    @Test func aDamagedEntryIsIgnored() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": note])
        _ = build(fileSystem)
        for name in fileSystem.tree(under: "s/.notesim-cache/scenarios").keys {
            fileSystem.add("s/.notesim-cache/scenarios/" + name, "{ not json")
        }
        let rebuilt = build(fileSystem)
        #expect(rebuilt.scenariosSimulated == 1)
        #expect(rebuilt.expectationsPassed == 1)
    }
}

import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// A build told not to index (`--no-search`) keeps the index an earlier build made, whole
/// builds and in-place updates alike; the next build with search replaces it, and
/// `search: false` in the settings removes it.
@Suite struct KeptSearchIndexTests {
    private func makeSite() -> MemoryFileSystem {
        MemoryFileSystem(files: ["site/content/index.md": "# Home\n\nzebra\n", "site/content/a.md": "# A\n\nyak\n"])
    }

    @discardableResult
    private func build(_ fileSystem: MemoryFileSystem, search: Bool?) -> SiteBuild.Report {
        SiteBuild.run(siteDirectory: "site", output: "site/public", fileSystem: fileSystem, options: .init(search: search))
    }

    private func index(_ fileSystem: MemoryFileSystem) -> [String: String] {
        fileSystem.tree(under: "site/public").filter { $0.key.hasPrefix("search-index/") }
    }

    @Test func aBuildWithoutSearchKeepsTheIndexAndTheNextSearchBuildUpdatesIt() {
        let fileSystem = makeSite()
        #expect(!build(fileSystem, search: nil).searchIndexKept)
        let made = index(fileSystem)
        #expect(made["search-index/t/7a-65.txt"] == "zebra\t1\n")
        // Whole (the setting changed every page) and then in place (nothing changed).
        #expect(build(fileSystem, search: false).searchIndexKept)
        #expect(index(fileSystem) == made)
        fileSystem.add("site/content/a.md", "# A\n\nyak and zebu\n")
        let inPlace = build(fileSystem, search: false)
        #expect(inPlace.incremental && inPlace.searchIndexKept)
        #expect(index(fileSystem) == made)
        #expect(!build(fileSystem, search: nil).searchIndexKept)
        #expect(index(fileSystem)["search-index/t/7a-65.txt"] == "zebra\t1\nzebu\t0\n")
    }

    @Test func searchFalseInTheSettingsRemovesTheIndex() {
        let fileSystem = makeSite()
        build(fileSystem, search: nil)
        fileSystem.add("site/notesim.yml", "search: false\n")
        #expect(!build(fileSystem, search: nil).searchIndexKept)
        #expect(index(fileSystem).isEmpty)
    }

    @Test func aSiteThatNeverHadAnIndexGetsNone() {
        let fileSystem = makeSite()
        #expect(!build(fileSystem, search: false).searchIndexKept)
        #expect(index(fileSystem).isEmpty)
    }
}

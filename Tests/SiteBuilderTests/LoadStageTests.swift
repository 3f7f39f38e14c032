import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// The load stage reads what an incremental build needs, from the listing it is given.
@Suite struct LoadStageTests {
    @Test func aGivenListingStandsInForListingAndStampingContentAgain() throws {
        let fileSystem = MemoryFileSystem()
        fileSystem.add("site/content/a.md", "# A\n")
        fileSystem.add("site/content/b.md", "# B\n")
        let listing = try #require(LoadStage.list(siteDirectory: "site", fileSystem: fileSystem))
        let stampOfA = fileSystem.stamp(of: "site/content/a.md")
        // After the listing: a note added and one edited (the next poll notices both).
        fileSystem.add("site/content/c.md", "# C\n")
        fileSystem.add("site/content/a.md", "# A\n\n追記。\n")
        let loaded = LoadStage.load(
            siteDirectory: "site", fileSystem: fileSystem, stamping: true,
            unchangedCheck: { { path, _ in path == "content/b.md" } }, listing: listing)
        #expect(loaded.notes.map(\.path) == ["content/a.md"])
        #expect(loaded.unchanged.map(\.path) == ["content/b.md"])
        // The bytes are read now; the stamp is the listing's, so the next build reads the note again.
        #expect(loaded.notes.first?.bytes == Array("# A\n\n追記。\n".utf8))
        #expect(loaded.stamps["content/a.md"] == stampOfA)
        #expect(stampOfA != fileSystem.stamp(of: "site/content/a.md"))
    }
}

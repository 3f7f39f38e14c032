@testable import PreviewServer
import SiteBuilder
import Testing
import TestSupport

/// The watcher notices every kind of edit the preview must rebuild for, and nothing else;
/// its listing of content/ is the one the load stage would make.
@Suite struct SiteWatcherTests {
    private func makeSite() -> MemoryFileSystem {
        let fileSystem = MemoryFileSystem()
        fileSystem.add("site/notesim.yml", "title: 学習ノート\n")
        fileSystem.add("site/content/index.md", "# ホーム\n")
        fileSystem.add("site/content/lambda/sync.md", "# 同期呼び出し\n")
        fileSystem.add("site/content/lambda/flow.png", "png")
        fileSystem.add("site/templates/partials/footer.mustache", "<footer></footer>\n")
        return fileSystem
    }

    @Test(arguments: [
        "a note edited", "a note added", "a note deleted", "an image edited", "a template edited", "a template added",
        "the settings edited", "the settings deleted",
    ])
    func anEditChangesTheFingerprint(edit: String) throws {
        let fileSystem = makeSite()
        let watcher = SiteWatcher(siteDirectory: "site", fileSystem: fileSystem)
        let before = watcher.snapshot().fingerprint
        #expect(watcher.snapshot().fingerprint == before, "nothing changed")
        switch edit {
        case "a note edited": fileSystem.add("site/content/lambda/sync.md", "# 同期呼び出し\n\n追記。\n")
        case "a note added": fileSystem.add("site/content/lambda/async.md", "# 非同期呼び出し\n")
        case "a note deleted": try fileSystem.removeItem("site/content/lambda/sync.md")
        case "an image edited": fileSystem.add("site/content/lambda/flow.png", "png2")
        case "a template edited": fileSystem.add("site/templates/partials/footer.mustache", "<footer>独自</footer>\n")
        case "a template added": fileSystem.add("site/templates/page.mustache", "{{{page.content}}}\n")
        case "the settings edited": fileSystem.add("site/notesim.yml", "title: 新しい題\n")
        default: try fileSystem.removeItem("site/notesim.yml")
        }
        #expect(watcher.snapshot().fingerprint != before)
    }

    @Test func theSnapshotCarriesTheLoadStagesListing() throws {
        let fileSystem = makeSite()
        fileSystem.addSymbolicLink("site/content/link.md")
        let listing = try #require(SiteWatcher(siteDirectory: "site", fileSystem: fileSystem).snapshot().listing)
        #expect(listing == LoadStage.list(siteDirectory: "site", fileSystem: fileSystem))
        #expect(listing.files == ["index.md", "lambda/flow.png", "lambda/sync.md"])
        #expect(listing.stamps == listing.files.map { fileSystem.stamp(of: "site/content/" + $0) })
        #expect(listing.diagnostics.map(\.formatted) == ["content/link.md: warning: symbolic links are not followed; the link is ignored [file.symlink]"])
    }

    @Test func aSiteWithoutContentHasNoListing() {
        let fileSystem = MemoryFileSystem()
        fileSystem.add("site/notesim.yml", "title: 学習ノート\n")
        #expect(SiteWatcher(siteDirectory: "site", fileSystem: fileSystem).snapshot().listing == nil)
    }
}

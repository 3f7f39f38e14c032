import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// `Mirror` (behind `publish --to`) treats every kind of entry in the destination by what it
/// is, never by what it points to. Kinds the disk cannot give a test as root (a file where a
/// folder goes, a folder where a file goes, links anywhere) are built in memory here.
@Suite struct MirrorTests {
    private func site() -> MemoryFileSystem {
        MemoryFileSystem(files: ["public/a.html": "A", "public/sub/b.html": "B", "public/sub/deep/c.html": "C"])
    }

    @Test func linksAtEveryDepthAreRemovedAndTheSiteWritten() throws {
        let fileSystem = site()
        fileSystem.addSymbolicLink("out/a.html")
        fileSystem.addSymbolicLink("out/sub")
        fileSystem.addSymbolicLink("out/other/stale")
        let report = try Mirror.sync(from: "public", to: "out", fileSystem: fileSystem)
        #expect(report.removedLinks == ["a.html", "other/stale", "sub"])
        #expect(report.written == ["a.html", "sub/b.html", "sub/deep/c.html"])
        #expect(report.deleted == [])
        #expect(fileSystem.tree(under: "out") == ["a.html": "A", "sub/b.html": "B", "sub/deep/c.html": "C"])
        #expect(fileSystem.kind(of: "out/sub") == .directory)
        #expect(fileSystem.kind(of: "out/other/stale") == nil)
    }

    @Test func aFolderLeftEmptyByStaleFilesIsRemovedAndOneStillHoldingSomethingStays() throws {
        let fileSystem = site()
        fileSystem.add("out/old/deeper/x.html", "stale")
        fileSystem.add("out/sub/stale.html", "stale")
        let report = try Mirror.sync(from: "public", to: "out", fileSystem: fileSystem)
        #expect(report.deleted.sorted() == ["old/deeper/x.html", "sub/stale.html"])
        #expect(fileSystem.kind(of: "out/old") == nil)
        #expect(fileSystem.kind(of: "out/sub") == .directory)
        #expect(fileSystem.tree(under: "out") == ["a.html": "A", "sub/b.html": "B", "sub/deep/c.html": "C"])
    }

    @Test func aLinkDeeperDownIsFoundBelowRealFolders() throws {
        let fileSystem = site()
        fileSystem.add("out/sub/b.html", "old B")
        fileSystem.addSymbolicLink("out/sub/deep")
        let report = try Mirror.sync(from: "public", to: "out", fileSystem: fileSystem)
        #expect(report.removedLinks == ["sub/deep"])
        #expect(report.written == ["a.html", "sub/b.html", "sub/deep/c.html"])
        #expect(fileSystem.kind(of: "out/sub/deep/c.html") == .file)
    }

    @Test func aFileWhereAFolderGoesAndAFolderWhereAFileGoesAreReplaced() throws {
        let fileSystem = site()
        fileSystem.add("out/sub", "a file where the site has a folder")
        fileSystem.add("out/a.html/old.txt", "a folder where the site has a file")
        let report = try Mirror.sync(from: "public", to: "out", fileSystem: fileSystem)
        #expect(report.deleted == ["a.html", "sub"])
        #expect(report.removedLinks == [])
        #expect(fileSystem.tree(under: "out") == ["a.html": "A", "sub/b.html": "B", "sub/deep/c.html": "C"])
    }

    @Test func anUnchangedRealFileIsLeftAndCounted() throws {
        let fileSystem = site()
        _ = try Mirror.sync(from: "public", to: "out", fileSystem: fileSystem)
        let again = try Mirror.sync(from: "public", to: "out", fileSystem: fileSystem)
        #expect(again.written == [] && again.deleted == [] && again.removedLinks == [])
        #expect(again.unchanged == 3)
    }

    @Test func anUnreadableDestinationFolderIsAnErrorNamingIt() throws {
        let fileSystem = site()
        fileSystem.add("out/sub/b.html", "old")
        fileSystem.makeUnreadable("out/sub")
        #expect(throws: FileSystemError(path: "out/sub", reason: .permissionDenied)) {
            try Mirror.sync(from: "public", to: "out", fileSystem: fileSystem)
        }
        #expect(fileSystem.tree(under: "out") == ["sub/b.html": "old"], "nothing was changed before the listing failed")
    }
}

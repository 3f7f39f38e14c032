import Foundation
import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// Output is written atomically: a failed build, a failed write or a refused directory
/// leaves the previous site exactly as it was.
@Suite struct WriteStageTests {
    private func build(_ fileSystem: any FileSystem, site: String = "site", output: String = "site/public") throws(Diagnostic) {
        let result = SitePipeline.run(siteDirectory: site, fileSystem: fileSystem)
        if let error = result.diagnostics.first(where: \.isError) { throw error }
        try WriteStage.write(result.files, to: output, siteDirectory: site, fileSystem: fileSystem)
    }

    @Test func aFailingBuildLeavesTheOldOutput() throws {
        let fileSystem = MemoryFileSystem(files: ["site/content/a.md": "# 一回目\n"])
        try build(fileSystem)
        let before = fileSystem.tree(under: "site/public")
        fileSystem.add("site/content/a.md", "# 二回目\n\n[壊れた](#ない)\n")
        #expect(throws: Diagnostic.self) { try build(fileSystem) }
        #expect(fileSystem.tree(under: "site/public") == before)
        #expect(before["a.html"]?.contains("一回目") == true)
    }

    @Test func aWriteFailureLeavesTheOldOutputAndNoStaging() throws {
        let fileSystem = MemoryFileSystem(files: ["site/content/a.md": "# 一回目\n"])
        try build(fileSystem)
        let before = fileSystem.tree(under: "site/public")
        fileSystem.add("site/content/a.md", "# 二回目\n")
        fileSystem.failWrites(after: 2)
        #expect(throws: Diagnostic.self) { try build(fileSystem) }
        #expect(fileSystem.tree(under: "site/public") == before)
        #expect(fileSystem.kind(of: "site/public.notesim-staging") == nil)
    }

    @Test func aWriteFailureWhilePagesStreamIntoStagingLeavesTheOldOutputAndNoStaging() {
        // A full build writes each page into the staging folder as soon as it is rendered.
        let notes = (1...40).reduce(into: ["site/content/index.md": "# ホーム\n"]) { $0["site/content/n\($1).md"] = "# ノート \($1)\n" }
        let fileSystem = MemoryFileSystem(files: notes)
        let first = SiteBuild.run(siteDirectory: "site", output: "site/public", fileSystem: fileSystem, options: .init(), incremental: false)
        #expect(first.writeError == nil)
        #expect(
            first.written == 97,
            "41 pages, the sidebar script and page, stylesheet, two scripts, 404, robots.txt, .nojekyll, and the search index's 48 files")
        let before = fileSystem.tree(under: "site/public")
        for number in 1...40 { fileSystem.add("site/content/n\(number).md", "# ノート \(number) (改)\n") }
        fileSystem.failWrites(after: 10)
        let failed = SiteBuild.run(siteDirectory: "site", output: "site/public", fileSystem: fileSystem, options: .init(), incremental: false)
        // Pages are written from every core: which write fails first varies.
        let message = failed.writeError?.formatted ?? ""
        #expect(message.hasPrefix("site/public: error: could not write the site: site/public.notesim-staging/"))
        #expect(message.hasSuffix(": no space left on device; the previous output is unchanged [output.write-failed]"))
        #expect(fileSystem.tree(under: "site/public") == before)
        #expect(fileSystem.kind(of: "site/public.notesim-staging") == nil)
    }

    @Test func aSuccessfulBuildReplacesEverything() throws {
        let fileSystem = MemoryFileSystem(files: ["site/content/a.md": "# A\n", "site/content/b.md": "# B\n"])
        try build(fileSystem)
        try fileSystem.removeItem("site/content/b.md")
        try build(fileSystem)
        let files = fileSystem.tree(under: "site/public").keys.map(Fixtures.withoutHash).sorted()
        // The search index's shard of b is gone with the note.
        #expect(
            files == [
                ".nojekyll", ".notesim-output", "404.html", "a.html", "assets/notesim.#.js", "assets/search.#.js", "assets/style.#.css", "index.html",
                "robots.txt",
                "search-index/d/0.json", "search-index/index.json", "search-index/t/61.txt", "toc.#.js", "toc.html",
            ])
    }

    @Test func refusesADirectoryThatNotesimDidNotWrite() {
        let fileSystem = MemoryFileSystem(files: ["site/content/a.md": "# A\n", "site/public/thesis.docx": "keep me"])
        #expect(throws: Diagnostic.self) { try build(fileSystem) }
        #expect(fileSystem.tree(under: "site/public") == ["thesis.docx": "keep me"])
        let refusal = WriteStage.refusal(output: "site/public", siteDirectory: "site", fileSystem: fileSystem)
        #expect(
            refusal?.formatted == """
                site/public: error: the output directory is not empty and was not written by notesim [output.refused]
                site/public: note: empty it, or choose another directory with --output
                """)
    }

    @Test(arguments: ["site/content", "site/content/out", "site/templates", "site", "/", "/home/user"])
    func refusesDangerousOutputDirectories(output: String) {
        let fileSystem = MemoryFileSystem(files: ["site/content/a.md": "# A\n", "site/templates/style.css": ""])
        let refusal = WriteStage.refusal(output: output, siteDirectory: "site", fileSystem: fileSystem)
        #expect(refusal?.id == "output.refused")
    }

    @Test func realDiskSwapKeepsASiteAtEveryMoment() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-write-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let disk = LocalFileSystem()
        try disk.createDirectory(root + "/content")
        try disk.writeFile(root + "/content/a.md", contents: Array("# 一\n".utf8))
        try build(disk, site: root, output: root + "/public")
        try disk.writeFile(root + "/content/a.md", contents: Array("# 二\n".utf8))
        try build(disk, site: root, output: root + "/public")
        let page = String(decoding: try disk.readFile(root + "/public/a.html"), as: UTF8.self)
        #expect(page.contains("<h1 id=\"二\">"))
        #expect(disk.kind(of: root + "/public.notesim-staging") == nil)
        #expect(try disk.contents(ofDirectory: root) == ["content", "public"])
    }
}

import Foundation
import SiteBuilder
import Testing

/// An output folder holds one whole site: whatever path names it, whichever site wrote it
/// last, and however builds overlap (issue 18, "nothing half-published").
@Suite struct OutputIntegrityTests {
    private func build(_ arguments: [String], in directory: String) throws -> CLI.Run {
        try CLI.run(["build"] + arguments + ["--no-search"], in: directory)
    }

    /// Every file of a folder (marker included) as text, by relative path.
    private func tree(_ folder: String) -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = (try? String(contentsOfFile: folder + "/" + path, encoding: .utf8)) ?? "?" }
        }
        return files
    }

    @Test func aTrailingSlashNamesTheSameOutput() throws {
        let site = try CLI.makeSite(["content/a.md": "# A\n\ntext\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let first = try build([".", "--output", "out/"], in: site)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.lastLine.hasPrefix("Built 2 pages from 1 note (0 scenarios, 0 claims verified) into out/ in "))
        let second = try build([".", "--output", "out//"], in: site)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(FileManager.default.fileExists(atPath: site + "/out/a.html"))
        #expect(!FileManager.default.fileExists(atPath: site + "/out/.notesim-staging"))
        #expect(!FileManager.default.fileExists(atPath: site + "/out.notesim-staging"))
    }

    /// An edit of the same size whose modification time was set back (`touch -r`, `cp -p`)
    /// is still built: the stamp is the status-change time, which no program sets.
    @Test func anEditStampedWithTheOldModificationTimeIsBuilt() throws {
        let site = try CLI.makeSite(["content/a.md": "# A\n\nnever\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try build([], in: site).status == 0)
        let note = site + "/content/a.md"
        let modified = try FileManager.default.attributesOfItem(atPath: note)[.modificationDate] as? Date
        try "# A\n\nNEVER\n".write(toFile: note, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified as Any], ofItemAtPath: note)
        #expect(try build([], in: site).status == 0)
        #expect(try String(contentsOfFile: site + "/public/a.html", encoding: .utf8).contains("NEVER"))
    }

    /// A page deleted from the output by hand comes back with the next build, though its
    /// note did not change: an update in place would write only what changed.
    @Test func aPageDeletedByHandIsWrittenAgain() throws {
        let site = try CLI.makeSite(["content/a.md": "# A\n", "content/b.md": "# B\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try build([], in: site).status == 0)
        let page = try String(contentsOfFile: site + "/public/a.html", encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/public/a.html")
        #expect(try build([], in: site).status == 0)
        #expect(try String(contentsOfFile: site + "/public/a.html", encoding: .utf8) == page)
    }

    /// A folder of notes renamed: the edit's build leaves no empty folder where it was, as a
    /// whole build would not; a folder that still holds a file of the user's stays.
    @Test func aRenamedFolderLeavesNoEmptyFolderBehind() throws {
        let site = try CLI.makeSite(["content/old/deep/a.md": "# A\n", "content/b.md": "# B\n", "content/kept/c.md": "# C\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try build([], in: site).status == 0)
        try FileManager.default.moveItem(atPath: site + "/content/old", toPath: site + "/content/new")
        try "not notesim's\n".write(toFile: site + "/public/kept/CNAME", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/content/kept")
        #expect(try build([], in: site).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site + "/public/old"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/new/deep/a.html"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/kept/CNAME"))
    }

    /// `build site`, an edit built from inside the site, the edit undone, `build site` again:
    /// the output shows the undone text (the record belongs to the folder, not to its path).
    @Test func theRecordBelongsToTheFolderNotToItsPath() throws {
        let parent = try CLI.makeSite(["site/content/a.md": "# A\n\noriginal\n"])
        defer { try? FileManager.default.removeItem(atPath: parent) }
        #expect(try build(["site"], in: parent).status == 0)
        try "# A\n\nedited\n".write(toFile: parent + "/site/content/a.md", atomically: true, encoding: .utf8)
        #expect(try build([], in: parent + "/site").status == 0)
        #expect(try String(contentsOfFile: parent + "/site/public/a.html", encoding: .utf8).contains("edited"))
        try "# A\n\noriginal\n".write(toFile: parent + "/site/content/a.md", atomically: true, encoding: .utf8)
        #expect(try build(["site"], in: parent).status == 0)
        let page = try String(contentsOfFile: parent + "/site/public/a.html", encoding: .utf8)
        #expect(page.contains("original") && !page.contains("edited"))
    }

    /// Site A, then site B, then an edit of A, all into one folder: the output is A's whole
    /// site, as a fresh build of A gives it, with nothing of B's left.
    @Test func anotherSitesOutputIsNotMistakenForOurs() throws {
        let parent = try CLI.makeSite([
            "a/content/one.md": "# One\n\nfrom a\n", "a/content/two.md": "# Two\n\nfrom a\n",
            "b/content/one.md": "# One\n\nfrom b\n", "b/content/three.md": "# Three\n\nfrom b\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: parent) }
        #expect(try build(["a", "--output", "shared"], in: parent).status == 0)
        #expect(try build(["b", "--output", "shared"], in: parent).status == 0)
        try "# Two\n\nfrom a, edited\n".write(toFile: parent + "/a/content/two.md", atomically: true, encoding: .utf8)
        #expect(try build(["a", "--output", "shared"], in: parent).status == 0)
        #expect(try build(["a", "--output", "fresh", "--no-cache"], in: parent).status == 0)
        #expect(tree(parent + "/shared") == tree(parent + "/fresh"))
        #expect(!FileManager.default.fileExists(atPath: parent + "/shared/three.html"))
    }

    /// A build stopped while it replaced files leaves the output marked `updating`; the next
    /// build rebuilds it whole and marks it complete.
    @Test func anInterruptedUpdateIsMarkedAndRepaired() throws {
        let site = try CLI.makeSite(["content/a.md": "# A\n\none\n", "content/b.md": "# B\n\ntwo\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try build(["."], in: site).status == 0)
        // What a kill between two replaced files leaves: a page changed, the marker updating.
        try "<p>half</p>".write(toFile: site + "/public/b.html", atomically: true, encoding: .utf8)
        try String(decoding: OutputMarker.contents(.updating), as: UTF8.self).write(toFile: site + "/public/.notesim-output", atomically: true, encoding: .utf8)
        #expect(OutputMarker.read(output: site + "/public", fileSystem: LocalFileSystem()) == .updating)
        let publish = try CLI.run(["publish", "--to", "dest"], in: site)
        #expect(publish.status == 1)
        #expect(
            publish.standardError == """
                public: error: a build was stopped while it updated this site, so some pages are old and some new; nothing was published [publish.half-built]
                public: note: run 'notesim build' again, then publish

                """)
        #expect(!FileManager.default.fileExists(atPath: site + "/dest"))
        #expect(try build(["."], in: site).status == 0)
        #expect(try String(contentsOfFile: site + "/public/b.html", encoding: .utf8).contains("two"))
        guard case .complete = OutputMarker.read(output: site + "/public", fileSystem: LocalFileSystem()) else {
            Issue.record("the marker is not complete after the repair")
            return
        }
    }

    /// Two sites building into one folder at the same moment take turns: the output is one
    /// whole site, never a mix.
    @Test func twoSitesBuildingOneOutputAtOnceDoNotMix() throws {
        var files: [String: String] = [:]
        for index in 0..<150 {
            files["a/content/n\(index).md"] = "# A \(index)\n\nfrom a\n"
            files["b/content/n\(index).md"] = "# B \(index)\n\nfrom b\n"
        }
        let parent = try CLI.makeSite(files)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        #expect(try build(["a", "--output", "only-a"], in: parent).status == 0)
        #expect(try build(["b", "--output", "only-b"], in: parent).status == 0)
        let (siteA, siteB) = (tree(parent + "/only-a"), tree(parent + "/only-b"))
        for _ in 0..<3 {
            let group = DispatchGroup()
            nonisolated(unsafe) var statuses: [Int32] = []
            let lock = NSLock()
            for name in ["a", "b"] {
                group.enter()
                Thread {
                    let status = (try? CLI.run(["build", name, "--output", "shared", "--no-search"], in: parent).status) ?? -1
                    lock.lock(); statuses.append(status); lock.unlock()
                    group.leave()
                }.start()
            }
            group.wait()
            #expect(statuses == [0, 0])
            let shared = tree(parent + "/shared")
            #expect(shared == siteA || shared == siteB)
        }
    }
}

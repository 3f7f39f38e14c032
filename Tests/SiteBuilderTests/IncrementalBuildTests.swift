import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// Incremental builds give exactly the site a clean build gives, after every kind of change,
/// while parsing and writing only what changed; an interrupted update is repaired.
@Suite struct IncrementalBuildTests {
    private static let site = "site"
    private static let output = "site/public"

    /// A small site with every kind of dependency between notes: links to other notes'
    /// headings, prev/next neighbours, a folder, an image, the home page list, scenarios.
    private func makeSite() -> MemoryFileSystem {
        MemoryFileSystem(files: [
            "site/notesim.yml": "title: 学習ノート\nbase-url: https://example.org/notes/\n",
            "site/content/index.md": "# ホーム\n\n[同期](lambda/sync.md#再試行)\n",
            // An alert: its title is in the site's language also when the page is rendered again.
            "site/content/lambda/index.md": "---\norder: 1\n---\n# Lambda\n\n![図](img/flow.png)\n\n> [!NOTE]\n> 図の説明\n",
            "site/content/lambda/img/flow.png": "PNG",
            "site/content/lambda/sync.md": """
            ---
            order: 2
            ---
            # 同期呼び出し

            ## 再試行

            Lambda は再試行しない。[非同期](async.md#宛先)も読む。

            ```scenario
            mode: sync
            function: { fails: always }
            events:
              - at: 0s
            expect:
              attempts: 1
            ```
            """,
            "site/content/lambda/async.md": """
            ---
            order: 3
            ---
            # 非同期呼び出し

            ## 宛先

            ```scenario
            mode: async
            function: { fails: always }
            events:
              - at: 0s
            expect:
              attempts: 3
            ```
            """,
        ])
    }

    private func options(_ fileSystem: MemoryFileSystem) -> SitePipeline.Options {
        SitePipeline.Options(cache: FileScenarioCache(siteDirectory: Self.site, fileSystem: fileSystem))
    }

    @discardableResult
    private func build(_ fileSystem: MemoryFileSystem, incremental: Bool = true, listing: LoadStage.Listing? = nil) -> SiteBuild.Report {
        SiteBuild.run(
            siteDirectory: Self.site, output: Self.output, fileSystem: fileSystem, options: options(fileSystem), incremental: incremental,
            listing: listing)
    }

    /// The site a clean build of the current notes would write (the pure pipeline, no cache).
    private func cleanTree(_ fileSystem: MemoryFileSystem) -> [String: String] {
        let result = SitePipeline.run(siteDirectory: Self.site, fileSystem: fileSystem)
        var tree: [String: String] = [:]
        var hashes: [String: UInt64] = [:]
        for file in result.files {
            let bytes =
                switch file.content {
                case .bytes(let bytes): bytes
                case .copy(let source): (try? fileSystem.readFile(Path.join(Self.site, source))) ?? []
                }
            tree[file.path] = String(decoding: bytes, as: UTF8.self)
            hashes[file.path] = ContentHash.of(bytes)
        }
        // The marker's stamp is that of the files: the same files, the same stamp.
        tree[WriteStage.markerFile] = String(decoding: OutputMarker.contents(.complete(stamp: OutputMarker.stamp(of: hashes))), as: UTF8.self)
        return tree
    }

    /// Builds incrementally (with content/ listed beforehand when `listed`, as the preview
    /// does) and checks the output against a clean build.
    private func expectSameAsClean(
        _ fileSystem: MemoryFileSystem, _ step: String, listed: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> SiteBuild.Report {
        let report = build(fileSystem, listing: listed ? LoadStage.list(siteDirectory: Self.site, fileSystem: fileSystem) : nil)
        #expect(report.result.diagnostics.filter(\.isError).isEmpty, "\(step): \(report.result.diagnostics.map(\.formatted))", sourceLocation: sourceLocation)
        #expect(report.writeError == nil, "\(step)", sourceLocation: sourceLocation)
        let actual = fileSystem.tree(under: Self.output)
        let expected = cleanTree(fileSystem)
        let clean = SitePipeline.run(siteDirectory: Self.site, fileSystem: fileSystem)
        let counts = [report.result.scenarioCount, report.result.expectationsPassed, report.result.expectationsFailed, report.result.pageCount]
        #expect(
            counts == [clean.scenarioCount, clean.expectationsPassed, clean.expectationsFailed, clean.pageCount], "\(step): counts",
            sourceLocation: sourceLocation)
        #expect(report.result.diagnostics == clean.diagnostics, "\(step): diagnostics", sourceLocation: sourceLocation)
        #expect(Set(actual.keys) == Set(expected.keys), "\(step): files differ", sourceLocation: sourceLocation)
        for (path, text) in expected where actual[path] != text {
            let expectedLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = (actual[path] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                (0..<min(expectedLines.count, actualLines.count)).first { expectedLines[$0] != actualLines[$0] } ?? min(expectedLines.count, actualLines.count)
            let want = line < expectedLines.count ? String(expectedLines[line]) : "(end)"
            let got = line < actualLines.count ? String(actualLines[line]) : "(end)"
            Issue.record("\(step): \(path) differs from a clean build at line \(line + 1): expected \(want), got \(got)", sourceLocation: sourceLocation)
        }
        return report
    }

    @Test func everyKindOfChangeGivesTheCleanBuildsOutput() {
        let fileSystem = makeSite()
        let first = expectSameAsClean(fileSystem, "first build")
        #expect(!first.incremental)
        #expect(fileSystem.tree(under: Self.output)["lambda/index.html"]?.contains("</svg>注記</p>") == true)

        let unchanged = expectSameAsClean(fileSystem, "nothing changed")
        #expect(unchanged.incremental)
        #expect(unchanged.result.notesParsed == 0)
        #expect(unchanged.written == 0)

        fileSystem.add("site/content/lambda/async.md", fileSystem.tree(under: "site/content")["lambda/async.md"]! + "\n追記。\n")
        let edited = expectSameAsClean(fileSystem, "body edited")
        #expect(edited.incremental)
        #expect(edited.result.notesParsed == 1)
        // The edited page, and of the search index its chunk, the manifest and the shards of
        // the new terms 追記 and 記 (by their first characters).
        #expect(edited.written == 5, "only the edited page and its part of the index")

        fileSystem.add(
            "site/content/lambda/sync.md", fileSystem.tree(under: "site/content")["lambda/sync.md"]!.replacingFirstLine("# 同期呼び出し", with: "# 同期呼び出し (改題)"))
        let retitled = expectSameAsClean(fileSystem, "title changed: neighbours, sidebar and home list follow")
        #expect(retitled.result.notesParsed == 1)

        fileSystem.add("site/content/lambda/sqs.md", "---\norder: 4\n---\n# SQS\n\n[同期の再試行](sync.md#再試行)\n")
        _ = expectSameAsClean(fileSystem, "note added")

        try? fileSystem.removeItem("site/content/lambda/sqs.md")
        _ = expectSameAsClean(fileSystem, "note deleted")

        let asyncText = fileSystem.tree(under: "site/content")["lambda/async.md"]!
        try? fileSystem.removeItem("site/content/lambda/async.md")
        fileSystem.add("site/content/lambda/async-invocation.md", asyncText)
        fileSystem.add(
            "site/content/lambda/sync.md",
            fileSystem.tree(under: "site/content")["lambda/sync.md"]!
                .replacingOccurrencesOfLink("async.md#宛先", with: "async-invocation.md#宛先"))
        _ = expectSameAsClean(fileSystem, "note renamed and its link updated")

        fileSystem.add("site/content/lambda/index.md", "---\norder: 1\ndraft: true\n---\n# Lambda\n")
        _ = expectSameAsClean(fileSystem, "note made a draft")

        fileSystem.add("site/notesim.yml", "title: 新しい題\nbase-url: https://example.org/notes/\n")
        let retitledSite = expectSameAsClean(fileSystem, "settings changed")
        #expect(!retitledSite.incremental, "a settings change rebuilds everything")

        fileSystem.add("site/templates/partials/footer.mustache", "<footer>独自のフッター</footer>\n")
        _ = expectSameAsClean(fileSystem, "template added")

        // Every page names the sidebar script, which holds a search box per page language.
        let syncText = fileSystem.tree(under: "site/content")["lambda/sync.md"]!
        fileSystem.add("site/content/lambda/sync.md", syncText.replacingFirstLine("order: 2", with: "order: 2\nlang: en"))
        _ = expectSameAsClean(fileSystem, "a note takes up a language of its own")
        fileSystem.add("site/content/lambda/sync.md", syncText)
        _ = expectSameAsClean(fileSystem, "and drops it")

        fileSystem.add("site/content/lambda/sync.md", fileSystem.tree(under: "site/content")["lambda/sync.md"]!)
        let touched = expectSameAsClean(fileSystem, "rewritten with the same bytes")
        #expect(touched.result.notesParsed == 0)
        #expect(touched.written == 0)
    }

    @Test func aBrokenLinkInAnUnchangedNoteIsReportedWhenItsTargetLosesTheHeading() {
        let fileSystem = makeSite()
        build(fileSystem)
        fileSystem.add("site/content/lambda/async.md", "---\norder: 3\n---\n# 非同期呼び出し\n\n## 送り先\n")
        let report = build(fileSystem)
        #expect(report.result.diagnostics.map(\.formatted).contains { $0.hasPrefix("content/lambda/sync.md:8:") && $0.contains("[link.broken-anchor]") })
        #expect(report.written == 0, "a failing build writes nothing")
    }

    @Test func keepGoingAfterAnIncrementalBuildKeepsEveryPage() {
        let fileSystem = makeSite()
        build(fileSystem)
        fileSystem.add("site/content/lambda/async.md", "---\norder: 3\n---\n# 非同期呼び出し\n\n## 宛先\n\n[ない](missing.md)\n")
        let report = SiteBuild.run(siteDirectory: Self.site, output: Self.output, fileSystem: fileSystem, options: options(fileSystem), writeWithErrors: true)
        #expect(
            report.result.diagnostics.map(\.formatted) == [
                "content/lambda/async.md:8:6: error: link target 'missing.md' does not exist (looked for content/lambda/missing.md) [link.missing-file]\n"
                    + "content/lambda/async.md:8:6: note: did you mean 'async.md'?"
            ])
        #expect(report.incremental)
        let pages = fileSystem.tree(under: Self.output).keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["404.html", "index.html", "lambda/async.html", "lambda/index.html", "lambda/sync.html", "toc.html"])
        // The manifest describes that output: fixing the note updates one page in place.
        fileSystem.add("site/content/lambda/async.md", "---\norder: 3\n---\n# 非同期呼び出し\n\n## 宛先\n")
        let fixed = expectSameAsClean(fileSystem, "after the broken link is fixed")
        #expect(fixed.incremental)
        #expect(fixed.result.notesParsed == 1)
    }

    @Test func aChangedNotesLinksAreCheckedAgainstTheAnchorsOfNotesThatDidNotChange() {
        let fileSystem = makeSite()
        build(fileSystem)
        // The home page changes; the notes it links to are kept, their anchors read from the manifest.
        fileSystem.add("site/content/index.md", "# ホーム\n\n[同期](lambda/sync.md#再試行)、[宛先](lambda/async.md#宛先)、[誤り](lambda/sync.md#再試)\n")
        let report = build(fileSystem)
        #expect(report.result.notesParsed == 1)
        let clean = SitePipeline.run(siteDirectory: Self.site, fileSystem: fileSystem)
        #expect(report.result.diagnostics == clean.diagnostics)
        #expect(
            report.result.diagnostics.map(\.formatted) == [
                "content/index.md:3:56: error: 'content/lambda/sync.md' has no heading or anchor '#再試' [link.broken-anchor]\ncontent/index.md:3:56: note: did you mean '#再試行'?"
            ])
    }

    @Test func aFullBuildRecordsEveryNotesStamp() throws {
        let fileSystem = makeSite()
        #expect(!build(fileSystem).incremental)
        let bytes = try fileSystem.readFile(SiteBuild.stateFolder(siteDirectory: Self.site, output: Self.output, fileSystem: fileSystem) + "/manifest")
        let manifest = try #require(ManifestCodec.decode(bytes))
        // So the next build reads only the notes that changed, not every note once more.
        for (path, record) in manifest.notes {
            #expect(record.stamp == fileSystem.stamp(of: Path.join(Self.site, path)), "\(path)")
        }
    }

    @Test func anInterruptedUpdateIsRepairedByAFullBuild() {
        let fileSystem = makeSite()
        build(fileSystem)
        // A build killed halfway through an in-place update: its marker is left, a page is stale.
        fileSystem.add(SiteBuild.stateFolder(siteDirectory: Self.site, output: Self.output, fileSystem: fileSystem) + "/in-progress", "in progress\n")
        fileSystem.add("site/public/lambda/sync.html", "half-written")
        let repaired = expectSameAsClean(fileSystem, "after an interrupted update")
        #expect(!repaired.incremental)
        #expect(fileSystem.kind(of: SiteBuild.stateFolder(siteDirectory: Self.site, output: Self.output, fileSystem: fileSystem) + "/in-progress") == nil)
        #expect(expectSameAsClean(fileSystem, "next build").incremental)
    }

    @Test func aBuildGivenTheWatchersListingGivesTheCleanBuildsOutput() {
        let fileSystem = makeSite()
        #expect(!expectSameAsClean(fileSystem, "first build", listed: true).incremental)
        fileSystem.add("site/content/lambda/async.md", fileSystem.tree(under: "site/content")["lambda/async.md"]! + "\n追記。\n")
        let edited = expectSameAsClean(fileSystem, "body edited", listed: true)
        #expect(edited.result.notesParsed == 1)
        fileSystem.add("site/content/lambda/sqs.md", "---\norder: 4\n---\n# SQS\n")
        fileSystem.addSymbolicLink("site/content/lambda/link.md")
        let added = expectSameAsClean(fileSystem, "note and link added", listed: true)
        #expect(
            added.result.diagnostics.map(\.formatted) == [
                "content/lambda/link.md: warning: symbolic links are not followed; the link is ignored [file.symlink]"
            ])
    }

    @Test func editsAreAppendedToTheManifestUntilTheyOutgrowHalfOfIt() throws {
        let fileSystem = makeSite()
        build(fileSystem)
        let path = SiteBuild.stateFolder(siteDirectory: Self.site, output: Self.output, fileSystem: fileSystem) + "/manifest"
        let whole = try fileSystem.readFile(path)
        let note = "site/content/lambda/async.md"
        let text = fileSystem.tree(under: "site/content")["lambda/async.md"]!
        fileSystem.add(note, text + "\n追記 1。\n")
        #expect(expectSameAsClean(fileSystem, "edit 1").incremental)
        var stored = try fileSystem.readFile(path)
        #expect(Array(stored.prefix(whole.count)) == whole, "the whole manifest is left as it was")
        #expect(String(decoding: stored.dropFirst(whole.count), as: UTF8.self).hasPrefix("patch\n"))
        // Each edit adds its changes, read back by the next build, until they would outgrow
        // half of the whole manifest: it is then written whole again, in path order.
        var edits = 1
        while edits < 20 {
            edits += 1
            fileSystem.add(note, text + "\n追記 \(edits)。\n")
            #expect(expectSameAsClean(fileSystem, "edit \(edits)").incremental)
            let next = try fileSystem.readFile(path)
            defer { stored = next }
            if next.count < stored.count { break }
        }
        #expect(edits > 2)
        let compacted = try fileSystem.readFile(path)
        #expect(!String(decoding: compacted, as: UTF8.self).contains("\npatch\n"))
        #expect(ManifestCodec.encode(try #require(ManifestCodec.decode(compacted))) == compacted)
    }

    @Test func theManifestIsWrittenWholeAgainAfterSoManyAppendedParts() throws {
        let fileSystem = makeSite()
        // Enough notes that the appended parts stay far below half of the manifest.
        for index in 0..<600 { fileSystem.add("site/content/many/n\(index).md", "# ノート \(index)\n") }
        build(fileSystem)
        let path = SiteBuild.stateFolder(siteDirectory: Self.site, output: Self.output, fileSystem: fileSystem) + "/manifest"
        let note = "site/content/lambda/async.md"
        let text = fileSystem.tree(under: "site/content")["lambda/async.md"]!
        func patches() throws -> Int {
            try fileSystem.readFile(path).withUnsafeBufferPointer { bytes in
                (0..<(bytes.count - 6)).count { bytes[$0] == 0x0A && bytes[$0 + 1] == 0x70 && Array(bytes[$0..<($0 + 7)]) == Array("\npatch\n".utf8) }
            }
        }
        for edit in 1...SiteBuild.patchLimit {
            fileSystem.add(note, text + "\n追記 \(edit)。\n")
            #expect(build(fileSystem).incremental)
            #expect(try patches() == edit)
        }
        fileSystem.add(note, text + "\n追記。\n")
        #expect(expectSameAsClean(fileSystem, "after \(SiteBuild.patchLimit) appended parts").incremental)
        #expect(try patches() == 0)
    }

    @Test func theManifestRoundTrips() throws {
        let fileSystem = makeSite()
        build(fileSystem)
        let bytes = try fileSystem.readFile(SiteBuild.stateFolder(siteDirectory: Self.site, output: Self.output, fileSystem: fileSystem) + "/manifest")
        let manifest = try #require(ManifestCodec.decode(bytes))
        #expect(ManifestCodec.encode(manifest) == bytes)
        #expect(manifest.notes.keys.sorted() == ["content/index.md", "content/lambda/async.md", "content/lambda/index.md", "content/lambda/sync.md"])
        #expect(manifest.notes["content/lambda/sync.md"]?.summary.anchors == ["同期呼び出し", "再試行"])
        // A record changed after decoding is written anew, the others as they were read.
        var changed = manifest
        changed.notes["content/lambda/sync.md"]?.renderKey = 42
        changed.notes["content/lambda/async.md"]?.summary.title = "改題"
        let rewritten = try #require(ManifestCodec.decode(ManifestCodec.encode(changed)))
        #expect(rewritten == changed)
        #expect(rewritten.notes["content/lambda/sync.md"]?.renderKey == 42)
        #expect(rewritten.notes["content/lambda/async.md"]?.summary.title == "改題")
        #expect(rewritten.notes["content/index.md"] == manifest.notes["content/index.md"])
        // A new path is encoded in its sorted place (the decoded order is reused only while
        // the paths are the same).
        var grown = manifest
        var added = try #require(manifest.notes["content/index.md"])
        added.renderKey = 7
        grown.notes["content/a.md"] = added
        grown.files["a.html"] = 1
        let lines = String(decoding: ManifestCodec.encode(grown), as: UTF8.self).split(separator: "\n")
        let notePaths = lines.filter { $0.hasPrefix("note\t") }.map { $0.split(separator: "\t")[1] }
        let filePaths = lines.filter { $0.hasPrefix("file\t") }.map { $0.split(separator: "\t")[2] }
        #expect(notePaths == ["content/a.md", "content/index.md", "content/lambda/async.md", "content/lambda/index.md", "content/lambda/sync.md"])
        #expect(filePaths == filePaths.sorted() && filePaths.contains("a.html"))
        #expect(ManifestCodec.decode(Array("not a manifest\n".utf8)) == nil)
        #expect(ManifestCodec.decode(bytes.dropLast(3) + Array("\nbogus\tline\n".utf8)) == nil)
    }
}

private extension String {
    func replacingFirstLine(_ old: String, with new: String) -> String {
        var lines = components(separatedBy: "\n")
        if let index = lines.firstIndex(of: old) { lines[index] = new }
        return lines.joined(separator: "\n")
    }

    func replacingOccurrencesOfLink(_ old: String, with new: String) -> String {
        components(separatedBy: old).joined(separator: new)
    }
}

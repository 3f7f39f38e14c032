import Foundation
import NotesCore
import SearchIndex
import SiteBuilder
import Testing
import TestSupport

/// Search: the box in the default templates, the `search` setting, and the index the build
/// writes from the page model (which text goes in, and how an edit updates it). The browser
/// tests that type queries are in NotesCLITests/SearchBrowserTests.swift.
@Suite struct SearchTests {
    @Test func pagesHaveASearchBoxThatFindsTheIndexFromAnyDepth() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": "# A\n", "s/content/lambda/b.md": "# B\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        let page = result.text(at: "a.html") ?? ""
        #expect(page.contains(#"<div class="site-search" role="search" data-index="search-index/" data-root="" data-results="%d 件のノート""#))
        #expect(page.contains(#"<input id="site-search-input" type="search" placeholder="検索 ( / )""#))
        #expect(page.contains(#"<script src="assets/search."#))
        #expect(result.text(at: "lambda/b.html")?.contains(#"data-index="../search-index/" data-root="../""#) == true)
    }

    @Test func englishSitesGetEnglishStrings() {
        let fileSystem = MemoryFileSystem(files: ["s/notesim.yml": "language: en\n", "s/content/a.md": "# A\n"])
        let page = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).text(at: "a.html") ?? ""
        #expect(page.contains(#"data-results="%d notes" data-no-results="No notes match “%s”""#))
    }

    @Test func searchFalseRemovesTheBoxAndTheIndex() {
        let fileSystem = MemoryFileSystem(files: ["s/notesim.yml": "search: false\n", "s/content/a.md": "# A\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.config.search == false)
        #expect(result.text(at: "a.html")?.contains("site-search") == false)
        #expect(!result.files.contains { $0.path.hasPrefix("search-index/") })
    }

    @Test func searchMustBeABoolean() {
        let (_, problems) = SiteConfig.parse("search: maybe\n", path: "notesim.yml")
        #expect(problems.map(\.formatted) == ["notesim.yml:1:9: error: 'search' must be true or false, not 'maybe' [config.type]"])
    }

    @Test func theIndexHoldsProseHeadingsAndClaimsButNoScenarioSourceOrFigure() throws {
        let note = """
            # 可視性 \\<script>x\\</script>

            Intro with **bold** and `code` &amp; more.

            ## 再試行 {#ignored}

            Lambda retries &#x3042;.

            ```scenario
            title: SECRETTITLE
            mode: sync
            events:
              - at: 0s
            expect:
              attempts: 1
            ```

            After.
            """
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": note])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        let chunk = try #require(result.text(at: "search-index/d/0.json"))
        // Markup in a heading is text, escaped in the JSON; the scenario's claims are there,
        // its title and source are not.
        #expect(
            chunk == #"""
                [["a.html","可視性 \u003cscript\u003ex\u003c/script\u003e",[["可視性-scriptxscript","可視性 \u003cscript\u003ex\u003c/script\u003e","Intro with bold and code \u0026 more."],["再試行-ignored","再試行 {#ignored}","Lambda retries あ. expect: attempts: 1 After."]]]]

                """#)
        // 29 tokens: 6 in the title, 6 in its heading, 6, 4 and 7; bucket G is 1.25^16 ≈ 36.
        let manifest = #"{"format":1,"documents":1,"length":29,"chunk":8,"key":"9ace18eb63645121","lengths":"G"}"#
        #expect(result.text(at: "search-index/index.json") == manifest + "\n")
        #expect(result.text(at: "search-index/t/72-65.txt") == "retry\t0\n")
        // 再試 in a heading counts 3; 再 never ends a run, so it has no term of its own.
        #expect(result.text(at: "search-index/t/518d.txt") == "再試\t0:3\n")
        #expect(!chunk.contains("SECRETTITLE"))
    }

    @Test func aNoteNamedLikeAURLSchemeIsIndexedAsAFile() throws {
        let fileSystem = MemoryFileSystem(files: ["s/content/javascript:x.md": "# J\n\nbody\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.text(at: "search-index/d/0.json")?.hasPrefix(#"[["javascript%3Ax.html","J""#) == true)
    }

    @Test func anEditRewritesOnlyThatNotesShardsChunkAndTheManifest() throws {
        var files: [String: String] = [:]
        for number in 0..<20 { files["s/content/n\(number).md"] = "# Note \(number)\n\nshared words here, 共通の本文。\n" }
        let fileSystem = MemoryFileSystem(files: files)
        let output = "s/public"
        func build() -> SiteBuild.Report {
            SiteBuild.run(siteDirectory: "s", output: output, fileSystem: fileSystem, options: .init())
        }
        _ = build()
        let before = fileSystem.tree(under: output)
        try fileSystem.writeFile("s/content/n12.md", contents: Array("# Note 12\n\nshared words here, 共通の本文。zebra\n".utf8))
        let report = build()
        #expect(report.incremental)
        let after = fileSystem.tree(under: output)
        let changed = Set(after.keys.filter { before[$0] != after[$0] }).union(before.keys.filter { after[$0] == nil })
        #expect(
            changed == [
                "n12.html", "search-index/index.json", "search-index/d/0.json", "search-index/t/7a-65.txt", WriteStage.markerFile,
            ])
        // Ids follow the pages' paths: n0, n1, n10, n11, n12.
        #expect(after["search-index/t/7a-65.txt"] == "zebra\t4\n")
    }
}

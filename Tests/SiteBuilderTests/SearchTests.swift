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
    @Test func pagesHaveAPlaceForTheSearchBoxWhichIsWrittenOnceInTheSharedScript() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": "# A\n", "s/content/lambda/b.md": "# B\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        let page = result.text(at: "a.html") ?? ""
        #expect(page.contains("<div class=\"site-search\" hidden></div>\n"))
        #expect(page.contains(#"<script src="assets/search."#))
        #expect(!page.contains("role=\"search\""))
        // search.js finds the index from the page's data-root, at any depth.
        #expect(result.text(at: "lambda/b.html")?.contains(#"<html lang="ja" data-root="../""#) == true)
        let script = result.text(at: "toc.#.js") ?? ""
        #expect(
            script.contains(
                #"window.notesimSearchBox = {"ja": "\u003cdiv class=\"site-search\" role=\"search\" data-results=\"%d 件のノート\" data-results-one=\"1 件のノート\" data-no-results=\"「%s」に一致するノートはありません\" hidden\u003e\n"#
            ))
        #expect(script.contains(#"\u003cinput id=\"site-search-input\" type=\"search\" placeholder=\"検索 ( / )\""#))
    }

    @Test func theBoxSpeaksEachLanguageThePagesUse() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": "# A\n", "s/content/b.md": "---\nlang: en\n---\n# B\n"])
        let script = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).text(at: "toc.#.js") ?? ""
        #expect(script.contains(#"window.notesimSearchBox = {"en": "\u003cdiv class=\"site-search\" role=\"search\" data-results=\"%d notes\""#))
        #expect(script.contains(#"\u003c/div\u003e\n", "ja": "\u003cdiv class=\"site-search\" role=\"search\" data-results=\"%d 件のノート\""#))
    }

    /// A note's `lang:` is a key of the shared script's boxes: one with markup is refused
    /// (only ja and en have words), so it never reaches the script.
    @Test func aLanguageWithMarkupIsRefusedAndNeverReachesTheScript() {
        let fileSystem = MemoryFileSystem(files: [
            "s/content/a.md": "---\nlang: \"x</script><script>alert(1)</script>\"\n---\n# A\n", "s/content/b.md": "# B\n",
        ])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        let script = result.text(at: "toc.#.js") ?? ""
        #expect(!script.contains("</script>"))
        #expect(!script.contains("alert"))
        #expect(
            result.printedDiagnostics == [
                "content/a.md:2:7: error: 'lang' must be ja or en (the languages the theme has words for) [frontmatter.type]"
            ])
    }

    @Test func englishSitesGetEnglishStrings() {
        let fileSystem = MemoryFileSystem(files: ["s/notesim.yml": "language: en\n", "s/content/a.md": "# A\n"])
        let script = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).text(at: "toc.#.js") ?? ""
        #expect(
            script.contains(
                #"{"en": "\u003cdiv class=\"site-search\" role=\"search\" data-results=\"%d notes\" data-results-one=\"1 note\" data-no-results=\"No notes match “%s”\""#
            ))
    }

    @Test func searchFalseRemovesTheBoxAndTheIndex() {
        let fileSystem = MemoryFileSystem(files: ["s/notesim.yml": "search: false\n", "s/content/a.md": "# A\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.config.search == false)
        #expect(result.text(at: "a.html")?.contains("site-search") == false)
        #expect(result.text(at: "toc.#.js")?.contains("notesimSearchBox") == false)
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
        let keptFile = try #require(result.stateFiles.first { $0.path == "search-terms/0" })
        guard case .bytes(let keptBytes) = keptFile.content else { Issue.record("kept terms are not bytes"); return }
        // The published chunk has the page's address and title (markup in it is text, escaped
        // in the JSON) and the hash of the terms kept in the state folder; those are the
        // terms of the page's prose and its scenario's claims, not of its title or source.
        #expect(
            chunk == #"""
                {"terms":"\#(FNV1a.hex(ContentHash.of(keptBytes)))","pages":[["a.html","可視性 \u003cscript\u003ex\u003c/script\u003e"]]}

                """#)
        let record = try #require(KeptTerms.records(keptBytes)?.first)
        let kept = try #require(KeptTerms.page(record))
        let expected = CountedDocument(
            SearchDocument(
                url: "a.html", title: "可視性 <script>x</script>",
                sections: [
                    .init(anchor: "可視性-scriptxscript", heading: "可視性 <script>x</script>", text: "Intro with bold and code & more."),
                    .init(anchor: "再試行-ignored", heading: "再試行 {#ignored}", text: "Lambda retries あ. expect: attempts: 1 After."),
                ]))
        #expect(kept.title == "可視性 <script>x</script>")
        #expect(kept.length == 29)
        #expect(
            Dictionary(uniqueKeysWithValues: kept.terms.map { ($0.term, $0.count) })
                == Dictionary(uniqueKeysWithValues: expected.terms.map { ($0.term, $0.count) }))
        #expect(kept.terms.contains { $0.term == "attempt" })
        #expect(!kept.terms.contains { $0.term.contains("secret") })
        // 29 tokens: 6 in the title, 6 in its heading, 6, 4 and 7; bucket G is 1.25^16 ≈ 36.
        let manifest = #"{"format":2,"documents":1,"length":29,"chunk":32,"key":"9ace18eb63645121","lengths":"G"}"#
        #expect(result.text(at: "search-index/index.json") == manifest + "\n")
        #expect(result.text(at: "search-index/t/72-65.txt") == "retry\t0\n")
        // 再試 in a heading counts 3; 再 never ends a run, so it has no term of its own.
        #expect(result.text(at: "search-index/t/518d.txt") == "再試\t0:3\n")
    }

    @Test func aNoteNamedLikeAURLSchemeIsIndexedAsAFile() throws {
        let fileSystem = MemoryFileSystem(files: ["s/content/javascript:x.md": "# J\n\nbody\n"])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.text(at: "search-index/d/0.json")?.contains(#""pages":[["javascript%3Ax.html","J"]]"#) == true)
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

    @Test func anEditAfterTheKeptTermsWereLostGivesTheIndexAFreshBuildGives() throws {
        var files: [String: String] = [:]
        for number in 0..<40 { files["s/content/n\(number).md"] = "# Note \(number)\n\nshared words here, 共通の本文。\n" }
        let fileSystem = MemoryFileSystem(files: files)
        func build(_ output: String) -> SiteBuild.Report {
            SiteBuild.run(siteDirectory: "s", output: output, fileSystem: fileSystem, options: .init())
        }
        _ = build("s/public")
        let kept = SiteBuild.stateFolder(siteDirectory: "s", output: "s/public", fileSystem: fileSystem) + "/search-terms"
        // 40 pages: two chunks of kept terms, beside the manifest, none in the site.
        #expect(fileSystem.tree(under: kept).keys.sorted() == ["0", "1"])
        #expect(!fileSystem.tree(under: "s/public").keys.contains { $0.contains("search-terms") })
        try fileSystem.removeItem(kept + "/0")
        try fileSystem.writeFile("s/content/n12.md", contents: Array("# Note 12\n\nshared words here, 共通の本文。zebra\n".utf8))
        #expect(build("s/public").incremental)
        _ = build("s/fresh")
        func index(_ output: String) -> [String: String] { fileSystem.tree(under: output).filter { $0.key.hasPrefix("search-index/") } }
        #expect(index("s/public") == index("s/fresh"))
        #expect(index("s/public")["search-index/t/7a-65.txt"] == "zebra\t4\n")
        #expect(fileSystem.tree(under: kept).keys.sorted() == ["0", "1"])
    }

    @Test func aWholeBuildRemovesThePagesTextsEarlierBuildsKept() throws {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": "# A\n\nbody\n"])
        let state = SiteBuild.stateFolder(siteDirectory: "s", output: "s/public", fileSystem: fileSystem)
        try fileSystem.createDirectory(state + "/search-texts")
        try fileSystem.writeFile(state + "/search-texts/0", contents: Array("notesim search texts 1\n".utf8))
        _ = SiteBuild.run(siteDirectory: "s", output: "s/public", fileSystem: fileSystem, options: .init())
        #expect(fileSystem.tree(under: state + "/search-texts").isEmpty)
        #expect(fileSystem.tree(under: state + "/search-terms").keys.sorted() == ["0"])
    }
}

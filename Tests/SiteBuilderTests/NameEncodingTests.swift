import NotesCore
import SiteBuilder
import Testing
import TestSupport

/// Names are data, never markup: every address notesim builds from a file name is
/// percent-encoded, in the home page's list, the sidebar (`toc.js`, `toc.html`), the pager
/// and the rewritten Markdown links, so `javascript:alert(1);x.md` is a page, not a script.
@Suite struct NameEncodingTests {
    private static let result: SitePipeline.Result = {
        let fileSystem = MemoryFileSystem(files: HostileNames.site.reduce(into: [:]) { $0["site/" + $1.key] = $1.value })
        return SitePipeline.run(siteDirectory: "site", fileSystem: fileSystem)
    }()

    private func addresses(_ path: String) -> [String] {
        HostileNames.addresses(in: Self.result.text(at: path) ?? "").map(Fixtures.withoutHash)
    }

    private static let sidebar = [
        "index.html", "%22q%27%3Cx%3E.html", "-lead.html", "100%25.html", "a%20b.html", "h%231.html",
        "javascript%3Aalert%281%29%3Bx.html", "sub/c%20d.html", "what%3F.html", "%E6%97%A5%E6%9C%AC%E8%AA%9E.html",
    ]

    @Test func theSiteBuildsWithoutDiagnostics() {
        #expect(Self.result.printedDiagnostics == [])
    }

    @Test func theHomePageListAndItsRewrittenLinksAreEncoded() {
        #expect(
            addresses("index.html") == [
                "assets/style.#.css", "toc.#.js", "assets/notesim.#.js", "assets/search.#.js", "#content", "index.html", "toc.html",
                "javascript%3Aalert%281%29%3Bx.html", "h%231.html", "what%3F.html", "100%25.html", "a%20b.html",
                "%E6%97%A5%E6%9C%AC%E8%AA%9E.html", "%22q%27%3Cx%3E.html", "-lead.html", "sub/c%20d.html",
                "./javascript%3Aalert%281%29%3Bx.html",
            ] + Self.sidebar.dropFirst() + ["%22q%27%3Cx%3E.html"])
    }

    @Test func theSidebarScriptAndPageAreEncoded() {
        #expect(addresses("toc.#.js") == Self.sidebar)
        #expect(addresses("toc.html") == ["assets/style.#.css"] + Self.sidebar)
    }

    @Test func thePagerAndLinksFromAFolderAreEncoded() {
        #expect(
            addresses("javascript:alert(1);x.html").suffix(4) == [
                "index.html", "h%231.html#h", "h%231.html", "sub/c%20d.html",
            ])
        #expect(
            addresses("sub/c d.html").suffix(3) == [
                "../%E6%97%A5%E6%9C%AC%E8%AA%9E.html", "../javascript%3Aalert%281%29%3Bx.html", "../what%3F.html",
            ])
    }

    @Test func theSidebarMarksTheCurrentPageByItsEncodedAddress() {
        #expect(Self.result.text(at: "h#1.html")?.contains(#"data-page="h%231.html""#) == true)
        #expect(Self.result.text(at: "sub/c d.html")?.contains(#"data-page="sub/c%20d.html""#) == true)
    }

    @Test func pathsAreEncodedSegmentBySegment() {
        #expect(PercentEncoding.encodePath("javascript:alert(1);x.html") == "javascript%3Aalert%281%29%3Bx.html")
        #expect(PercentEncoding.encodePath("a b/h#1?/100%/日本.html") == "a%20b/h%231%3F/100%25/%E6%97%A5%E6%9C%AC.html")
        #expect(PercentEncoding.encodePath("-a_b.c~d/e+f&g=h'i\"j<k>.html") == "-a_b.c~d/e%2Bf%26g%3Dh%27i%22j%3Ck%3E.html")
        #expect(OutputPaths.url(of: "what?.html", from: "a/b/c.html") == "../../what%3F.html")
        #expect(OutputPaths.rewrite("h%231.md#x") == "h%231.html#x")
        #expect(OutputPaths.rewrite("a b/README.md?plain=1") == "a%20b/index.html?plain=1")
    }
}

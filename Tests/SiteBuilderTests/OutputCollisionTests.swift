import SiteBuilder
import Testing
import TestSupport

/// Two sources never write one output file: each collision is an error naming both (issue 18,
/// "no silent overwrite").
@Suite struct OutputCollisionTests {
    private func errors(_ files: [String: String]) -> [String] {
        SitePipeline.run(siteDirectory: "s", fileSystem: MemoryFileSystem(files: files.reduce(into: [:]) { $0["s/" + $1.key] = $1.value }))
            .printedDiagnostics.filter { $0.contains("[output.collision]") }.map { String($0.prefix { $0 != "\n" }) }
    }

    @Test func notesThatWouldReplaceGeneratedFiles() {
        #expect(
            errors(["content/toc.md": "# T\n", "content/404.md": "# N\n", "content/assets/x.md": "# X\n", "content/search-index/p.md": "# P\n"]) == [
                "content/404.md: error: this note would become 404.html, which is the not-found page [output.collision]",
                "content/assets/x.md: error: this note would become assets/x.html, which is the theme's assets/ folder [output.collision]",
                "content/search-index/p.md: error: this note would become search-index/p.html, which is the search index's search-index/ folder [output.collision]",
                "content/toc.md: error: this note would become toc.html, which is the sidebar page [output.collision]",
            ])
    }

    @Test func linkedFilesThatWouldReplaceAPageOrAGeneratedFile() {
        let links = "# A\n\n[r](robots.txt) [s](sitemap.xml) [m](m.html) [i](index.html) [j](toc.1a2b.js) [p](search-index/x.js)\n"
        let files = [
            "content/a.md": links, "content/m.md": "# M\n", "content/m.html": "<p>m</p>", "content/robots.txt": "x",
            "content/sitemap.xml": "x", "content/index.html": "x", "content/toc.1a2b.js": "x", "content/search-index/x.js": "x",
        ]
        #expect(
            errors(files) == [
                "content/index.html: error: this file would be copied to index.html, which is the home page [output.collision]",
                "content/m.html: error: this file would be copied to m.html, where the page of content/m.md is written [output.collision]",
                "content/robots.txt: error: this file would be copied to robots.txt, which is the robots.txt notesim writes [output.collision]",
                "content/search-index/x.js: error: this file would be copied to search-index/x.js, which is the search index's search-index/ folder [output.collision]",
                "content/toc.1a2b.js: error: this file would be copied to toc.1a2b.js, which is the sidebar script [output.collision]",
            ])
        var withSitemap = files
        withSitemap["notesim.yml"] = "base-url: https://example.org/\n"
        #expect(errors(withSitemap).contains("content/sitemap.xml: error: this file would be copied to sitemap.xml, which is the sitemap [output.collision]"))
    }

    @Test func anIndexNoteAndAnIndexFileBesideIt() {
        #expect(
            errors(["content/index.md": "# Home\n\n[x](index.html)\n", "content/index.html": "x"]) == [
                "content/index.html: error: this file would be copied to index.html, where the page of content/index.md is written [output.collision]"
            ])
    }

    @Test func ordinaryNamesDoNotCollide() {
        #expect(errors(["content/toc-notes.md": "# T\n\n[a](assets.png)\n", "content/assets.png": "x", "content/a/404.md": "# N\n"]) == [])
    }
}

import Foundation
import SiteBuilder
import Testing
import TestSupport

/// The files hosts look for: 404.html, robots.txt, sitemap.xml, and hashed asset names.
@Suite struct PublishingFilesTests {
    private func build(_ files: [String: String]) -> SitePipeline.Result {
        SitePipeline.run(siteDirectory: "s", fileSystem: MemoryFileSystem(files: files.reduce(into: [:]) { $0["s/" + $1.key] = $1.value }))
    }

    @Test func sitemapListsEveryPageUnderTheBaseURL() throws {
        let result = build([
            "notesim.yml": "base-url: https://example.org/notes\n",
            "content/index.md": "# Home\n",
            "content/lambda/同期.md": "# 同期\n",
            "content/lambda/README.md": "# Lambda\n",
        ])
        #expect(
            result.text(at: "sitemap.xml") == """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>https://example.org/notes/</loc></url>
                <url><loc>https://example.org/notes/lambda/</loc></url>
                <url><loc>https://example.org/notes/lambda/%E5%90%8C%E6%9C%9F.html</loc></url>
                </urlset>

                """)
        #expect(result.text(at: "robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/notes/sitemap.xml\n")
        let notFound = try #require(result.text(at: "404.html"))
        #expect(notFound.contains("<a href=\"/notes/index.html\">"), "the 404 page links from the site's root path")
        #expect(Fixtures.withoutHash(notFound).contains("href=\"/notes/assets/style.#.css\""))
    }

    /// A base URL written with Japanese is escaped in the sitemap and the 404 page's root, as
    /// the pages' own names are.
    @Test func aBaseURLWithNonASCIIIsEscaped() throws {
        let result = build(["notesim.yml": "base-url: https://example.org/ノート/\n", "content/index.md": "# Home\n"])
        #expect(result.text(at: "sitemap.xml")?.contains("<url><loc>https://example.org/%E3%83%8E%E3%83%BC%E3%83%88/</loc></url>") == true)
        let notFound = try #require(result.text(at: "404.html"))
        #expect(notFound.contains("<a href=\"/%E3%83%8E%E3%83%BC%E3%83%88/index.html\">"))
    }

    /// A host in Japanese would be percent-encoded in the sitemap, which no crawler resolves.
    @Test func aBaseURLHostMustBeASCII() {
        #expect(
            SiteConfig.parse("base-url: https://例え.jp/notes/\n", path: "notesim.yml").1.map(\.formatted) == [
                "notesim.yml:1:11: error: 'base-url' must write its host in ASCII (the xn-- form your registrar gives), not 'https://例え.jp/notes/' [config.type]"
            ])
    }

    @Test func withoutABaseURLThereIsNoSitemap() {
        let result = build(["content/index.md": "# Home\n"])
        #expect(result.text(at: "sitemap.xml") == nil)
        #expect(result.text(at: "robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(result.text(at: "404.html")?.contains("<a href=\"/index.html\">") == true)
    }

    @Test func scriptsAndStylesheetsCarryAContentHash() {
        let result = build(["content/index.md": "# Home\n"])
        let hashed = result.files.map(\.path).filter { $0.hasSuffix(".css") || $0.hasSuffix(".js") }
        #expect(hashed.count == 4)
        for path in hashed {
            #expect(path.range(of: #"\.[0-9a-f]{10}\.(css|js)$"#, options: .regularExpression) != nil, "\(path)")
        }
        let other = build(["content/index.md": "# Home\n", "content/b.md": "# B\n"])
        let toc = { (result: SitePipeline.Result) in result.files.map(\.path).first { $0.hasPrefix("toc.") && $0.hasSuffix(".js") } }
        #expect(toc(result) != toc(other), "a new note changes the sidebar, so its name")
    }
}

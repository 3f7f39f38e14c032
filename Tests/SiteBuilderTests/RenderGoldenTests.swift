import SiteBuilder
import Testing
import TestSupport

/// Golden tests of rendered pages: the `<main>` element of each page of a fixture site
/// with Japanese headings and links between notes.
@Suite struct RenderGoldenTests {
    private let result = SitePipeline.run(siteDirectory: Fixtures.folder("japanese-site"), fileSystem: LocalFileSystem())

    @Test func fixtureSiteBuildsWithoutDiagnostics() {
        #expect(result.printedDiagnostics == [])
        // Besides the search index, whose shards follow the notes' words (SearchTests).
        #expect(
            result.files.map { Fixtures.withoutHash($0.path) }.filter { !$0.hasPrefix("search-index/t/") } == [
                ".nojekyll", "404.html", "assets/notesim.#.js", "assets/search.#.js", "assets/style.#.css", "index.html",
                "lambda/batching.html", "lambda/img/sync.svg", "lambda/index.html",
                "robots.txt", "search-index/d/0.json", "search-index/index.json", "toc.#.js", "toc.html",
            ])
    }

    @Test(arguments: ["index.html", "lambda/index.html", "lambda/batching.html"])
    func mainElementMatchesGolden(page: String) throws {
        let html = try #require(result.text(at: page))
        expectSnapshot(Fixtures.mainElement(of: html), named: page.replacingOccurrences(of: "/", with: "_"))
    }

    @Test func sidebarIsEmittedOnceAsScriptAndPage() throws {
        let script = try #require(result.text(at: "toc.#.js"))
        expectSnapshot(script, named: "toc.js")
        let page = try #require(result.text(at: "lambda/batching.html"))
        #expect(!page.contains("<ol class=\"toc\">"), "the sidebar list must not be copied into pages")
        #expect(Fixtures.withoutHash(page).contains("<script src=\"../toc.#.js\" defer></script>"))
        #expect(page.contains("<iframe class=\"sidebar-frame\" src=\"../toc.html\""))
    }

    @Test func pagesCarryLanguageTitleAndRelativeAssets() throws {
        let page = try #require(result.text(at: "lambda/batching.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\" data-root=\"../\" data-copy=\"コピー\" data-copied=\"コピーしました\">"))
        #expect(page.contains("<title>バッチ処理 | テスト用ノート</title>"))
        #expect(page.contains("<meta name=\"description\" content=\"バッチウィンドウとバッチサイズ\">"))
        #expect(Fixtures.withoutHash(page).contains("<link rel=\"stylesheet\" href=\"../assets/style.#.css\">"))
    }
}

import SiteBuilder
import Testing
import TestSupport

/// A page's title and its table of contents: the note's leading heading is its title once,
/// whatever its level, and the contents list the two highest levels below it.
@Suite struct PageTitleAndContentsTests {
    private func page(_ note: String, at path: String = "a.md") -> String {
        let fileSystem = MemoryFileSystem(files: ["s/content/" + path: note, "s/content/z.md": "# Z\n"])
        return SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).text(at: String(path.dropLast(3)) + ".html") ?? ""
    }

    private func contents(_ html: String) -> [String] {
        html.split(separator: "\n").filter { $0.hasPrefix("<li class=\"toc-level-") }.map(String.init)
    }

    /// A note that opens with `###` (as the user's note does) shows its title once, as the
    /// page's `<h1>` with the heading's id, and lists its `####` and `#####` sections.
    @Test func aLeadingHeadingOfAnyLevelIsTheTitleOnce() {
        let html = page("### 呼び出し方\n\n#### 1. 同期\n\n##### 詳細\n\n###### 深い\n\n#### 2. 非同期\n")
        #expect(html.contains("<h1 id=\"呼び出し方\">呼び出し方</h1>"))
        #expect(!html.contains("<h3"))
        #expect(html.components(separatedBy: ">呼び出し方</h").count == 2, "the title is shown once")
        #expect(
            contents(html) == [
                "<li class=\"toc-level-4\"><a href=\"#1-同期\">1. 同期</a></li>",
                "<li class=\"toc-level-5 toc-sub\"><a href=\"#詳細\">詳細</a></li>",
                "<li class=\"toc-level-4\"><a href=\"#2-非同期\">2. 非同期</a></li>",
            ])
    }

    /// With a `title:`, the note's own leading `###` stays a section under it.
    @Test func aFrontMatterTitleKeepsTheLeadingHeadingAsASection() {
        let html = page("---\ntitle: 表題\n---\n### 節\n\n#### 小節\n\n### 次の節\n")
        #expect(html.contains("<h1>表題</h1>"))
        #expect(html.contains("<h3 id=\"節\">節</h3>"))
        #expect(contents(html).count == 3)
    }

    /// A `#` title with `##` and `###` sections lists those, as before.
    @Test func aHashTitleListsItsSecondAndThirdLevels() {
        let html = page("# T\n\n## A\n\n### B\n\n#### C\n\n## D\n")
        #expect(
            contents(html) == [
                "<li class=\"toc-level-2\"><a href=\"#a\">A</a></li>", "<li class=\"toc-level-3 toc-sub\"><a href=\"#b\">B</a></li>",
                "<li class=\"toc-level-2\"><a href=\"#d\">D</a></li>",
            ])
    }

    /// The home page has its table of contents too (the guide's own home page is long).
    @Test func theHomePageHasATableOfContents() {
        let html = page("# Home\n\n## One\n\n## Two\n", at: "index.md")
        #expect(html.contains("<nav class=\"page-toc\""))
        #expect(contents(html).count == 2)
    }

    /// On a Japanese site a footnote's back link is labelled in Japanese.
    @Test func footnoteBackLinksFollowThePagesLanguage() {
        #expect(page("本文[^1]\n\n[^1]: 注\n").contains("aria-label=\"本文に戻る\">↩</a>"))
    }
}

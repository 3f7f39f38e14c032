import SiteBuilder
import Testing
import TestSupport

/// Every internal link, anchor and image is checked, with exact positions and messages.
@Suite struct LinkCheckTests {
    private func check(_ files: [String: String]) -> [String] {
        let fileSystem = MemoryFileSystem(files: files.reduce(into: [:]) { $0["site/" + $1.key] = $1.value })
        return SitePipeline.run(siteDirectory: "site", fileSystem: fileSystem).printedDiagnostics
    }

    @Test func brokenAnchorOnTheSamePageSuggestsTheNearestHeading() {
        let diagnostics = check([
            "content/a.md": "# 呼び出し\n\n- 詳しくは[こちら](#バッチ処理のカスタマイズ)を参照\n\n## バッチ処理のタイミングのカスタマイズ\n"
        ])
        #expect(
            diagnostics == [
                """
                content/a.md:3:13: error: no heading or anchor '#バッチ処理のカスタマイズ' on this page [link.broken-anchor]
                content/a.md:3:13: note: did you mean '#バッチ処理のタイミングのカスタマイズ'?
                """
            ])
    }

    @Test func linksToOtherNotesCheckTheirAnchors() {
        let diagnostics = check([
            "content/a.md": "[ok](b.md#同期) [bad](b.md#非同期) [top](b.md) [dir](sub/) [readme](sub/README.md#sub)\n",
            "content/b.md": "# B\n\n## 同期\n",
            "content/sub/README.md": "# Sub\n",
        ])
        #expect(
            diagnostics == [
                """
                content/a.md:1:21: error: 'content/b.md' has no heading or anchor '#非同期' [link.broken-anchor]
                content/a.md:1:21: note: did you mean '#同期'?
                """
            ])
    }

    @Test func missingNotesAndImagesAreReportedWithWhereTheyWereLookedFor() {
        let diagnostics = check([
            "content/notes/a.md": """
            [lb](./LoadBalancer.md) ![図](img/flow.png)

            <img src="./img/Lambda-Sync_1.png" />
            """,
            "content/notes/LoadBalancers.md": "# LB\n",
            "content/notes/img/flow.svg": "<svg/>",
        ])
        #expect(
            diagnostics == [
                """
                content/notes/a.md:1:6: error: link target './LoadBalancer.md' does not exist (looked for content/notes/LoadBalancer.md) [link.missing-file]
                content/notes/a.md:1:6: note: did you mean './LoadBalancers.md'?
                """,
                """
                content/notes/a.md:1:30: error: image 'img/flow.png' does not exist (looked for content/notes/img/flow.png) [image.missing]
                content/notes/a.md:1:30: note: did you mean 'img/flow.svg'?
                """,
                "content/notes/a.md:3:11: error: image './img/Lambda-Sync_1.png' does not exist (looked for content/notes/img/Lambda-Sync_1.png) [image.missing]",
            ])
    }

    @Test func linksThatLeaveContentOrAreAbsoluteAreErrors() {
        let diagnostics = check([
            "content/a.md": "[p](../../etc/passwd) [abs](/img/a.png) [web](https://example.org/x.md) [mail](mailto:a@b.c)\n"
        ])
        #expect(
            diagnostics == [
                """
                content/a.md:1:5: error: link '../../etc/passwd' points outside content/ [link.outside-content]
                content/a.md:1:5: note: only files inside content/ are published; move the file into content/
                """,
                """
                content/a.md:1:29: error: link '/img/a.png' is an absolute path, which breaks when the site is served under a sub-path or opened from disk [link.absolute-path]
                content/a.md:1:29: note: write a path relative to this note
                """,
            ])
    }

    /// A link out of content/ and back in (which GitHub follows) is told the path to write.
    @Test func aLinkThatLeavesContentAndComesBackInGetsThePathThatStaysInside() {
        let diagnostics = check([
            "content/index.md": "[o](../content/other.md#x)\n",
            "content/deep/a.md": "[o](../../content/other.md)\n",
            "content/other.md": "# O\n",
        ])
        #expect(
            diagnostics == [
                """
                content/deep/a.md:1:5: error: link '../../content/other.md' leaves content/ and comes back in, which the published site cannot follow [link.outside-content]
                content/deep/a.md:1:5: note: write it from this note inside content/: '../other.md'
                """,
                """
                content/index.md:1:5: error: link '../content/other.md#x' leaves content/ and comes back in, which the published site cannot follow [link.outside-content]
                content/index.md:1:5: note: write it from this note inside content/: 'other.md#x'
                """,
            ])
    }

    @Test func anchorsInRawHTMLAreLinkTargets() {
        let diagnostics = check([
            "content/a.md": "<a id=\"旧\"></a>\n\n<p><a href=\"#旧\">戻る</a> <a href=\"#新\">x</a></p>\n"
        ])
        #expect(diagnostics == ["content/a.md:3:33: error: no heading or anchor '#新' on this page [link.broken-anchor]"])
    }

    @Test func linksToDraftsAreErrors() {
        let diagnostics = check([
            "content/a.md": "[d](draft.md)\n",
            "content/draft.md": "---\ndraft: true\n---\n# D\n",
        ])
        #expect(
            diagnostics == [
                """
                content/a.md:1:5: error: link 'draft.md' points to a draft, which is not published [link.draft]
                content/a.md:1:5: note: remove 'draft: true' from that note, or build with --drafts
                """
            ])
    }

    @Test func referencedFilesAreCopiedAndOthersAreNot() {
        let fileSystem = MemoryFileSystem(files: [
            "site/content/a.md": "![x](img/used.png) [pdf](files/slides.pdf)\n",
            "site/content/img/used.png": "png",
            "site/content/img/unused.png": "png",
            "site/content/files/slides.pdf": "pdf",
        ])
        let result = SitePipeline.run(siteDirectory: "site", fileSystem: fileSystem)
        let copies = result.files.filter { if case .copy = $0.content { true } else { false } }
        #expect(copies.map(\.path) == ["files/slides.pdf", "img/used.png"])
    }

    /// Every image of a `srcset` is checked and copied: a high-density screen loads it.
    @Test func everyImageOfASrcsetIsCheckedAndCopied() {
        let fileSystem = MemoryFileSystem(files: [
            "site/content/a.md": "<img srcset=\"img/a.png 1x, img/a@2x.png 2x\" src=\"img/a.png\">\n\n<picture><source srcset=\"img/gone.webp\"></picture>\n",
            "site/content/img/a.png": "png",
            "site/content/img/a@2x.png": "png",
        ])
        let result = SitePipeline.run(siteDirectory: "site", fileSystem: fileSystem)
        let copies = result.files.filter { if case .copy = $0.content { true } else { false } }
        #expect(copies.map(\.path) == ["img/a.png", "img/a@2x.png"])
        #expect(
            result.printedDiagnostics == [
                "content/a.md:3:26: error: image 'img/gone.webp' does not exist (looked for content/img/gone.webp) [image.missing]"
            ])
    }
}

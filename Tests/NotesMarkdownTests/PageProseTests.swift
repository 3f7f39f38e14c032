import NotesMarkdown
import Testing

/// The text the parse gathers for the search index (`MarkdownPage.prose`): what a reader
/// reads, cut at headings, without figures, images' text or markup.
@Suite struct PageProseTests {
    private func prose(_ markdown: String) -> [PageProse.Section] {
        MarkdownParser.parse(markdown, options: MarkdownOptions(slotLanguages: ["scenario"], collectsProse: true)).prose?.sections ?? []
    }

    @Test func sectionsStartAtHeadingsWithTheirIdsAndTexts() {
        #expect(
            prose("前書き\n\n## 同期 `Invoke`\n\n本文 *強調* と [リンク](x.md)。\n\n## B\n") == [
                PageProse.Section(anchor: "", heading: "", text: "前書き"),
                PageProse.Section(anchor: "同期-invoke", heading: "同期 Invoke", text: "本文 強調 と リンク。"),
                PageProse.Section(anchor: "b", heading: "B", text: ""),
            ])
    }

    @Test func aSoftBreakBetweenJapaneseCharactersIsNoSpaceButBetweenWordsItIs() {
        #expect(prose("可視性\nタイムアウト\n\nvisibility\ntimeout\n").map(\.text) == ["可視性タイムアウト visibility timeout"])
    }

    @Test func blocksAreSetApartAndCodeIsText() {
        #expect(prose("- one\n- two\n\n> quoted\n\n```swift\nlet x = 1\n```\n\nend `inline`\n").map(\.text) == ["one two quoted let x = 1 end inline"])
    }

    @Test func aScenarioBlockGivesWhatTheOptionsMakeOfItsSourceWhereItStood() {
        let options = MarkdownOptions(slotLanguages: ["scenario"], collectsProse: true, slotProse: { $0.contains("CLAIM") ? "the  claim\n" : "" })
        let page = MarkdownParser.parse("before\n\n```scenario\nCLAIM\n```\n\n```scenario\nsecret\n```\n\nafter\n", options: options)
        #expect(page.prose?.sections == [PageProse.Section(anchor: "", heading: "", text: "before the claim after")])
        #expect(prose("a\n\n```scenario\nsecret\n```\n").map(\.text) == ["a"])
    }

    @Test func imagesTextAndRawMarkupAreNotProseButRawTextIs() {
        #expect(
            prose("a ![ALT](i.png) b <kbd>Ctrl</kbd>+C &amp; <br>c\n\n<details><summary>S</summary>\n\n<script>var SECRET</script>\n\n</details>\n")
                .map(\.text) == ["a b Ctrl+C & c S"])
    }

    @Test func aRawHTMLHeadingStartsASectionLikeAMarkdownOne() {
        #expect(
            prose("x\n\n<h4 id=\"field-checks\">Field <code>checks</code> &amp; more</h4>\n\ny\n") == [
                PageProse.Section(anchor: "", heading: "", text: "x"),
                PageProse.Section(anchor: "field-checks", heading: "Field checks & more", text: "y"),
            ])
    }

    @Test func headingsNested20000DeepInRawHTMLAreReadWithoutRecursion() {
        let depth = 20_000
        let html = String(repeating: "<h2 id=\"x\">", count: depth) + "deep" + String(repeating: "</h2>", count: depth)
        let sections = prose("<div>\n" + html + "\n</div>\n\nafter\n")
        #expect(sections.map(\.anchor) == ["x"])
        #expect(sections.map(\.heading) == ["deep"])
        #expect(sections.map(\.text) == ["after"])
    }

    @Test func tableCellsAreSetApart() {
        #expect(prose("| a | b |\n| --- | --- |\n| 一 | 二 |\n").map(\.text) == ["a b 一 二"])
    }

    @Test func theTextStopsAtTheLimitWithoutCuttingACharacter() throws {
        let sections = prose(String(repeating: "あ", count: PageProse.textLimit))
        let text = try #require(sections.first?.text)
        #expect(text.utf8.count == PageProse.textLimit + 2)
        #expect(text.unicodeScalars.allSatisfy { $0 == "あ" })
    }

    @Test func nothingIsGatheredUnlessAsked() {
        #expect(MarkdownParser.parse("text").prose == nil)
    }
}

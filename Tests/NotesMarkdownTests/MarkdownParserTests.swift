import NotesCore
import NotesMarkdown
import Testing

@Suite struct MarkdownParserTests {
    private let rewriting = MarkdownOptions(slotLanguages: ["scenario"]) { destination, _ in
        destination.replacingOccurrences(of: ".md", with: ".html")
    }

    @Test func headingsGetIdsAndSelfLinks() {
        let page = MarkdownParser.parse("# 見出し\n\n## 同期 `Invoke`\n")
        #expect(page.headings.map(\.id) == ["見出し", "同期-invoke"])
        #expect(page.headings.map(\.text) == ["見出し", "同期 Invoke"])
        #expect(page.headings[1].position == SourcePosition(line: 3, column: 1))
        #expect(
            page.html == """
                <h1 id="見出し">見出し</h1>
                <h2 id="同期-invoke">同期 <code>Invoke</code></h2>

                """)
    }

    @Test func linkPositionsAreInCharactersAfterJapaneseText() {
        let source = "# t\n\n- 同期呼び出しは[こちら](#バッチ)を参照\n  続きの行 [二つ目](other.md#a)\n"
        let page = MarkdownParser.parse(source)
        #expect(
            page.references == [
                Reference(kind: .link, origin: .markdown, destination: "#バッチ", position: SourcePosition(line: 3, column: 16)),
                Reference(kind: .link, origin: .markdown, destination: "other.md#a", position: SourcePosition(line: 4, column: 14)),
            ])
    }

    @Test func repeatedDestinationsMapToSuccessiveOccurrences() {
        let page = MarkdownParser.parse("[a](x.md) と [b](x.md)\n")
        #expect(page.references.map(\.position) == [SourcePosition(line: 1, column: 5), SourcePosition(line: 1, column: 17)])
    }

    @Test func linkTextThatRepeatsTheDestinationIsSkipped() {
        let page = MarkdownParser.parse("[x.md](x.md)\n")
        #expect(page.references.map(\.position) == [SourcePosition(line: 1, column: 8)])
    }

    @Test func rawHTMLReferencesAndAnchorsAreFound() {
        let source = "段落\n\n<img src=\"./img/図.png\" />\n\n- 項目 <a href=\"b.md#x\">b</a>\n\n<a id=\"here\"></a>\n"
        let page = MarkdownParser.parse(source, options: rewriting)
        #expect(
            page.references == [
                Reference(kind: .image, origin: .rawHTML, destination: "./img/図.png", position: SourcePosition(line: 3, column: 11)),
                Reference(kind: .link, origin: .rawHTML, destination: "b.md#x", position: SourcePosition(line: 5, column: 15)),
            ])
        #expect(page.explicitAnchors == ["here"])
        #expect(page.html.contains("<a href=\"b.html#x\">b</a>"))
    }

    @Test func markdownLinksAreRewrittenButReportedAsWritten() {
        let page = MarkdownParser.parse("[n](notes/a.md#見出し)\n", options: rewriting)
        #expect(page.references.first?.destination == "notes/a.md#見出し")
        #expect(page.html == "<p><a href=\"notes/a.html#%E8%A6%8B%E5%87%BA%E3%81%97\">n</a></p>\n")
    }

    @Test func codeBlocksKnowWhereTheirContentStarts() {
        let source = "text\n\n```scenario\nmode: sync\n```\n\n    indented\n"
        let page = MarkdownParser.parse(source, options: rewriting)
        #expect(
            page.codeBlocks == [
                CodeBlock(
                    info: "scenario", language: "scenario", literal: "mode: sync\n", position: SourcePosition(line: 3, column: 1), contentStartLine: 4, slot: 1),
                CodeBlock(info: "", language: "", literal: "indented\n", position: SourcePosition(line: 7, column: 5), contentStartLine: 7, slot: nil),
            ])
        #expect(page.html == "<p>text</p>\n<!--notesim-slot:1-->\n<pre><code>indented\n</code></pre>\n")
    }

    /// A block's language is its info string's first word; a tilde fence, or one inside a
    /// quote, starts the content on the next line as a backtick fence does.
    @Test func aCodeBlocksLanguageIsTheFirstWordOfItsInfo() {
        let source = "~~~  yaml   title=\"設定\"\n- a\n~~~\n\n> ```swift\tlinenos\n> let a = 1\n> ```\n"
        let page = MarkdownParser.parse(source, options: rewriting)
        #expect(page.codeBlocks.map(\.language) == ["yaml", "swift"])
        #expect(page.codeBlocks.map(\.info) == ["yaml   title=\"設定\"", "swift\tlinenos"])
        #expect(page.codeBlocks.map(\.contentStartLine) == [2, 6])
    }

    /// A fence may open on a list item's marker line (`- ````, `10. ````, `> - ````): the
    /// content still starts on the next line, where claims are then reported.
    @Test func aFenceOnAListMarkersLineStartsItsContentOnTheNextLine() {
        let source = "* ```scenario\n  mode: sync\n  ```\n\n10. ~~~yaml\n    a: 1\n    ~~~\n\n> - ```json\n>   {}\n>   ```\n\n- x\n\n      indented\n"
        let page = MarkdownParser.parse(source, options: rewriting)
        #expect(page.codeBlocks.map(\.contentStartLine) == [2, 6, 10, 15])
    }

    @Test func softBreaksBetweenJapaneseCharactersAreDropped() {
        let page = MarkdownParser.parse("同期呼び出しは\n再試行されない。\nLambda is\nfast. 日本語\nand English\n")
        #expect(page.html == "<p>同期呼び出しは再試行されない。\nLambda is\nfast. 日本語\nand English</p>\n")
    }

    @Test func rawHTMLPassesThrough() {
        let page = MarkdownParser.parse("<details><summary>要約</summary>\n\n本文\n\n</details>\n")
        #expect(page.html == "<details><summary>要約</summary>\n<p>本文</p>\n</details>\n")
    }

    @Test func deeplyNestedInputDoesNotCrash() {
        let source = String(repeating: "> ", count: 2_000) + "深い\n"
        let page = MarkdownParser.parse(source)
        #expect(page.html.contains("深い"))
    }
}

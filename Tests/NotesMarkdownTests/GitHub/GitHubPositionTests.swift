import NotesCore
import NotesMarkdown
import Testing

/// Inside GitHub's extensions everything keeps its own position: a link in a table cell
/// or a footnote is reported at its line and column, and a scenario block inside a list
/// item or an alert is still a slot at its own lines.
@Suite struct GitHubPositionTests {
    private func positions(_ source: String) -> [String] {
        MarkdownParser.parse(source).references.map { "\($0.destination) \($0.position.line):\($0.position.column)" }
    }

    @Test func linksInTableCellsAreReportedAtTheirCell() {
        let source = "Intro\n\n| a | b |\n|---|:-:|\n| [x](x.md) | **[y](y\\_1.md)** |\n| `\\|` [z](z.md) | é [w][r] |\n\n[r]: r.md\n"
        #expect(positions(source) == ["x.md 5:7", "y_1.md 5:21", "z.md 6:12", "r.md 6:22"])
    }

    @Test func aTableInsideABlockQuoteOrAfterAParagraphLine() {
        #expect(positions("> text\n> | a |\n> | - |\n> | [x](x.md) |\n") == ["x.md 4:9"])
        #expect(positions("para [p](p.md)\n| a |\n| - |\n| [b](b.md) |\n") == ["p.md 1:10", "b.md 4:7"])
    }

    @Test func linksInFootnotesAreReportedWhereTheDefinitionIsWritten() {
        let source = "Text[^1] and[^b].\n\n[^1]: See [x](x.md).\n[^b]: And\n  [y](y.md) too.\n"
        #expect(positions(source) == ["x.md 3:15", "y.md 5:7"])
        let page = MarkdownParser.parse(source)
        #expect(page.hasAnchor("fn:1") && page.hasAnchor("fnref:b") && !page.hasAnchor("fn-1"))
    }

    @Test func scenarioBlocksInListItemsAndAlertsStaySlots() {
        let source = "- item\n\n  ```scenario\n  a: 1\n  ```\n\n> [!NOTE]\n> text\n>\n> ```scenario\n> b: 2\n> ```\n"
        let page = MarkdownParser.parse(source, options: MarkdownOptions(slotLanguages: ["scenario"]))
        #expect(page.codeBlocks.map { "\($0.slot ?? 0) \($0.position.line) \($0.contentStartLine) \($0.literal)" } == ["1 3 4 a: 1\n", "2 10 11 b: 2\n"])
        #expect(page.html.contains("<div class=\"markdown-alert markdown-alert-note\">"))
        #expect(page.html.contains(MarkdownPage.slotMarker(2)))
    }

    @Test func alertTitlesComeFromTheOptions() {
        let options = MarkdownOptions(alertTitle: { "[\($0.rawValue)]" })
        let html = MarkdownParser.parse("> [!warning]\n> Careful.\n", options: options).html
        #expect(html.contains("[warning]</p>\n<p>Careful.</p>\n</div>"))
        #expect(MarkdownParser.parse("> [!NOTE]\n").html == "<blockquote>\n<p>[!NOTE]</p>\n</blockquote>\n")
    }
}

import NotesCore
import NotesMarkdown
import Testing

/// A link is reported at its own line and character column, also when what is written
/// differs from the destination cmark gives (escapes, entities, `<…>`, a reference), when a
/// look-alike comes earlier on the line, and on a block's later lines (cmark's columns there
/// leave out the container prefix and indentation).
@Suite struct LinkPositionTests {
    private func positions(_ source: String) -> [String] {
        MarkdownParser.parse(source).references.map { "\($0.destination) \($0.position.line):\($0.position.column)" }
    }

    @Test func writtenDestinationsThatDifferFromTheParsedOne() {
        #expect(positions("[e](a\\_b.md)\n") == ["a_b.md 1:5"])
        #expect(positions("[e](a&amp;b.md)\n") == ["a&b.md 1:5"])
        #expect(positions("[e](a&#95;b.md) [f](a&auml;b.md)\n") == ["a_b.md 1:5", "aäb.md 1:21"])
        #expect(positions("[x](a\\(b\\).md)\n") == ["a(b).md 1:5"])
        #expect(positions("[x](<a b.md>)\n") == ["a b.md 1:6"])
        #expect(positions("[x](\n  a\\_b.md)\n") == ["a_b.md 2:3"])
        #expect(positions("![alt](a\\_b.png)\n") == ["a_b.png 1:8"])
        #expect(positions("<https://example.org/a_b>\n") == ["https://example.org/a_b 1:2"])
    }

    @Test func referenceLinksAreReportedWhereTheyAreUsed() {
        let source = "Text [i][ref] and [ref] and [ref][].\n\n[ref]: r\\_1.md\n"
        #expect(positions(source) == ["r_1.md 1:6", "r_1.md 1:19", "r_1.md 1:29"])
        #expect(positions("[r]: r.md\n[d](a\\_b.md) and [i][r]\n  [e](e\\_.md)\n") == ["a_b.md 2:5", "r.md 2:18", "e_.md 3:7"])
    }

    @Test func anEarlierLookAlikeOnTheLineIsSkipped() {
        #expect(positions("(a.md) and [a](a.md)\n") == ["a.md 1:16"])
        #expect(positions("`[a](a.md)` [a](a.md)\n") == ["a.md 1:17"])
        #expect(positions("[a.md](b.md) [b](a.md)\n") == ["b.md 1:8", "a.md 1:18"])
        #expect(positions("[`](x)`](a\\_b.md)\n") == ["a_b.md 1:10"])
    }

    /// Found by the structured fuzzer: after a destination written over a line break, cmark
    /// places the links that follow on the line before; they were reported at the block's
    /// start (`1:1`).
    @Test func linksAfterADestinationOnTheNextLine() {
        #expect(positions("see [a](\n  b.md) [c](d\\_e.md)\n") == ["b.md 2:3", "d_e.md 2:13"])
        #expect(positions("see [a](\n  b.md) [c][r] ![i](\\.\\./p.png)\n\n[r]: x.md\n") == ["b.md 2:3", "x.md 2:9", "../p.png 2:21"])
        #expect(positions("> [`](x)`](\n  b.md) [c](<d e.md>) [f][r] [g][r]\n\n[r]: x.md\n") == ["b.md 2:3", "d e.md 2:14", "x.md 2:23", "x.md 2:30"])
    }

    @Test func linksInsideEmphasisHeadingsAndAfterJapaneseText() {
        #expect(positions("*see [e](a\\_b.md)*\n") == ["a_b.md 1:10"])
        #expect(positions("## T [e](a\\_b.md)\n") == ["a_b.md 1:10"])
        #expect(positions("日本語の文[リンク](a\\_b.md)\n") == ["a_b.md 1:12"])
        #expect(positions("一行目\n二行目の[リンク](a\\_b.md)\n") == ["a_b.md 2:11"])
    }

    @Test func linksOnLaterLinesOfListItemsAndBlockQuotes() {
        #expect(positions("first line\n  second [e](a\\_b.md)\n") == ["a_b.md 2:14"])
        #expect(positions("- item\n  - nested\n    more [e](a\\_b.md)\n") == ["a_b.md 3:14"])
        #expect(positions("> quote\n>    more [e](a\\_b.md)\n") == ["a_b.md 2:15"])
        #expect(positions("> quote\nlazy [g](a\\_b.md)\n") == ["a_b.md 2:10"])
        #expect(positions("1. 項目\n   続き [e](a\\_b.md) と [f](a\\_b.md)\n") == ["a_b.md 2:11", "a_b.md 2:26"])
    }

    /// Each URL of a `srcset` is a reference of its own, at its column: each image is checked and copied.
    @Test func everyURLOfASrcsetIsAReference() {
        let page = MarkdownParser.parse("<img srcset=\"img/a.png 1x, img/b%20c.png 2x,img/d.png\" src=\"img/e.png\">\n")
        #expect(page.references.map(\.destination) == ["img/a.png", "img/b%20c.png", "img/d.png", "img/e.png"])
        #expect(page.references.map(\.position.column) == [14, 28, 45, 61])
    }
}

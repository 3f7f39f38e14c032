import NotesMarkdown
import Testing

/// A footnote definition's `[^` is hidden from cmark while it parses; wherever the line did
/// not become a definition it is put back, so no text or code ever shows the stand-in.
@Suite struct FootnoteMarkerTests {
    @Test func definitionLinesInCodeStayAsWritten() {
        let html = MarkdownParser.parse("Text[^1].\n\n- item\n\n  ```\n  [^1]: not a definition\n  ```\n\n```\n[^1]: neither\n```\n").html
        #expect(html.contains("<pre><code>[^1]: not a definition\n</code></pre>"))
        #expect(html.contains("<pre><code>[^1]: neither\n</code></pre>"))
        #expect(!html.contains("\u{A0}"))
    }

    @Test func aDefinitionInsideAListItemStaysText() {
        let html = MarkdownParser.parse("- item\n\n  [^1]: inside\n").html
        #expect(html == "<ul>\n<li>\n<p>item</p>\n<p>[^1]: inside</p>\n</li>\n</ul>\n")
    }

    @Test func aDefinitionInterruptsAParagraphAndEscapedTildesStayText() {
        let html = MarkdownParser.parse("a[^x] \\~~b~~\n[^x]: note\n").html
        #expect(
            html
                == "<p>a<sup class=\"footnote-ref\"><a href=\"#fn:x\" id=\"fnref:x\" data-footnote-ref>1</a></sup> ~~b~~</p>\n"
                + "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn:x\">\n<p>note <a href=\"#fnref:x\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a></p>\n</li>\n</ol>\n</section>\n"
        )
    }

    /// The back link of a footnote is labelled in the page's language (GitHub's English by default).
    @Test func footnoteBackLinksTakeTheirLabelFromTheOptions() {
        let html = MarkdownParser.parse("a[^1]\n\n[^1]: 注\n", options: MarkdownOptions(backToContent: "本文に戻る")).html
        #expect(html.contains("aria-label=\"本文に戻る\">↩</a>"))
    }
}

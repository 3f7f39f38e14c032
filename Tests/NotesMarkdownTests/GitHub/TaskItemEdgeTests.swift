import NotesMarkdown
import Testing

/// Task items at their edges, compared with cmark-gfm: a box alone on its line is a task
/// when a space or tab follows it (which cmark drops from the paragraph), not otherwise.
@Suite struct TaskItemEdgeTests {
    static let documents = [
        "- [ ] \n", "- [x]\t\n", "- [ ]\n", "- [X] \n- [ ] b\n", "1. [x] ordered\n", "- [ ] \r\n- [x] \r\n", "- a\n  - [ ] \n", "- a\n- [ ] \n", "-   [ ] \n",
    ]

    @Test(arguments: documents)
    func agreesWithCmarkGFM(markdown: String) throws {
        try #require(CmarkGFMOracle.isInstalled, "cmark-gfm is not installed: make test installs it (apt-get install cmark-gfm)")
        let expected = try CmarkGFMOracle.render(markdown)
        #expect(HTMLComparison.notesim(markdown) == HTMLComparison.oracle(expected))
    }

    @Test func aBoxAloneIsAnUncheckedTask() {
        #expect(MarkdownParser.parse("- [ ] \n").html == "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> </li>\n</ul>\n")
        #expect(MarkdownParser.parse("- [ ]\n").html == "<ul>\n<li>[ ]</li>\n</ul>\n")
        // cmark-gfm 0.29 leaves a task in a block quote as text; GitHub.com, and notesim, do not.
        #expect(MarkdownParser.parse("> - [ ] a\n").html.contains("<li><input type=\"checkbox\" disabled=\"\" /> a</li>"))
    }
}

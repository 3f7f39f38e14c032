import Testing

@testable import ScenarioKit

/// A scenario block's byte order mark, found by its bytes first and then as the character
/// `hasPrefix` compares.
@Suite struct ByteOrderMarkTests {
    @Test func aMarkIsFoundOnlyAsTheFirstCharacter() {
        #expect(ScenarioRunner.startsWithByteOrderMark("\u{FEFF}mode: sync"))
        #expect(ScenarioRunner.startsWithByteOrderMark("\u{FEFF}"))
        #expect(!ScenarioRunner.startsWithByteOrderMark("mode: sync"))
        #expect(!ScenarioRunner.startsWithByteOrderMark(""))
        #expect(!ScenarioRunner.startsWithByteOrderMark("mode: sync\u{FEFF}"))
        // The mark is a control: a combining mark after it stands alone, and the mark is found.
        #expect(ScenarioRunner.startsWithByteOrderMark("\u{FEFF}\u{0301}mode: sync"))
    }

    @Test func theMarkIsFoundWhereHasPrefixFindsIt() {
        for text in ["\u{FEFF}a", "\u{FEFF}\u{0301}", "\u{FEFF}\u{200D}\u{1F600}", "a\u{FEFF}", "\u{FEFE}", "\u{FFFE}", "", "\r\n\u{FEFF}"] {
            #expect(ScenarioRunner.startsWithByteOrderMark(text) == text.hasPrefix("\u{FEFF}"), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func aBlockWithAMarkRunsAsOneWithout() {
        let text = "mode: sync\nevents:\n  - at: 0s\nexpect:\n  attempts: 1\n"
        let plain = ScenarioRunner.run(text, path: "n.md")
        let marked = ScenarioRunner.run("\u{FEFF}" + text, path: "n.md")
        #expect(plain.passed == 1)
        #expect(marked.passed == 1)
        #expect(marked.diagnostics.map(\.formatted) == plain.diagnostics.map(\.formatted))
    }
}

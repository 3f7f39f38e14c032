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
        // A combining mark joins the mark into another character, which hasPrefix tells apart.
        #expect(!ScenarioRunner.startsWithByteOrderMark("\u{FEFF}\u{0301}mode: sync"))
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

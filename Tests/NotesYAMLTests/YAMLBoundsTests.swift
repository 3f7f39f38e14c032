import NotesCore
import Testing

@testable import NotesYAML

/// The bounds of `YAMLLimits` and duplicate keys as each reader reports them.
@Suite struct YAMLBoundsTests {
    @Test func theFastReaderStopsAtTheFirstLevelTooDeep() {
        let deep = "a: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        #expect(FastYAML.read(deep) == .problems([YAMLProblem(reason: .tooDeep, mark: YAMLNode.Mark(line: 1, column: 103))]))
        let fits = "a: " + String(repeating: "[", count: 99) + String(repeating: "]", count: 99)
        #expect(FastYAML.compose(fits) != nil)
    }

    @Test func theFastReaderNotesEveryDuplicateKey() {
        #expect(
            FastYAML.read("a: 1\nb: {x: 1, x: 2}\na: 3\n")
                == .problems([
                    YAMLProblem(reason: .duplicateKey("x", first: YAMLNode.Mark(line: 2, column: 5)), mark: YAMLNode.Mark(line: 2, column: 11)),
                    YAMLProblem(reason: .duplicateKey("a", first: YAMLNode.Mark(line: 1, column: 1)), mark: YAMLNode.Mark(line: 3, column: 1)),
                ]))
    }

    @Test func lineEndingsAreReadAsNewlines() {
        #expect(LineEndings.normalized("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n")
        let yaml = EmbeddedYAML(text: "a: 1\r\nb: [x,\r  y]\r\n", firstLine: 1, path: "p")
        let node = (try? yaml.compose(errorID: "t").get()) ?? nil
        #expect(node?.mapping?.pairs.last?.value.sequence?.nodes.last?.mark == YAMLNode.Mark(line: 3, column: 3))
    }

    @Test func aCarriageReturnIsFoundInShortAndLongText() {
        #expect(LineEndings.normalized("a: 1\r") == "a: 1\n")
        #expect(LineEndings.normalized("no return here") == "no return here")
        let long = String(repeating: "title: 一つ目のシナリオ\n", count: 20)
        #expect(LineEndings.normalized(long) == long)
        #expect(LineEndings.normalized(long + "\r\n") == long + "\n")
        #expect(LineEndings.normalized(String(long.dropFirst(3)) + "x\ry") == String(long.dropFirst(3)) + "x\ny")
    }

    @Test func anAliasAsAKeyStaysBounded() {
        let bomb =
            "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "bcdefghi".map { name in
                "\(name): &\(name) [" + Array(repeating: "*\(Character(UnicodeScalar(name.asciiValue! - 1)))", count: 9).joined(separator: ", ") + "]"
            }.joined(separator: "\n") + "\n? *i\n: 1\n"
        let result = EmbeddedYAML(text: bomb, firstLine: 1, path: "p").compose(errorID: "t")
        guard case .failure(let failure) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(failure.diagnostics.map(\.message) == ["a YAML alias in a mapping key"])
        #expect(failure.diagnostics.map(\.position) == [SourcePosition(line: 10, column: 3)])
    }
}

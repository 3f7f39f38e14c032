import Foundation
@testable import NotesYAML
import Testing
import Yams

/// The fast YAML reader against Yams: wherever it answers, it must give Yams' nodes exactly
/// (text, plain or quoted, line and column of every node); where it is unsure it must decline.
@Suite struct FastYAMLTests {
    /// What Yams (libyaml) makes of `text`, or nil when it rejects it.
    private static func yams(_ text: String) -> YAMLNode? {
        (try? EmbeddedYAML(text: text, firstLine: 1, path: "t").composeWithYams(errorID: "t").get()) ?? nil
    }

    /// Every scenario block, front matter and config in the repository (also in the tests'
    /// string literals), with where it is.
    static let repositoryYAML: [(String, String)] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var found: [(String, String)] = []
        for folder in ["content", "Tests", "Fuzz"].map({ root.appendingPathComponent($0).path }) {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let path as String in walker {
                let full = folder + "/" + path
                guard let text = try? String(contentsOfFile: full, encoding: .utf8) else { continue }
                if path.hasSuffix(".yml") || path.hasSuffix(".yaml") { found.append((full, text)) }
                if path.hasSuffix(".md") { found += yamlBlocks(inMarkdown: text).map { ("\(full):\($0.line)", $0.text) } }
                guard path.hasSuffix(".swift") else { continue }
                for literal in multilineLiterals(text) + singleLineLiterals(text) {
                    found += yamlBlocks(inMarkdown: literal).map { ("\(full) (a literal's line \($0.line))", $0.text) }
                    if literal.hasPrefix("mode:") || literal.hasPrefix("title:") || literal.contains("\nmode:"), !literal.contains("```") {
                        found.append(("\(full) (a literal)", literal))
                    }
                }
            }
        }
        found.append(
            (root.appendingPathComponent("notesim.yml").path, (try? String(contentsOf: root.appendingPathComponent("notesim.yml"), encoding: .utf8)) ?? ""))
        return found
    }()

    /// The scenario blocks and the front matter of a note.
    static func yamlBlocks(inMarkdown text: String) -> [(line: Int, text: String)] {
        var blocks: [(Int, String)] = []
        var open: (line: Int, lines: [Substring], closing: String)?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let block = open {
                if line.hasPrefix(block.closing) {
                    blocks.append((block.line, block.lines.joined(separator: "\n") + "\n"))
                    open = nil
                } else {
                    open?.lines.append(line)
                }
            } else if line.hasPrefix("```scenario") {
                open = (number + 2, [], "```")
            } else if number == 0, line == "---" {
                open = (number + 2, [], "---")
            }
        }
        return blocks
    }

    /// The multi-line string literals of a Swift file without escapes: the tests' scenarios.
    static func multilineLiterals(_ source: String) -> [String] {
        var literals: [String] = []
        var open: [Substring]?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " })
            if var lines = open {
                if trimmed.hasPrefix("\"\"\"") {
                    let indent = line.count - trimmed.count
                    let text = lines.map { String($0.dropFirst(indent)) }.joined(separator: "\n") + "\n"
                    if !text.contains("\\") { literals.append(text) }
                    open = nil
                } else {
                    lines.append(line)
                    open = lines
                }
            } else if trimmed.hasSuffix("\"\"\"") {
                open = []
            }
        }
        return literals
    }

    /// The one-line string literals of a Swift file with `\n` in them, unescaped (none with
    /// interpolation).
    static func singleLineLiterals(_ source: String) -> [String] {
        var literals: [String] = []
        for line in source.split(separator: "\n") where line.contains("\\n") {
            var current: String?
            var escaped = false
            for character in line {
                guard var text = current else {
                    if character == "\"" { current = "" }
                    continue
                }
                if escaped {
                    switch character {
                    case "n": text.append("\n")
                    case "t": text.append("\t")
                    case "r": text.append("\r")
                    case "(": text = "\u{0}"
                    default: text.append(character)
                    }
                    escaped = false
                    current = text
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    if !text.contains("\u{0}") { literals.append(text) }
                    current = nil
                } else {
                    text.append(character)
                    current = text
                }
            }
        }
        return literals
    }

    @Test func agreesWithYamsOnEveryBlockInTheRepository() {
        var accepted = 0
        for (place, text) in Self.repositoryYAML {
            guard let fast = FastYAML.compose(text) else { continue }
            accepted += 1
            #expect(fast == Self.yams(text), "\(place)")
        }
        // Most blocks are plain YAML: if this falls, the fast path stopped helping.
        #expect(Self.repositoryYAML.count > 120, "found \(Self.repositoryYAML.count)")
        #expect(Double(accepted) > Double(Self.repositoryYAML.count) * 0.8, "accepted \(accepted) of \(Self.repositoryYAML.count)")
    }

    /// Text the fast reader must take, giving what Yams gives.
    static let accepted = [
        "title: \"SQS 1: 五件\"\nmode: sqs\nEventSourceMapping: { BatchSize: 10, MaximumBatchingWindowInSeconds: 5 }\nrecords:\n  - { at: 0s, count: 5 }\nexpect:\n  batches: [5]\n  triggers: [window]\n",
        "mode: async\nfunction: { duration: 100ms, fails: always }\nEventInvokeConfig: { MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: sqs } }\nevents:\n  - at: 0s\n",
        "events:\n- at: 0s\n  count: 3\n- at: 1s   # a comment\nexpect: { attempts: 1 }\n",
        "# leading comment\n\na: 'it''s'\nb: \"quoted: yes\"\nc: plain text, with comma\nd: -5s\ne: [ ]\nf: {}\ng: http://example.com/x\n",
        "日本語のキー: 値 # コメント\nlist: [一, 二, \"三\"]\n",
        "nested:\n    deep:\n        deeper: 1\n    back: 2\nlast: [a, [b, c], {d: e}]\n",
        "title: ノート\norder: 3\ndraft: false\n",
    ]

    @Test(arguments: accepted)
    func takesPlainYAML(_ text: String) throws {
        let fast = try #require(FastYAML.compose(text))
        #expect(fast == Self.yams(text))
    }

    /// Text the fast reader must leave to Yams (unusual forms, and errors Yams reports).
    static let declined = [
        "", "# only a comment\n", "just a scalar\n", "---\na: 1\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n",
        "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  block\n", "a: >\n  folded\n",
        "a: multi\n  line\n", "a:\n", "a:\nb: 1\n", "a: 1\na: 2\n", "{a: 1}\n", "- a\n- b\n  - c\n",
        "a: \"escape \\n\"\n", "a: \"open\n", "a: [1, 2\n", "a: [1, 2,]\n", "a: {b}\n", "a: {b:1}\n",
        "a:\tb\n", "a: b\r\n", "? complex\n: key\n", "\"quoted key\": 1\n", "a: b: c\n", "a: 1\n  b: 2\n",
        "a:\n  - x\n   - y\n", "a: [x]y\n", "a: @at\n", "a: `tick\n", "- - nested\n", "-\n  a: 1\n",
        "a: x #c\n b: 2\n", "\u{FEFF}a: 1\n", "a: \u{85}\n", "a: \u{2028}\n", "a: 'x'y\n",
    ]

    @Test(arguments: declined)
    func leavesTheRestToYams(_ text: String) {
        #expect(FastYAML.compose(text) == nil)
    }

    @Test func marksCountColumnsInUnicodeScalars() throws {
        let node = try #require(FastYAML.compose("キー: [値, \"é\"]\n"))
        let value = try #require(node.mapping?.pairs.first?.value.sequence)
        #expect(value.mark == YAMLNode.Mark(line: 1, column: 5))
        #expect(value.nodes.map(\.mark) == [YAMLNode.Mark(line: 1, column: 6), YAMLNode.Mark(line: 1, column: 9)])
        #expect(node == Self.yams("キー: [値, \"é\"]\n"))
    }

    /// Marks along one long line are counted from the last mark, forwards and backwards
    /// (nested lists): the same columns as Yams, and a flow list of 300,000 items reads in
    /// linear time (make adversarial runs the 300,000-item case).
    @Test func marksAlongOneLongLineMatchYams() throws {
        let items = (1...2_000).map { $0 % 7 == 0 ? "[\($0), 二]" : "\($0)" }.joined(separator: ", ")
        let text = "題: x\nfails: [\(items)]\n"
        let fast = try #require(FastYAML.compose(text))
        #expect(fast == Self.yams(text))
    }
}

import Foundation
import LambdaSimulator
import ScenarioKit
import Testing

/// The guide's table of claim keys is `ClaimKey`: the same keys, in the same order, with the
/// same scopes; and every key is known to the parser and checked in every mode it applies to.
@Suite struct ClaimKeyGuideTests {
    /// The guide's table rows as (key, applies to).
    static func guideRows() throws -> [(key: String, scope: String)] {
        let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("content/guide/index.md")
        let text = try String(contentsOf: guide, encoding: .utf8)
        guard let table = text.range(of: "<table class=\"claim-keys\">"), let end = text.range(of: "</table>", range: table.upperBound..<text.endIndex) else {
            Issue.record("the guide has no table of claim keys")
            return []
        }
        return text[table.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("<tr><td><code>") else { return nil }
            let cells = line.dropFirst("<tr><td>".count).components(separatedBy: "</td><td>")
            let key = cells[0].replacingOccurrences(of: "<code>", with: "").replacingOccurrences(of: "</code>", with: "")
            return (key, cells[1])
        }
    }

    @Test func theGuideListsEveryKeyWithItsScope() throws {
        let rows = try Self.guideRows()
        #expect(rows.map(\.key) == ClaimKey.allCases.map(\.name))
        #expect(rows.map(\.scope) == ClaimKey.allCases.map(\.scope.description))
    }

    @Test func everyKeyIsKnownToTheParser() {
        for key in ClaimKey.allCases {
            let value =
                switch key.form {
                case .count: "1"
                case .times: "[0s]"
                case .time, .duration: "0s"
                case .words, .list: "[ok]"
                case .word: "ok"
                case .counts: "{ ok: 1 }"
                case .map: "{ 1: { status: 200 } }"
                case .boolean: "false"
                case .setting: "MaximumRetryAttempts"
                }
            let run = ScenarioRunner.run("mode: sync\nevents:\n  - at: 0s\nexpect:\n  \(key.name): \(value)\n", path: "a.md")
            #expect(!run.diagnostics.contains { $0.id == "scenario.unknown-key" }, "\(key)")
            #expect(run.document?.expectations.map(\.key) == [key])
        }
    }

    /// A key used where it does not apply is an `expect.mode` error naming its scope, in every
    /// mode outside it; inside its scope it is checked (pass or fail, never `expect.mode`).
    @Test func everyKeySaysWhereItApplies() {
        // Read aloud: "an async", "an SQS" (es), "an MQ" (em), "a sync".
        let named: [InvocationMode: String] = [
            .sync: "a sync", .async: "an async", .sqs: "an sqs", .sqsFIFO: "an sqs-fifo", .kinesis: "a kinesis", .dynamodb: "a dynamodb",
            .kafka: "a kafka", .mq: "an mq", .documentdb: "a documentdb",
        ]
        #expect(Set(named.keys) == Set(InvocationMode.allCases))
        for key in ClaimKey.allCases where key.hasVerdict && key != .rejected {
            for mode in InvocationMode.allCases {
                let inputs = mode.inputsKey
                // D2: a DocumentDB mapping needs its database's name.
                let database = mode == .documentdb ? "EventSourceMapping: { DocumentDBEventSourceConfig: { DatabaseName: shop } }\n" : ""
                let run = ScenarioRunner.run("mode: \(mode.rawValue)\n\(database)\(inputs):\n  - at: 0s\nexpect:\n  \(key.name): 1\n", path: "a.md")
                let wrongMode = run.diagnostics.filter { $0.id == "expect.mode" }.map(\.message)
                if key.scope.contains(mode) {
                    #expect(wrongMode.isEmpty, "\(key) in \(mode)")
                } else {
                    #expect(wrongMode == ["expectation '\(key.name)' applies to \(key.scope.description), not to \(named[mode] ?? "?") scenario"])
                }
            }
        }
    }

    @Test func firstAttemptAtChecksTheFirstHandlerRun() {
        let block = "mode: async\nfunction: { fails: always }\nevents:\n  - at: 0s\nexpect:\n"
        #expect(ScenarioRunner.run(block + "  first-attempt-at: 0s\n", path: "a.md").verdicts.map(\.passed) == [true])
        #expect(ScenarioRunner.run(block + "  first-attempt-at: { min: 0s, max: 1s }\n", path: "a.md").verdicts.map(\.passed) == [true])
        let late = ScenarioRunner.run(block + "  first-attempt-at: 1m\n", path: "a.md")
        #expect(
            late.diagnostics.map(\.formatted) == [
                "a.md:6:3: error: expected the first attempt at 1m, the simulator made it at 0 s [expect.first-attempt-at]"
            ])
        let bad = ScenarioRunner.run(block + "  first-attempt-at: soon\n", path: "a.md")
        #expect(
            bad.diagnostics.map(\.formatted) == [
                "a.md:6:21: error: expected a time such as 1m, or { min, max } [expect.value]"
            ])
        let none = ScenarioRunner.run(
            "mode: sync\nfunction: { ReservedConcurrentExecutions: 0 }\nevents: [{ at: 0s }]\nexpect:\n  first-attempt-at: 0s\n", path: "a.md")
        #expect(none.diagnostics.map(\.formatted) == ["a.md:5:3: error: expected a first attempt, but the handler never ran [expect.first-attempt-at]"])
    }
}

import ScenarioKit
import Testing

/// The claim suites' shared pieces: a block's verdicts as lines, and the asynchronous block
/// that ends in the DLQ whose claims most tests write.
enum ScenarioVerdicts {
    /// `pass KEY`, or the failure's diagnostic, for each claim of a block in `content/a.md`
    /// (one scenario runner, as `check` uses); a block that does not parse is an issue.
    static func of(_ yaml: String) -> [String] {
        let run = ScenarioRunner.run(yaml, path: "content/a.md")
        if case .broken = run.status { Issue.record("the block did not parse: \(run.diagnostics.map(\.formatted))") }
        return run.verdicts.map { $0.diagnostic?.formatted ?? "pass \($0.key)" }
    }

    /// An asynchronous event that fails three times and goes to the DLQ; its claims follow
    /// from line 7.
    static let asyncToDLQ = """
        mode: async
        function: { duration: 100ms, fails: always }
        DeadLetterConfig: { TargetArn: sqs }
        events:
          - at: 0s
        expect:

        """
}

import LambdaSimulator
import Testing

@testable import ScenarioKit

/// Claims on runs longer than the lists a run keeps (`ClaimFacts.listLimit`): counts and
/// bounds cover every entry, messages list a screenful, and a claim about single entries
/// past the kept ones says so instead of guessing (issue 18, point 1).
@Suite struct LongRunClaimTests {
    /// An SQS message retried every 3 s visibility timeout for a day: 28,801 attempts.
    static let loop = """
        title: retry loop
        mode: sqs
        queue: { VisibilityTimeout: 3 }
        function: { fails: always, duration: 100ms }
        records: [{ at: 0s }]
        until: 1d
        """

    func run(_ expect: String) -> ScenarioRun {
        ScenarioRunner.run(Self.loop + "\nexpect:\n  " + expect, path: "loop.md")
    }

    @Test func aCountCoversEveryAttemptAndTheMessageListsAScreenful() throws {
        let run = run("attempts: 3")
        let message = try #require(run.diagnostics.first?.message)
        #expect(message.hasPrefix("expected 3 attempts, the simulator made 28801 (t = 0 s, 3 s, 6 s,"))
        #expect(message.hasSuffix("57 s and 28781 more)"))
    }

    @Test func boundsOverEveryAttemptHoldPastTheKeptOnes() {
        #expect(run("attempts-at: { each: { max: 1d } }").failed == 0)
        #expect(run("attempts-at: { last: { min: 23h } }").failed == 0)
        let late = run("attempts-at: { each: { max: 1h } }")
        #expect(
            late.diagnostics.first?.message
                == "expected every one of the attempts within { max: 1h }, but one is at 1 d (t = 0 s, 3 s, 6 s, 9 s, 12 s, 15 s, 18 s, 21 s, 24 s, 27 s, 30 s, 33 s, 36 s, 39 s, 42 s, 45 s, 48 s, 51 s, 54 s, 57 s and 28781 more)"
        )
    }

    @Test func burstsPastTheKeptAttemptsAreRefusedWithTheReason() {
        let run = run("attempts-at: { 0s: 1 }")
        #expect(
            run.diagnostics.first?.message
                == "the simulator had 28801 attempts; claims about single ones are checked for the first 10000 (claim a count or { each, first, last } instead)"
        )
    }

    @Test func aRunKeepsAtMostItsDetailLimitOfEntries() throws {
        let trace = try #require(run("attempts: { min: 1 }").trace)
        #expect(trace.entries.count == ScenarioRunner.detailLimit)
        #expect(trace.entryCount > 50_000)
    }
}

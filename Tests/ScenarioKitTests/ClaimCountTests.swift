import ScenarioKit
import Testing

/// A claim's counts and bounds must be able to hold, and each word is claimed once: a claim
/// that could never hold, or one spelling silently replacing another, is refused at its value.
@Suite struct ClaimCountTests {
    @Test func aWordClaimedTwiceUnderTwoSpellingsIsRefused() {
        #expect(
            ScenarioVerdicts.of(ScenarioVerdicts.asyncToDLQ + "  outcomes: { DLQ: 5, dlq: 1 }\n  delivered: { DLQ: 7, dlq: 1 }\n") == [
                "content/a.md:7:28: error: 'dlq' claims dlq again (first as 'DLQ'; words are read without regard to case): write it once [expect.value]",
                "content/a.md:8:29: error: 'dlq' claims DLQ again (first as 'DLQ'; words are read without regard to case): write it once [expect.value]",
            ])
    }

    @Test func aNegativeCountIsRefused() {
        #expect(
            ScenarioVerdicts.of(ScenarioVerdicts.asyncToDLQ + "  attempts: -1\n  outcomes: { dlq: 1, ok: -1 }\n  delivered: { DLQ: -2 }\n") == [
                "content/a.md:7:13: error: expected a count (0 or more) or { min, max } [expect.value]",
                "content/a.md:8:27: error: expected a count (0 or more) or { min, max } for ok [expect.value]",
                "content/a.md:9:21: error: expected a count (0 or more) or { min, max } for DLQ [expect.value]",
            ])
    }

    @Test func aBoundWhoseMinIsAboveItsMaxIsRefused() {
        #expect(
            ScenarioVerdicts.of(ScenarioVerdicts.asyncToDLQ + "  attempts: { min: 5, max: 2 }\n  attempts-at: [{ min: 5s, max: 1s }, ~, ~]\n") == [
                "content/a.md:7:13: error: { min: 5, max: 2 } can never hold: min is above max [expect.value]",
                "content/a.md:8:17: error: { min: 5s, max: 1s } can never hold: min is above max [expect.value]",
            ])
    }

    /// A13: AWS cannot deliver to a FIFO queue; a claim that it delivered misses, and the
    /// message says the delivery it names failed.
    @Test func A13aFailedDeliveryIsNamedAsFailed() {
        let yaml = """
            mode: async
            EventInvokeConfig: { DestinationConfig: { OnFailure: sqs-fifo } }
            function: { fails: always }
            events: [ { at: 0s } ]
            expect:
              delivered: { OnFailure: 1 }
              deliveries: [{ to: OnFailure }]

            """
        #expect(
            ScenarioVerdicts.of(yaml) == [
                "content/a.md:6:3: error: expected 1 message to OnFailure, the simulator delivered 0 (OnFailure at 3 min 0.3 s failed: AWS cannot deliver to sqs-fifo (A13)) [expect.delivered]",
                "content/a.md:7:3: error: delivery 1 to OnFailure at 3 min 0.3 s failed: AWS cannot deliver to sqs-fifo (A13) [expect.deliveries]",
            ])
    }

    /// One of a thing is singular in a message ("1 attempt", "1 latency"), however its noun
    /// is written.
    @Test func oneIsSingular() {
        #expect(
            ScenarioVerdicts.of(ScenarioVerdicts.asyncToDLQ + "  attempts: 1\n  latency: [1s]\n") == [
                "content/a.md:7:3: error: expected 1 attempt, the simulator made 3 (t = 0 s, 1 min 0.1 s, 3 min 0.2 s) [expect.attempts]",
                "content/a.md:8:3: error: expected 1 latency, the simulator had 3 (t = 100 ms, 100 ms, 100 ms) [expect.latency]",
            ])
    }

    /// `pending` says why: the run stopped at `until:` (or `limits.horizon`) while the input
    /// was under way.
    @Test func pendingSaysWhereTheRunStopped() {
        let yaml = "mode: async\nfunction: { fails: always }\nuntil: 30s\nevents: [ { at: 0s } ]\nexpect: { outcome: dlq }\n"
        #expect(
            ScenarioVerdicts.of(yaml) == [
                "content/a.md:5:11: error: expected outcome dlq, the simulator ended in pending; pending inputs were still under way when the run stopped at until: 30 s [expect.outcome]"
            ])
    }

    /// `outcomes` and `delivered` take a bound for a count, as `attempts` does.
    @Test func outcomeAndDeliveryCountsTakeBounds() {
        #expect(
            ScenarioVerdicts.of(ScenarioVerdicts.asyncToDLQ + "  outcomes: { dlq: { min: 1, max: 2 } }\n  delivered: { DLQ: { min: 1 } }\n") == [
                "pass outcomes", "pass delivered",
            ])
        #expect(
            ScenarioVerdicts.of(ScenarioVerdicts.asyncToDLQ + "  outcomes: { dlq: { min: 2 }, ok: 0 }\n  delivered: { DLQ: { max: 0 } }\n") == [
                "content/a.md:7:3: error: expected outcomes { dlq: { min: 2 } }, the simulator had { dlq: 1 } [expect.outcomes]",
                "content/a.md:8:3: error: expected 0 messages to DLQ, the simulator delivered 1 (DLQ at 3 min 0.3 s) [expect.delivered]",
            ])
        #expect(
            ScenarioVerdicts.of(ScenarioVerdicts.asyncToDLQ + "  outcomes: { dlq: { min: 3, max: 1 } }\n  delivered: { DLQ: { most: 1 } }\n") == [
                "content/a.md:7:20: error: { min: 3, max: 1 } can never hold: min is above max [expect.value]",
                "content/a.md:8:21: error: expected a count (0 or more) or { min, max } for DLQ [expect.value]",
            ])
    }
}

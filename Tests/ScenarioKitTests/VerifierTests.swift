import LambdaSimulator
import NotesCore
import ScenarioKit
import Testing

/// Claims are checked against the simulator with exact messages at the claim's line.
@Suite struct VerifierTests {
    /// The verdicts of a block as the one scenario runner gives them (`pass KEY` or the
    /// failure's diagnostic).
    private func verdicts(_ yaml: String) throws -> [String] {
        ScenarioVerdicts.of(yaml)
    }

    private let asyncDLQ = ScenarioVerdicts.asyncToDLQ

    @Test func theFormatsExampleMessage() throws {
        #expect(
            try verdicts(asyncDLQ + "  attempts: 2\n") == [
                "content/a.md:7:3: error: expected 2 attempts, the simulator made 3 (t = 0 s, 1 min 0.1 s, 3 min 0.2 s) [expect.attempts]"
            ])
    }

    @Test func correctClaimsPass() throws {
        #expect(
            try verdicts(
                asyncDLQ + """
                      attempts: 3
                      attempts-at: [0s, 1m, 3m]
                      results: [error, error, error]
                      outcome: dlq
                      outcomes: { dlq: 1 }
                      delivered: { DLQ: 1 }
                      retried: true
                      assumptions: [retry-from]
                      deliveries:
                        - { to: DLQ, at: 3m, fields: { MessageAttributes.ErrorCode: 200 } }

                    """) == [
                    "pass attempts", "pass attempts-at", "pass results", "pass outcome", "pass outcomes", "pass delivered", "pass retried", "pass assumptions",
                    "pass deliveries",
                ])
    }

    @Test func timesMatchWithinTheTolerance() throws {
        #expect(
            try verdicts(asyncDLQ + "  attempts-at: { value: [0s, 1m, 3m], tolerance: 50ms }\n") == [
                "content/a.md:7:3: error: expected attempts at 0 s, 1 min, 3 min, the simulator had them at 0 s, 1 min 0.1 s, 3 min 0.2 s (#2 is off by 100 ms, more than the 50 ms tolerance; #3 is off by 200 ms, more than the 50 ms tolerance) [expect.attempts-at]"
            ])
        #expect(try verdicts(asyncDLQ + "  attempts-at: [0s, ~, 3m]\n") == ["pass attempts-at"])
    }

    @Test func boundsAndBursts() throws {
        #expect(try verdicts(asyncDLQ + "  attempts-at: { first: 0s, each: { max: 4m }, last: { min: 2m } }\n") == ["pass attempts-at"])
        #expect(
            try verdicts(asyncDLQ + "  attempts-at: { each: { max: 2m } }\n") == [
                "content/a.md:7:3: error: expected every one of the attempts within { max: 2m }, but #3 is at 3 min 0.2 s (t = 0 s, 1 min 0.1 s, 3 min 0.2 s) [expect.attempts-at]"
            ])
        let burst =
            "mode: sync\nevents:\n  - { at: 0s, count: 5 }\n  - { at: 10s, count: 3 }\nexpect:\n  attempts-at: { 0s: 5, 10s: 3 }\n  attempts: { min: 8, max: 8 }\n"
        #expect(try verdicts(burst) == ["pass attempts-at", "pass attempts"])
        let wrongBurst = "mode: sync\nevents:\n  - { at: 0s, count: 5 }\nexpect:\n  attempts-at: { 0s: 4 }\n"
        #expect(try verdicts(wrongBurst) == ["content/a.md:5:3: error: expected 4 attempts around 0 s, the simulator had 5 [expect.attempts-at]"])
    }

    @Test func wrongOutcomesAndDeliveries() throws {
        #expect(
            try verdicts(asyncDLQ + "  outcome: on-failure\n  delivered: { OnFailure: 1 }\n") == [
                "content/a.md:7:3: error: expected outcome on-failure, the simulator ended in dlq (DLQ at 3 min 0.3 s) [expect.outcome]",
                "content/a.md:8:3: error: expected 1 message to OnFailure, the simulator delivered 0 (DLQ at 3 min 0.3 s) [expect.delivered]",
            ])
    }

    @Test func expectationsForAnotherModeAreErrors() throws {
        #expect(
            try verdicts(asyncDLQ + "  batches: [1]\n") == [
                "content/a.md:7:3: error: expectation 'batches' applies to event source mappings, not to an async scenario [expect.mode]"
            ])
    }

    @Test func batchesTriggersAndOrder() throws {
        let yaml = """
            mode: kinesis
            EventSourceMapping: { BatchSize: 8, MaximumRetryAttempts: 2, BisectBatchOnFunctionError: true, DestinationConfig: { OnFailure: sqs } }
            records:
              - { at: 0s, count: 8 }
            function: { duration: 100ms, fails: { records: [5] } }
            assume: { stream-retry-delay: 1s }
            expect:
              delivered: { OnFailure: 1 }
              order: preserved
              batches: ["1-8", "1-4", "5-8", [5, 6], [5], [5], [5], [6], "7-8"]
              triggers: [size]
              assumptions: [stream-retry-delay, bisect-split]
            """
        #expect(try verdicts(yaml) == ["pass delivered", "pass order", "pass batches", "pass triggers", "pass assumptions"])
    }

    @Test func aClaimedRejectionPassesOnlyWhenAWSRejects() throws {
        #expect(
            try verdicts("mode: async\nEventInvokeConfig: { MaximumRetryAttempts: 3 }\nevents:\n  - at: 0s\nexpect:\n  rejected: MaximumRetryAttempts\n") == [
                "pass rejected"
            ])
        #expect(
            try verdicts("mode: async\nEventInvokeConfig: { MaximumRetryAttempts: 3 }\nevents:\n  - at: 0s\nexpect:\n  rejected: BatchSize\n") == [
                "content/a.md:6:3: error: expected AWS to reject 'BatchSize', but the rejected settings are: EventInvokeConfig.MaximumRetryAttempts [expect.rejected]"
            ])
    }
}

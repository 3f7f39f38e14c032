import ScenarioKit
import Testing

/// Issue 22, point 3: `request-ids` counts the distinct request ids of a block's attempts,
/// so "every attempt of the event shares one id" is `request-ids: 1`.
@Suite struct RequestIDClaimTests {
    @Test func anAsynchronousEventKeepsItsRequestIDOnEveryAttempt() {
        // A11: three attempts of one event, one id.
        #expect(ScenarioVerdicts.of(ScenarioVerdicts.asyncToDLQ + "  request-ids: 1\n") == ["pass request-ids"])
    }

    @Test func aCallTheCallerRetriesIsANewRequest() {
        // S4, R10: the AWS CLI calls three times; each call is its own request.
        let yaml = """
            trigger: cli
            function: { duration: 90s, Timeout: 120 }
            assume: { sdk-jitter: none }
            events:
              - at: 0s
            expect:
              request-ids: 1
            """
        #expect(
            ScenarioVerdicts.of(yaml) == [
                "content/a.md:7:3: error: expected 1 request id across the attempts, the simulator made 3 [expect.request-ids]"
            ])
    }

    @Test func everyBatchOfAMappingIsARequest() {
        let yaml = """
            mode: sqs
            queue: { VisibilityTimeout: 30 }
            function: { fails: [1] }
            records:
              - at: 0s
            expect:
              request-ids: 2
            """
        #expect(ScenarioVerdicts.of(yaml) == ["pass request-ids"])
    }
}

import ScenarioKit
import Testing

/// Issue 22, points 3 and 4: a bound on one element of a time list and on a delivery's `at`,
/// field checks (`contains`, `present`, `absent`, `equals`), `received-at`, and every miss of
/// a claim reported, not only the first.
@Suite struct FieldCheckTests {
    /// An asynchronous event that always fails: attempts at 0 s, 1 min and 3 min (A3), then
    /// an on-failure record (A14) as the last one ends.
    private func onFailure(_ claim: String) -> [String] {
        let yaml = """
            mode: async
            function: { duration: 100ms, fails: always }
            EventInvokeConfig: { DestinationConfig: { OnFailure: sqs } }
            events:
              - at: 0s
            expect:
              \(claim)
            """
        return ScenarioVerdicts.of(yaml)
    }

    @Test func oneElementOfATimeListMayBeABound() {
        #expect(onFailure("attempts-at: [0s, { min: 50s, max: 70s }, 3m]") == ["pass attempts-at"])
        #expect(
            onFailure("attempts-at: [0s, { max: 50s }, 2m]") == [
                "content/a.md:7:3: error: expected attempts at 0 s, { max: 50s }, 2 min, the simulator had them at 0 s, 1 min 0.1 s, 3 min 0.2 s (#2 is at 1 min 0.1 s, outside { max: 50s }; #3 is off by 1 min 0.2 s, more than the 1 s tolerance) [expect.attempts-at]"
            ])
        #expect(
            onFailure("attempts-at: [0s, { most: 1m }, 3m]") == [
                "content/a.md:7:21: error: '{ most: 1m }' is not a time such as 1m or 500ms, or a bound such as { min: 50s, max: 70s } [expect.value]"
            ])
    }

    @Test func aDeliveryIsCheckedFieldByFieldAndEveryMissIsReported() {
        #expect(
            onFailure("deliveries: [{ to: OnFailure, at: { min: 3m, max: 4m }, fields: { requestContext.requestId: present, responsePayload: present } }]")
                == ["pass deliveries"])
        let verdicts = onFailure(
            "deliveries: [{ to: DLQ, at: { max: 1m }, condition: RetriesExhausted, fields: { requestContext.condition: { contains: Age }, responseContext.statusCode: absent } }]"
        )
        #expect(
            verdicts == [
                "content/a.md:7:3: error: expected delivery 1 to DLQ, it went to OnFailure; expected delivery 1 at { max: 1m }, it happened at 3 min 0.3 s; expected requestContext.condition of delivery 1 to contain \"Age\", it is \"RetriesExhausted\"; expected responseContext.statusCode of delivery 1 to be absent, it is 200 [expect.deliveries]"
            ])
    }

    @Test func presenceIsNotTheWordAbsent() {
        #expect(
            onFailure("deliveries: [{ fields: { responseContext.functionError: present, requestContext.condition: { equals: RetriesExhausted } } }]") == [
                "pass deliveries"
            ])
        #expect(
            onFailure("deliveries: [{ fields: { responseContext.functionError: absent, version: { equals: absent } } }]") == [
                "content/a.md:7:3: error: expected responseContext.functionError of delivery 1 to be absent, it is \"Unhandled\"; expected version of delivery 1 to be \"absent\", it is \"1.0\" [expect.deliveries]"
            ])
        #expect(
            onFailure("deliveries: [{ fields: { version: { equal: 1.0 } } }]") == [
                "content/a.md:7:37: error: unknown field check 'equal'; did you mean 'equals'? (expected a value, present, absent, { equals: … }, { contains: … } or { size: 256KB }) [expect.value]"
            ])
    }

    @Test func responsesTakeFieldChecksAndBoundsAndReportEveryMiss() {
        let yaml = """
            mode: sync
            function: { duration: 100ms, fails: always }
            events:
              - { at: 0s, count: 2 }
            expect:
              responses: { 1: { status: 200, error: { contains: Unhandled }, at: { max: 1s } }, 2: { status: 500, reason: present, at: 5s } }
            """
        #expect(
            ScenarioVerdicts.of(yaml) == [
                "content/a.md:6:3: error: expected event 2 to get status 500, it got 200; expected event 2's reason to be present, it is absent; expected event 2's response at 5s, it came at 100 ms [expect.responses]"
            ])
    }

    @Test func receivedAtListsEveryReceiveAlsoWithoutARun() {
        // One message failing once: received at 0 s, visible again after 30 s (Q2), received again.
        let yaml = """
            mode: sqs
            queue: { VisibilityTimeout: 30 }
            function: { duration: 100ms, fails: [1] }
            records:
              - at: 0s
            expect:
              received-at: [0s, 30s]
              receive-counts: [1, 2]
            """
        #expect(ScenarioVerdicts.of(yaml) == ["pass received-at", "pass receive-counts"])
        let sync = "mode: sync\nevents:\n  - at: 0s\nexpect:\n  received-at: [0s]\n"
        let run = ScenarioRunner.run(sync, path: "content/a.md")
        #expect(run.diagnostics.map(\.formatted).first?.contains("'received-at' applies to SQS queues") == true)
    }
}

/// Issue 22, point 3: what an error says, in destination records, DLQ messages and
/// synchronous responses (`error-message` text; the runtime's timeout text).
@Suite struct ErrorPayloadClaimTests {
    @Test func aDestinationRecordCarriesTheErrorMessage() {
        let yaml = """
            mode: async
            function: { fails: always, error-message: "order 42: stock service refused" }
            EventInvokeConfig: { MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: sqs } }
            events:
              - at: 0s
            expect:
              deliveries: [{ fields: { responsePayload.errorMessage: { contains: stock service }, responsePayload: { size: 31B } } }]
            """
        #expect(ScenarioVerdicts.of(yaml) == ["pass deliveries"])
        let wrong = yaml.replacingOccurrences(of: "{ contains: stock service }", with: "{ contains: timeout }")
        #expect(
            ScenarioVerdicts.of(wrong) == [
                "content/a.md:7:3: error: expected responsePayload.errorMessage of delivery 1 to contain \"timeout\", it is \"order 42: stock service refused\" [expect.deliveries]"
            ])
    }

    @Test func aDeadLetterMessageKeepsTheFirstKilobyteOfTheText() {
        let yaml = """
            mode: async
            function: { fails: always, error-message: "boom" }
            EventInvokeConfig: { MaximumRetryAttempts: 0 }
            DeadLetterConfig: { TargetArn: sqs }
            events:
              - at: 0s
            expect:
              deliveries: [{ to: DLQ, fields: { MessageAttributes.ErrorMessage: boom } }]
            """
        #expect(ScenarioVerdicts.of(yaml) == ["pass deliveries"])
    }

    @Test func aSynchronousCallerSeesTheTimeoutText() {
        let yaml = """
            mode: sync
            function: { duration: 5s, Timeout: 3 }
            events:
              - { at: 0s, count: 1 }
            expect:
              responses: { 1: { status: 200, error: Unhandled, errorMessage: "Task timed out after 3.00 seconds" } }
            """
        #expect(ScenarioVerdicts.of(yaml) == ["pass responses"])
        let ok = "mode: sync\nevents:\n  - at: 0s\nexpect:\n  responses: { 1: { errorMessage: absent } }\n"
        #expect(ScenarioVerdicts.of(ok) == ["pass responses"])
    }
}

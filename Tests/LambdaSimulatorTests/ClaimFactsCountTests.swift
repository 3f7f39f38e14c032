import Testing

@testable import LambdaSimulator

/// `ClaimFacts`: deliveries counted by route and request ids counted as entries pass.
@Suite struct ClaimFactsCountTests {
    private static func delivery(_ route: Delivery.Route, delivered: Bool) -> TraceEntry {
        TraceEntry(
            time: 5,
            event: .delivery(
                Delivery(route: route, target: .sqs, condition: nil, items: [1], approximateInvokeCount: nil, fields: [:], delivered: delivered)),
            rules: [])
    }

    @Test func deliveriesThatReachedTheirTargetAreCountedByRoute() {
        var facts = ClaimFacts(mode: .async)
        facts.add(Self.delivery(.onFailure, delivered: true))
        facts.add(Self.delivery(.onFailure, delivered: true))
        facts.add(Self.delivery(.dlq, delivered: false))
        facts.add(Self.delivery(.onSuccess, delivered: true))
        #expect(facts.delivered == [.onFailure: 2, .onSuccess: 1])
        #expect(facts.deliveredCount(to: .onFailure) == 2)
        #expect(facts.deliveredCount(to: .dlq) == 0)
        #expect(facts.deliveries.count == 4)
    }

    @Test func requestIDsAreCountedOncePerRequest() {
        var facts = ClaimFacts(mode: .async)
        // An asynchronous event keeps its id on every attempt (A11).
        facts.add(TraceEntry(time: 0, event: .start(invocation: 1, instance: 1, items: [1], attempt: 1), rules: []))
        facts.add(TraceEntry(time: 9, event: .end(invocation: 1, instance: 1, items: [1], result: .error, reported: []), rules: []))
        facts.add(TraceEntry(time: 60_000, event: .start(invocation: 2, instance: 1, items: [1], attempt: 2), rules: []))
        facts.add(TraceEntry(time: 60_001, event: .start(invocation: 3, instance: 2, items: [2], attempt: 1), rules: []))
        #expect(facts.requestIDCount == 2)
        #expect(facts.requestIDs == [1, 2])
        #expect(facts.results == [.error, nil, nil])
        #expect(facts.latencies == [9, nil, nil])
        #expect(facts.retried)
    }

    @Test func theLastResponseToAnEventIsKeptByItsNumber() {
        var facts = ClaimFacts(mode: .sync)
        facts.add(TraceEntry(time: 3, event: .response(item: 2, status: 429, error: "TooManyRequestsException", reason: nil), rules: []))
        facts.add(TraceEntry(time: 8, event: .response(item: 2, status: 200, error: nil, reason: nil), rules: []))
        facts.add(TraceEntry(time: 9, event: .response(item: 1, status: 200, error: nil, reason: nil), rules: []))
        #expect(facts.response(to: 2) == ClaimFacts.Response(status: 200, error: nil, reason: nil, time: 8))
        #expect(facts.response(to: 3) == nil)
        #expect(facts.responses.keys.sorted() == [1, 2])
        #expect(facts.responses[1]?.time == 9)
    }
}

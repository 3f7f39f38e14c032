import Testing

@testable import LambdaSimulator

/// `SettledOutcomes` and the lists of `OutcomeSet`: the trace's map of final states.
@Suite struct SettledOutcomesTests {
    @Test func theMapHasEachSettledInputWithItsLastOutcomes() {
        var settled = SettledOutcomes()
        settled.settle(2, .ok)
        settled.settle(1, [.dlq, .onFailure])
        settled.settle(2, .discarded)
        settled.settle(-3, .pending)
        settled.settle(ByInput<OutcomeSet>.listLimit + 1, .throttled)
        #expect(settled.count == 4)
        #expect(settled.map == [1: [.dlq, .onFailure], 2: [.discarded], -3: [.pending], ByInput<OutcomeSet>.listLimit + 1: [.throttled]])
    }

    @Test func anInputSettledWithNoOutcomeIsInTheMap() {
        var settled = SettledOutcomes()
        settled.settle(1, [])
        #expect(settled.map == [1: []])
    }

    @Test func nothingSettledIsAnEmptyMap() {
        #expect(SettledOutcomes().map.isEmpty)
    }

    @Test func aSingleOutcomeIsListedAlone() {
        #expect(OutcomeSet.singleLists == Outcome.allCases.map { [$0] })
        #expect(OutcomeSet.errorReturned.list == [.errorReturned])
        #expect(OutcomeSet([.onFailure, .dlq]).list == [.dlq, .onFailure])
    }
}

import LambdaSimulator
import Testing

@testable import ScenarioKit

/// `Checker.outcomeCounts`: the `outcomes` claim's actual counts, by outcome name.
@Suite struct OutcomeCountTests {
    @Test func everyOutcomeOfEveryInputIsCountedByName() {
        let counts = Checker.outcomeCounts([1: [.ok], 2: [.ok], 3: [.dlq, .onFailure], 4: [.errorReturned]])
        #expect(counts == ["ok": 2, "dlq": 1, "on-failure": 1, "error-returned": 1])
    }

    @Test func noInputsCountNothing() {
        #expect(Checker.outcomeCounts([:]).isEmpty)
        #expect(Checker.outcomeCounts([1: []]).isEmpty)
    }
}

import LambdaSimulator
import ScenarioKit
import Testing

/// Issue 22, point 4: the words of a claim are read without regard to case, and a word that
/// names nothing is refused at its position with the words there are and the closest one.
@Suite struct ClaimWordTests {
    private func verdicts(_ claims: String) -> [String] {
        ScenarioVerdicts.of(ScenarioVerdicts.asyncToDLQ + claims + "\n")
    }

    @Test func wordsInAnotherCaseAreTheSameWords() {
        #expect(
            verdicts("  outcome: DLQ\n  outcomes: { DLQ: 1 }\n  results: [Error, ERROR, error]\n  delivered: { dlq: 1 }\n  assumptions: [Retry-From]")
                == ["pass outcome", "pass outcomes", "pass results", "pass delivered", "pass assumptions"])
    }

    @Test func anUnknownWordIsRefusedWithTheClosest() {
        #expect(
            verdicts("  outcome: dead-letter") == [
                "content/a.md:7:12: error: 'dead-letter' is not an outcome (ok, error-returned, throttled, rejected, dlq, on-failure, discarded, pending) [expect.value]"
            ])
        #expect(
            verdicts("  outcome: dlg") == [
                "content/a.md:7:12: error: 'dlg' is not an outcome (ok, error-returned, throttled, rejected, dlq, on-failure, discarded, pending); did you mean 'dlq'? [expect.value]"
            ])
        #expect(
            verdicts("  results: [error, eror, error]") == [
                "content/a.md:7:20: error: 'eror' is not a result (ok, error, timeout, running); did you mean 'error'? [expect.value]"
            ])
        #expect(
            verdicts("  assumptions: [retry-form]") == [
                "content/a.md:7:17: error: 'retry-form' is not an assumption (\(assumptionNames)); did you mean 'retry-from'? [expect.value]"
            ])
    }

    /// A word that names nothing inside a map is refused at the word, block or flow style
    /// (it was reported at the map's first key, lines away).
    @Test func anUnknownKeyOfAMapIsRefusedAtItsOwnPosition() {
        #expect(
            verdicts("  outcomes:\n    dlq: 1\n    ok: 0\n    dlg: 2") == [
                "content/a.md:10:5: error: 'dlg' is not an outcome (ok, error-returned, throttled, rejected, dlq, on-failure, discarded, pending); did you mean 'dlq'? [expect.value]"
            ])
        #expect(
            verdicts("  delivered: { DLQ: 1, OnFailur: 1 }") == [
                "content/a.md:7:24: error: 'OnFailur' is not a destination (OnSuccess, OnFailure, DLQ, redrive, caller-DLQ); did you mean 'OnFailure'? [expect.value]"
            ])
    }

    @Test func aListClaimWrittenAsAMapIsRefused() {
        #expect(verdicts("  results: { 1: error }") == ["content/a.md:7:12: error: expected a list such as [error, error, error] [expect.value]"])
    }

    private var assumptionNames: String {
        Assumptions.Name.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// `tolerance: 5` was ignored (the default 1 s applied); a duration needs its unit.
    @Test func aToleranceWithoutAUnitIsRefused() {
        let run = ScenarioRunner.run("mode: sync\nevents: [{ at: 0s }]\nexpect:\n  tolerance: 5\n  attempts: 1\n", path: "content/a.md")
        #expect(
            run.diagnostics.map(\.formatted) == [
                "content/a.md:4:14: error: '5' is not a duration [scenario.duration]\ncontent/a.md:4:14: note: write a number with a unit: 150ms, 1.5s, 1m, 2min, 1h"
            ])
    }

    /// `assume: { window-start: banana }` was accepted and ignored.
    @Test func anAssumptionWithoutAlternativesRefusesAValue() {
        let run = ScenarioRunner.run("mode: sqs\nassume: { window-start: banana }\nrecords: [{ at: 0s }]\n", path: "content/a.md")
        #expect(
            run.diagnostics.map(\.formatted) == [
                "content/a.md:2:25: error: 'window-start' cannot be changed: the simulator implements only its default, after the previous invocation [scenario.value]"
            ])
    }
}

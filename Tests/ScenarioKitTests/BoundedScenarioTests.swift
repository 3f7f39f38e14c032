import ScenarioKit
import Testing

/// A scenario is bounded by what a reader can use: a run that would go on for days stops at
/// a default limit with an error that names it and says how to raise it (issue 18, point 1).
/// The time and memory these defaults allow are measured in docs/reliability.md, not here.
@Suite struct BoundedScenarioTests {
    private func errors(_ yaml: String) -> [String] {
        ScenarioRunner.run(yaml, path: "a.md").diagnostics.map(\.formatted)
    }

    @Test func aMessageThatFailsUntilItsRetentionEndsStopsAtTheStepLimit() {
        let found = errors("mode: sqs\nqueue: { VisibilityTimeout: 1 }\nfunction: { Timeout: 1, duration: 100ms, fails: always }\nrecords:\n  - at: 0s\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("a.md:1:1: error: the simulation stopped at t = ") == true)
        #expect(
            found.first?.hasSuffix(
                """
                : it went past its limit of 100,000 steps [scenario.limit]
                a.md:1:1: note: raise limits.steps in notesim.yml, or shorten the scenario (until:, fewer records, fewer retries)
                """) == true, "\(found)")
    }

    @Test func aStreamRecordFailingForeverStopsAtTheStepLimit() {
        let found = errors("mode: kinesis\nfunction: { fails: always }\nassume: { stream-retry-delay: 1ms }\nrecords:\n  - at: 0s\n")
        #expect(found.first?.contains(": it went past its limit of 100,000 steps [scenario.limit]") == true, "\(found)")
    }

    @Test func tooManyEventsAreRefusedBeforeAnythingRuns() {
        #expect(
            errors("mode: sync\nevents:\n  - { at: 0s, count: 10000000, every: 1ms }\n") == [
                "a.md:3:22: error: the scenario has 10000000 events; the limit is 50000 (limits.records) [scenario.limit]"
            ])
    }

    @Test func tooManyEventsPointAtTheCountThatCrossesTheLimit() {
        // 30,000 + 30,000: the second entry's count is the one to lower, not the list.
        #expect(
            errors("mode: sync\nevents:\n  - { at: 0s, count: 30000 }\n  - { at: 1s, count: 30000 }\n") == [
                "a.md:4:22: error: the scenario has 60000 events; the limit is 50000 (limits.records) [scenario.limit]"
            ])
    }

    @Test func untilMayNotGoPastTheHorizon() {
        #expect(
            errors("mode: sync\nuntil: 30d\nevents:\n  - at: 0s\n") == [
                "a.md:2:8: error: until is 30 d, beyond the limit of 7 d of simulated time (limits.horizon) [scenario.limit]"
            ])
    }

    @Test func eventsThatWouldArriveAfterTheEndAreRefusedAtTheirTime() {
        #expect(
            errors("mode: sync\nuntil: 1s\nevents:\n  - at: 0s\n  - at: 5s\n") == [
                "a.md:5:9: error: 5 s is after the simulation ends at 1 s (until): these events would never arrive [scenario.limit]"
            ])
        #expect(
            errors("mode: async\nevents:\n  - { at: 8d }\n") == [
                "a.md:3:11: error: 8 d is after the simulation ends at 7 d (limits.horizon): these events would never arrive [scenario.limit]"
            ])
        #expect(errors("mode: sync\nuntil: 1s\nevents:\n  - at: 1s\n  - { at: 5s, count: 0 }\n").isEmpty, "at the end itself, or nothing to arrive")
    }

    /// `N passed, N failed` counts the claims of a block that cannot run as failed, however
    /// it fails: a mode that cannot be read, a value that cannot, or a run that stops.
    @Test func aBlockThatCannotRunFailsEachOfItsClaims() {
        let claims = "expect:\n  attempts: 1\n  outcomes: { ok: 1 }\n  tolerance: 1s\n"
        let badMode = ScenarioRunner.run("mode: asynk\nevents: [{ at: 0s }]\n" + claims, path: "a.md")
        let badValue = ScenarioRunner.run("mode: async\nfunction: { duration: 1x }\nevents: [{ at: 0s }]\n" + claims, path: "a.md")
        let stopped = ScenarioRunner.run(
            "mode: sqs\nqueue: { VisibilityTimeout: 1 }\nfunction: { Timeout: 1, duration: 100ms, fails: always }\nrecords:\n  - at: 0s\n" + claims,
            path: "a.md")
        #expect([badMode, badValue, stopped].map { "\($0.passed) \($0.failed)" } == ["0 2", "0 2", "0 2"])
    }

    @Test func aScenarioWithNothingToArriveIsRefusedAtItsList() {
        let expected = [
            "a.md:2:1: error: the scenario has no events: the list is empty or every count is 0 [scenario.missing-key]\n"
                + "a.md:2:1: note: give at least one entry, for example - at: 0s"
        ]
        #expect(errors("mode: sync\nevents: []\n") == expected)
        #expect(errors("mode: sync\nevents: [ { at: 0s, count: 0 } ]\n") == expected)
    }
}

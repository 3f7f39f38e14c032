import ScenarioKit
import Testing

/// The scenario language of caller retry policies (R10–R13): `caller: standard`,
/// `{ retry-mode, max-attempts, timeout }`, `trigger: cli | sdk`, the `sdk-jitter` and
/// `sdk-retry-generation` assumptions and the `caller-attempts` claim.
@Suite struct CallerClaimTests {
    static let throttled = """
        trigger: cli
        function: { ReservedConcurrentExecutions: 0 }
        assume: { sdk-jitter: none }
        events:
          - at: 0s
        expect:

        """

    @Test func theCLIsImpliedPolicyIsClaimedAtTheCaller() {
        #expect(
            ScenarioVerdicts.of(Self.throttled + "  caller-attempts: 3\n  throttles-at: [0s, 1s, 3s]\n") == [
                "pass caller-attempts", "pass throttles-at",
            ])
        #expect(
            ScenarioVerdicts.of(Self.throttled + "  caller-attempts: 1\n") == [
                "content/a.md:7:3: error: expected 1 call by the caller, the simulator made 3 [expect.caller-attempts]"
            ])
    }

    @Test func retryModesAreWordsOrMaps() {
        let legacy = Self.throttled.replacingOccurrences(of: "trigger: cli\n", with: "trigger: cli\ncaller: legacy\n")
        #expect(ScenarioVerdicts.of(legacy + "  caller-attempts: 5\n") == ["pass caller-attempts"])
        let four = Self.throttled.replacingOccurrences(of: "trigger: cli\n", with: "trigger: cli\ncaller: { retry-mode: standard, max-attempts: 4 }\n")
        #expect(ScenarioVerdicts.of(four + "  throttles-at: [0s, 1s, 3s, 7s]\n") == ["pass throttles-at"])
    }

    @Test func unknownWordsAreErrorsWithASuggestion() {
        let typo = ScenarioRunner.run("mode: sync\ncaller: standrad\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(typo.diagnostics.map(\.message) == ["'standrad' is not a retry mode (legacy, standard, adaptive); did you mean 'standard'?"])
        let jitter = ScenarioRunner.run("mode: sync\nassume: { sdk-jitter: seded }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(jitter.diagnostics.map(\.message) == ["sdk-jitter must be seeded or none, not 'seded'; did you mean 'seeded'?"])
        let key = ScenarioRunner.run("mode: sync\ncaller: { retry-mod: legacy }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(key.diagnostics.contains { $0.id == "scenario.unknown-key" && $0.message.contains("did you mean 'retry-mode'") })
        let zero = ScenarioRunner.run("mode: sync\ncaller: { max-attempts: 0 }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(zero.diagnostics.map(\.id) == ["scenario.range"])
    }

    @Test func aCallerPolicyOnAMappingIsAnError() {
        let run = ScenarioRunner.run("mode: sqs\ncaller: standard\nrecords:\n  - at: 0s\n", path: "a.md")
        #expect(run.diagnostics.map(\.message).contains { $0.contains("an event source mapping's poller is the caller") })
    }
}

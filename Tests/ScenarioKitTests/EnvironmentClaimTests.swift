import ScenarioKit
import Testing

/// The scenario language of execution environments (X1–X11): `init`, `init-fails`,
/// `ProvisionedConcurrentExecutions`, their assumptions, and the claims `cold-starts`,
/// `init-durations` and `latency`.
@Suite struct EnvironmentClaimTests {
    static let coldThenWarm = """
        mode: sync
        function: { init: 800ms, duration: 100ms }
        events:
          - at: 0s
          - at: 1m
        expect:

        """

    @Test func coldStartsAreCountedOrTimed() {
        #expect(ScenarioVerdicts.of(Self.coldThenWarm + "  cold-starts: 1\n") == ["pass cold-starts"])
        #expect(ScenarioVerdicts.of(Self.coldThenWarm + "  cold-starts: [0s]\n") == ["pass cold-starts"])
        #expect(ScenarioVerdicts.of(Self.coldThenWarm + "  cold-starts: { min: 1, max: 2 }\n") == ["pass cold-starts"])
        #expect(
            ScenarioVerdicts.of(Self.coldThenWarm + "  cold-starts: 2\n") == [
                "content/a.md:7:3: error: expected 2 cold starts, the simulator made 1 (t = 0 s) [expect.cold-starts]"
            ])
    }

    @Test func initDurationsAndLatencyAreCheckedLikeTimes() {
        #expect(
            ScenarioVerdicts.of(
                Self.coldThenWarm + "  init-durations: { value: [800ms], tolerance: 0s }\n  latency: { value: [900ms, 100ms], tolerance: 0s }\n")
                == ["pass init-durations", "pass latency"])
        let wrong = ScenarioVerdicts.of(Self.coldThenWarm + "  latency: { value: [100ms, 100ms], tolerance: 0s }\n")
        #expect(
            wrong.count == 1 && wrong[0].hasPrefix("content/a.md:7:3: error: expected latencies at 100 ms, 100 ms, the simulator had them at 900 ms, 100 ms"))
    }

    @Test func provisionedConcurrencyTakesACountOrACountAndATime() {
        let block = """
            mode: sync
            function: { init: 1s, ProvisionedConcurrentExecutions: { count: 1, at: 10s } }
            events:
              - at: 0s
              - at: 200s
            expect:
              cold-starts: [0s]
              assumptions: [provisioned-ready-after]

            """
        #expect(ScenarioVerdicts.of(block) == ["pass cold-starts", "pass assumptions"])
        let noCount = ScenarioRunner.run("mode: sync\nfunction: { ProvisionedConcurrentExecutions: { at: 10s } }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(noCount.diagnostics.map(\.id) == ["scenario.value"])
        let typo = ScenarioRunner.run("mode: sync\nfunction: { ProvisionedConcurrentExecutions: { cuont: 1 } }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(typo.diagnostics.contains { $0.id == "scenario.unknown-key" && $0.message.contains("did you mean 'count'") })
    }

    @Test func environmentSettingsAreValidated() {
        let tooMany = ScenarioRunner.run(
            "mode: sync\nfunction: { ReservedConcurrentExecutions: 2, ProvisionedConcurrentExecutions: 3 }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(
            tooMany.diagnostics.map(\.message).contains { $0.contains("ProvisionedConcurrentExecutions (3) cannot exceed ReservedConcurrentExecutions (2)") })
        let records = ScenarioRunner.run("mode: sync\nfunction: { init-fails: { records: [1] } }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(records.diagnostics.map(\.id) == ["scenario.value"])
    }

    @Test func environmentAssumptionsAreNamedAndChecked() {
        let lifetime = ScenarioVerdicts.of(
            """
            mode: sync
            function: { init: 800ms }
            assume: { idle-lifetime: 30s }
            events:
              - at: 0s
              - at: 1m
            expect:
              cold-starts: [0s, 1m]

            """)
        #expect(lifetime == ["pass cold-starts"])
        let reuse = ScenarioRunner.run("mode: sync\nassume: { environment-reuse: least-recent }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(reuse.diagnostics.map(\.id) == ["scenario.unused-assumption"], "read, though one event never chooses among environments")
        #expect(reuse.document?.spec.assumptions.environmentReuse == .leastRecent)
        let typo = ScenarioRunner.run("mode: sync\nassume: { idle-lifetim: 30s }\nevents:\n  - at: 0s\n", path: "a.md")
        #expect(typo.diagnostics.contains { $0.id == "scenario.unknown-key" && $0.message.contains("did you mean 'idle-lifetime'") })
    }
}

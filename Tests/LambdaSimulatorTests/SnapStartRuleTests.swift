import LambdaSimulator
import Testing

/// The billing of `Init` (X8) and SnapStart (X13), rules of reference §11 with the §17
/// `snapstart-restore` assumption.
@Suite struct SnapStartRuleTests {
    static let coldStarts = EnvironmentRuleTests.coldStarts

    @Test func x8_initIsBilledWithTheColdInvocationAndAtProvisionedAllocation() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 60_000)]
                $0.function.initDuration = 800
                $0.function.durations = [100]
            })
        // Billed duration = Init + handler for the cold one, the handler alone when warm:
        // what each invocation held its environment for, its latency.
        #expect(trace.facts.latencyColumn.kept == [900, 100])
        let cold = try #require(trace.entries.first { if case .coldStart = $0.event { true } else { false } })
        #expect(cold.rules.contains(.X8))

        let unused = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = []
                $0.function.initDuration = 800
                $0.function.provisionedConcurrency = 2
            })
        // Two Inits billed at 0 s though no request ever runs.
        let allocation = try #require(unused.entries.first { if case .provisioned = $0.event { true } else { false } })
        #expect(allocation.event == .provisioned(instances: [1, 2], initDuration: 800))
        #expect(allocation.rules.contains(.X8))
        #expect(unused.stats.attempts == 0)
    }

    @Test func x13_snapStartRestoresInsteadOfRunningInit() throws {
        let spec = Scenarios.sync {
            $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 60_000)]
            $0.function.initDuration = 5_000
            $0.function.snapStart = true
            $0.assumptions.snapstartRestore = 300
            $0.function.durations = [100]
        }
        let trace = try Simulator.simulate(spec)
        // Init (5 s) ran at publish: the first request waits for the 300 ms Restore only, the
        // second is warm.
        #expect(Self.coldStarts(trace) == ["0@1+300"])
        #expect(trace.facts.latencyColumn.kept == [400, 100])
        #expect(trace.assumptionsUsed.contains(.snapstartRestore))
        #expect(trace.rulesFired.contains("X13"))
        #expect(trace.entries.first?.event == .note("SnapStart: Init ran when the version was published; a new environment restores from its snapshot instead"))

        var defaulted = spec
        defaulted.assumptions = Assumptions()
        let instant = try Simulator.simulate(defaulted)
        #expect(Self.coldStarts(instant) == ["0@1+0"], "§17: the restore takes 0 s unless set")

        var longInit = spec
        longInit.function.initDuration = 60_000
        longInit.function.timeoutSeconds = 3
        #expect(try Self.coldStarts(Simulator.simulate(longInit)) == ["0@1+300"], "X3: the 10 s on-demand limit does not apply")
    }

    @Test(arguments: [InvocationMode.async, .sqs, .kinesis])
    func x13_aRestoreOver10SecondsFailsTheInvocationInEveryMode(_ mode: InvocationMode) throws {
        var spec = ScenarioSpec(mode: mode)
        spec.arrivals = [Scenarios.group(at: 0)]
        spec.function.snapStart = true
        spec.function.timeoutSeconds = 30
        spec.assumptions.snapstartRestore = 12_000
        spec.until = 15_000
        let trace = try Simulator.simulate(spec)
        // The after-restore hooks time out at 10 s: SnapStartTimeoutException, an error.
        #expect(Self.coldStarts(trace).first == "0@1+10000 failed")
        #expect(trace.ends.first.map { "\($0.time) \($0.result)" } == "10000 error")
    }

    @Test func x13_initFailuresHaveNoRequestWithSnapStart() {
        let spec = Scenarios.sync {
            $0.function.snapStart = true
            $0.function.initFails = .always
        }
        #expect(
            ScenarioValidator.validate(spec).map(\.description) == [
                "function.init-fails: with SnapStart, Init runs when the version is published, not on a request [X13]"
            ])
    }
}

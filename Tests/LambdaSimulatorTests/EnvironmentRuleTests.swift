import LambdaSimulator
import Testing

/// Execution environments, rules X1–X12 of reference §11 (with the §17 assumptions).
@Suite struct EnvironmentRuleTests {
    /// Cold starts as `time@instance+init`.
    static func coldStarts(_ trace: Trace) -> [String] {
        trace.entries.compactMap { entry in
            guard case .coldStart(_, let instance, _, let duration, let failed) = entry.event else { return nil }
            return "\(entry.time)@\(instance)+\(duration)\(failed ? " failed" : "")"
        }
    }

    /// Ends as `time result`, in end order.
    static func ends(_ trace: Trace) -> [String] {
        trace.ends.map { "\($0.time) \($0.result.rawValue)" }
    }

    @Test func x1_onDemandInitRunsOnTheFirstRequestProvisionedAhead() throws {
        let onDemand = try Simulator.simulate(Scenarios.sync { $0.function.initDuration = 800 })
        #expect(Self.coldStarts(onDemand) == ["0@1+800"])
        #expect(Self.ends(onDemand) == ["900 ok"])
        #expect(onDemand.responses.map(\.time) == [900], "the caller waits for Init and the handler")
        #expect(onDemand.rulesFired.isSuperset(of: ["X1", "X6"]))

        let provisioned = try Simulator.simulate(
            Scenarios.sync {
                $0.function.initDuration = 800
                $0.function.provisionedConcurrency = 1
            })
        #expect(Self.coldStarts(provisioned).isEmpty, "Init ran when the environment was allocated")
        #expect(Self.ends(provisioned) == ["100 ok"])
        #expect(provisioned.entries.contains { if case .provisioned([1], 800) = $0.event { $0.time == 0 } else { false } })
        #expect(provisioned.assumptionsUsed.contains(.provisionedReadyAfter))
    }

    @Test func x2_anInitOver10SecondsIsRetriedInsideTheInvocation() throws {
        let retried = try Simulator.simulate(
            Scenarios.sync {
                $0.function.initDuration = 12_000
                $0.function.timeoutSeconds = 30
            })
        // Abandoned at 10 s, run again (12 s), then the handler (100 ms): 22.1 s.
        #expect(Self.coldStarts(retried) == ["0@1+22000"])
        #expect(Self.ends(retried) == ["22100 ok"])
        #expect(retried.assumptionsUsed.contains(.initOverrun))
        #expect(retried.rulesFired.contains("X2"))

        let timedOut = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 20_000)]
                $0.function.initDuration = 12_000
                $0.function.timeoutSeconds = 5
            })
        // The retried Init does not fit in the 5 s timeout: timeout at 10 s + 5 s; the next
        // request meets an environment that must run Init again.
        #expect(Self.ends(timedOut) == ["15000 timeout", "35000 timeout"])
        #expect(Self.coldStarts(timedOut) == ["0@1+22000 failed", "20000@1+22000 failed"])
    }

    @Test func x3_provisionedInitMayRunPast10SecondsUpToItsOwnLimit() throws {
        let long = try Simulator.simulate(
            Scenarios.sync {
                $0.function.initDuration = 60_000
                $0.function.provisionedConcurrency = 1
            })
        #expect(Self.coldStarts(long).isEmpty)
        #expect(Self.ends(long) == ["100 ok"])

        let tooLong = try Simulator.simulate(
            Scenarios.sync {
                $0.function.initDuration = 140_000
                $0.function.timeoutSeconds = 30
                $0.function.provisionedConcurrency = 1
            })
        // max(130 s, 30 s) < 140 s: the allocation fails and the request runs on demand.
        #expect(tooLong.rulesFired.contains("X3"))
        #expect(Self.coldStarts(tooLong) == ["0@1+150000 failed"])
        #expect(Self.ends(tooLong) == ["40000 timeout"])
    }

    @Test func x4_aTimeoutOrAFailedInitResetsTheEnvironment() throws {
        let timeout = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 10_000), Scenarios.group(at: 20_000)]
                $0.function.initDuration = 500
                $0.function.failure = .timeout
                $0.arrivals[0].fails = .always
            })
        // #1 times out at 0.5 + 3 s; #2 pays Init again on the same environment; #3 is warm.
        #expect(Self.coldStarts(timeout) == ["0@1+500", "10000@1+500"])
        #expect(Self.ends(timeout) == ["3500 timeout", "10600 ok", "20100 ok"])
        #expect(timeout.rulesFired.contains("X4"))

        let initFails = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 5_000)]
                $0.function.initDuration = 800
                $0.function.initFails = .attempts([1])
            })
        #expect(Self.coldStarts(initFails) == ["0@1+800 failed", "5000@1+800"])
        #expect(Self.ends(initFails) == ["800 error", "5900 ok"])
        #expect(initFails.responses.map(\.status) == [200, 200])
    }

    @Test func x5_anInitUnder10SecondsDoesNotCountAgainstTheTimeout() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.function.initDuration = 5_000
                $0.function.durations = [2_000]
            })
        #expect(Self.ends(trace) == ["7000 ok"], "3 s Timeout, 5 s Init, 2 s handler")
    }

    @Test func x6_warmEnvironmentsAreReusedMostRecentlyUsedFirst() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 0), Scenarios.group(at: 5_000)]
                $0.function.initDuration = 800
                $0.function.durations = [100, 300, 100]
                $0.arrivals[1].durations = [300]
            })
        #expect(Self.coldStarts(trace) == ["0@1+800", "0@2+800"])
        // Env 2 was released last (1.1 s after 0.9 s), so #3 runs there, warm.
        #expect(trace.starts.map(\.instance) == [1, 2, 2])
        #expect(Self.ends(trace) == ["900 ok", "1100 ok", "5100 ok"])
        #expect(trace.facts.latencies == [900, 1_100, 100])
        #expect(trace.assumptionsUsed.isSuperset(of: [.environmentReuse, .idleLifetime]))
    }

    @Test func x7_anEnvironmentIdleLongerThanTheAssumedLifetimeIsGone() throws {
        func run(secondAt: Int64, lifetime: Int64? = nil) throws -> [String] {
            let trace = try Simulator.simulate(
                Scenarios.sync {
                    $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: secondAt)]
                    $0.function.initDuration = 800
                    if let lifetime { $0.assumptions.idleLifetime = lifetime }
                })
            return Self.coldStarts(trace)
        }
        #expect(try run(secondAt: 540_000) == ["0@1+800"])
        #expect(try run(secondAt: 660_000) == ["0@1+800", "660000@2+800"])
        #expect(try run(secondAt: 540_000, lifetime: 300_000) == ["0@1+800", "540000@2+800"])
    }

    @Test func x7_anEnvironmentIdleExactlyTheLifetimeIsStillKept() throws {
        // Released at 0.9 s: idle exactly 600 s at 600.9 s is not idle longer than the
        // lifetime (the guide's words); one millisecond more is.
        func run(secondAt: Int64) throws -> [String] {
            let trace = try Simulator.simulate(
                Scenarios.sync {
                    $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: secondAt)]
                    $0.function.initDuration = 800
                })
            return Self.coldStarts(trace)
        }
        #expect(try run(secondAt: 600_900) == ["0@1+800"])
        #expect(try run(secondAt: 600_901) == ["0@1+800", "600901@2+800"])
    }

    /// Provisioned allocations and re-initialisations as `time@instances+init`.
    static func provisioned(_ trace: Trace) -> [String] {
        trace.entries.compactMap { entry in
            guard case .provisioned(let instances, let duration) = entry.event else { return nil }
            return "\(entry.time)@\(instances)+\(duration)"
        }
    }

    @Test func x8_aRecycledProvisionedEnvironmentRunsInitAgainAndCallsSpillOverMeanwhile() throws {
        func run(recycle: Int64?, at times: [Int64]) throws -> Trace {
            try Simulator.simulate(
                Scenarios.sync {
                    $0.arrivals = times.map { Scenarios.group(at: $0) }
                    $0.function.initDuration = 800
                    $0.function.provisionedConcurrency = 1
                    $0.assumptions.provisionedRecycle = recycle
                })
        }
        let times: [Int64] = [0, 10_300, 11_000, 20_750, 21_000, 21_700]
        let recycled = try run(recycle: 10_000, at: times)
        // READY at 0, recycled at 10 s: Init until 10.8 s, when it is READY again. The call
        // at 10.3 s spills over to a new on-demand environment, cold; the one at 11 s is
        // back on env 1. Its next recycle falls due at 20.8 s while the call of 20.75 s
        // runs, so it starts when that call ends, 20.85 s: the call at 21 s takes the
        // on-demand env 2 (warm), the one at 21.7 s env 1, READY since 21.65 s.
        #expect(Self.provisioned(recycled) == ["0@[1]+800", "10800@[1]+800", "21650@[1]+800"])
        #expect(recycled.starts.map(\.instance) == [1, 2, 1, 1, 2, 1])
        #expect(Self.coldStarts(recycled) == ["10300@2+800"])
        #expect(recycled.facts.latencies == [100, 900, 100, 100, 100, 100])
        #expect(recycled.assumptionsUsed.contains(.provisionedRecycle))
        #expect(recycled.rulesFired.isSuperset(of: ["X8", "X10"]))

        let off = try run(recycle: nil, at: times)
        #expect(Self.provisioned(off) == ["0@[1]+800"])
        #expect(off.starts.map(\.instance) == [1, 1, 1, 1, 1, 1])
        #expect(Self.coldStarts(off).isEmpty)
        #expect(!off.assumptionsUsed.contains(.provisionedRecycle), "22 seconds are far from \"every few hours\"")
        // Off by default, it is relied on once a provisioned environment 2 hours old serves.
        let twoHours = try run(recycle: nil, at: [0, 7_200_000])
        #expect(twoHours.starts.map(\.instance) == [1, 1])
        #expect(twoHours.assumptionsUsed.contains(.provisionedRecycle))
    }

    @Test func x9_provisionedConcurrencyLimits() {
        func issues(_ configure: (inout ScenarioSpec) -> Void) -> [String] {
            ScenarioValidator.validate(Scenarios.sync(configure)).map(\.description)
        }
        #expect(
            issues { $0.function.provisionedConcurrency = 0 } == [
                "function.ProvisionedConcurrentExecutions: ProvisionedConcurrentExecutions must be at least 1 (AWS limit), not 0 [X9]"
            ])
        #expect(
            issues {
                $0.function.provisionedConcurrency = 5
                $0.function.reservedConcurrency = 4
            } == ["function.ProvisionedConcurrentExecutions: ProvisionedConcurrentExecutions (5) cannot exceed ReservedConcurrentExecutions (4) [X9]"])
        #expect(
            issues { $0.function.provisionedConcurrency = 901 } == [
                "function.ProvisionedConcurrentExecutions: ProvisionedConcurrentExecutions must be at most 900 (the account's unreserved concurrency minus 100, AWS limit), not 901 [X9]"
            ])
        #expect(issues { $0.function.provisionedConcurrency = 900 }.isEmpty)
    }

    @Test func x10_busyProvisionedEnvironmentsSpillOverToOnDemand() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0, count: 3)]
                $0.function.initDuration = 800
                $0.function.provisionedConcurrency = 2
            })
        // Envs 1 and 2 are provisioned; #3 spills over to a new on-demand environment.
        #expect(trace.starts.map(\.instance) == [1, 2, 3])
        #expect(Self.coldStarts(trace) == ["0@3+800"])
        #expect(Self.ends(trace) == ["100 ok", "100 ok", "900 ok"])
        #expect(trace.rulesFired.contains("X10"))
    }

    @Test func x11_provisionedConcurrencyConfiguredMidwayIsReadyLater() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 60_000), Scenarios.group(at: 60_000), Scenarios.group(at: 200_000), Scenarios.group(at: 200_000)]
                $0.function.initDuration = 800
                $0.function.provisionedConcurrency = 1
                $0.function.provisionedAt = 30_000
            })
        let ready = trace.entries.first { if case .provisioned = $0.event { true } else { false } }
        #expect(ready?.time == 150_000)
        // Before it is READY both run on demand; after, one runs on the provisioned env 3 and
        // one on the most recently used on-demand env.
        #expect(Self.coldStarts(trace) == ["60000@1+800", "60000@2+800"])
        #expect(trace.starts.map(\.instance) == [1, 2, 3, 2])
        #expect(trace.assumptionsUsed.contains(.provisionedReadyAfter))

        var later = Scenarios.sync { $0.function.provisionedConcurrency = 1 }
        later.function.provisionedAt = 30_000
        later.assumptions.provisionedReadyAfter = 0
        later.arrivals = [Scenarios.group(at: 40_000)]
        later.function.initDuration = 800
        #expect(try Self.coldStarts(Simulator.simulate(later)).isEmpty)
    }

    @Test func x12_provisionedConcurrencyNeverLiftsTheReservedCap() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0, count: 3)]
                $0.function.reservedConcurrency = 2
                $0.function.provisionedConcurrency = 2
            })
        #expect(trace.responses.map(\.status).sorted() == [200, 200, 429])
        #expect(trace.stats.maxConcurrency == 2)
    }

    @Test func withoutInitNothingChanges() throws {
        let trace = try Simulator.simulate(Scenarios.sync { $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 3_600_000)] })
        #expect(Self.coldStarts(trace).isEmpty)
        #expect(trace.starts.map(\.instance) == [1, 1], "no lifecycle is modelled, so the environment is the same")
        #expect(!trace.assumptionsUsed.contains(.idleLifetime))
    }

    @Test(arguments: [InvocationMode.async, .sqs, .kinesis])
    func coldStartsHappenInEveryMode(_ mode: InvocationMode) throws {
        var spec = ScenarioSpec(mode: mode)
        spec.arrivals = [Scenarios.group(at: 0)]
        spec.function.initDuration = 800
        let trace = try Simulator.simulate(spec)
        #expect(Self.coldStarts(trace) == ["0@1+800"])
        #expect(Self.ends(trace) == ["900 ok"])
    }

    /// Two environments, then single requests at 300 s and 550 s, then two at once at 850 s,
    /// with the default idle lifetime (600 s) and the given reuse order.
    static func reuse(_ order: Assumptions.EnvironmentReuse) throws -> Trace {
        try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [
                    Scenarios.group(at: 0, count: 2), Scenarios.group(at: 300_000), Scenarios.group(at: 550_000), Scenarios.group(at: 850_000, count: 2),
                ]
                $0.function.initDuration = 800
                $0.assumptions.environmentReuse = order
            })
    }

    @Test func x6_leastRecentReuseSpreadsRequestsAndKeepsBothEnvironmentsWarm() throws {
        let mostRecent = try Self.reuse(.mostRecent)
        // Env 2 serves 300 s and 550 s; env 1, idle since 0.9 s, is gone at 600.9 s, so one
        // of the two requests at 850 s starts cold in env 3.
        #expect(mostRecent.starts.map(\.instance) == [1, 2, 2, 2, 2, 3])
        #expect(Self.coldStarts(mostRecent) == ["0@1+800", "0@2+800", "850000@3+800"])
        #expect(mostRecent.facts.latencies == [900, 900, 100, 100, 100, 900])

        let leastRecent = try Self.reuse(.leastRecent)
        // Env 1 serves 300 s, env 2 (idle longest) 550 s: neither idles 600 s, both are warm
        // at 850 s.
        #expect(leastRecent.starts.map(\.instance) == [1, 2, 1, 2, 1, 2])
        #expect(Self.coldStarts(leastRecent) == ["0@1+800", "0@2+800"])
        #expect(leastRecent.facts.latencies == [900, 900, 100, 100, 100, 100])
        #expect(leastRecent.assumptionsUsed.isSuperset(of: [.environmentReuse, .idleLifetime]))
        #expect(leastRecent.rulesFired.contains("X6"))
    }

    @Test func x7_aMaximumLifetimeRetiresAnEnvironmentEvenWhenItIsBusy() throws {
        func run(count: Int, lifetime: Int64?) throws -> Trace {
            try Simulator.simulate(
                Scenarios.sync {
                    $0.arrivals = [Scenarios.group(at: 0, count: count, every: 60_000)]
                    $0.function.initDuration = 800
                    $0.assumptions.maxEnvironmentLifetime = lifetime
                })
        }
        // A request a minute never idles the environment; at 180 s it is 150 s old or more,
        // so it is retired and the request starts a new one.
        let retired = try run(count: 5, lifetime: 150_000)
        #expect(Self.coldStarts(retired) == ["0@1+800", "180000@2+800"])
        #expect(retired.starts.map(\.instance) == [1, 1, 1, 2, 2])
        #expect(retired.assumptionsUsed.contains(.maxEnvironmentLifetime))

        let off = try run(count: 5, lifetime: nil)
        #expect(Self.coldStarts(off) == ["0@1+800"])
        #expect(!off.assumptionsUsed.contains(.maxEnvironmentLifetime), "5 minutes are far from \"every few hours\"")
        // Off by default, it is relied on once a reused environment is 2 hours old.
        let twoHours = try Simulator.simulate(
            Scenarios.sync {
                $0.arrivals = [Scenarios.group(at: 0, count: 25, every: 300_000)]
                $0.function.initDuration = 800
            })
        #expect(Self.coldStarts(twoHours) == ["0@1+800"])
        #expect(twoHours.assumptionsUsed.contains(.maxEnvironmentLifetime))
    }

    @Test func x2_initOverrunOnceCountsTheInitCodeOnce() throws {
        func run(init initDuration: Int64, timeout: Int64, _ overrun: Assumptions.InitOverrun) throws -> Trace {
            try Simulator.simulate(
                Scenarios.sync {
                    $0.function.initDuration = initDuration
                    $0.function.timeoutSeconds = timeout
                    $0.assumptions.initOverrun = overrun
                })
        }
        // 12 s of Init: abandoned at 10 s; `once` carries on for the 2 s left, then the
        // handler: 12.1 s instead of `twice`'s 22.1 s.
        let once = try run(init: 12_000, timeout: 30, .once)
        #expect(Self.coldStarts(once) == ["0@1+12000"])
        #expect(Self.ends(once) == ["12100 ok"])
        #expect(once.facts.latencies == [12_100])
        #expect(once.assumptionsUsed.contains(.initOverrun))
        #expect(Self.ends(try run(init: 12_000, timeout: 30, .twice)) == ["22100 ok"])
        // 16 s of Init and a 5 s timeout: the 6 s left do not fit either way; the invocation
        // times out 10 s + 5 s after the request.
        let onceTimedOut = try run(init: 16_000, timeout: 5, .once)
        #expect(Self.coldStarts(onceTimedOut) == ["0@1+16000 failed"])
        #expect(Self.ends(onceTimedOut) == ["15000 timeout"])
        #expect(Self.coldStarts(try run(init: 16_000, timeout: 5, .twice)) == ["0@1+26000 failed"])
        // 14 s with a 5 s timeout: `once` fits (4 s + 100 ms), `twice` does not.
        #expect(Self.ends(try run(init: 14_000, timeout: 5, .once)) == ["14100 ok"])
        #expect(Self.ends(try run(init: 14_000, timeout: 5, .twice)) == ["15000 timeout"])
    }
}

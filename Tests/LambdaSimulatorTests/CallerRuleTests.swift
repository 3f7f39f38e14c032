import LambdaSimulator
import Testing

/// The caller's own retries on synchronous calls: SDK and CLI retry modes, rules R10–R13
/// and R16 of reference §12 (with the §17 jitter and retry-generation assumptions).
@Suite struct CallerRuleTests {
    static func cli(_ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        Scenarios.sync {
            $0.trigger = .cli
            $0.assumptions.sdkJitter = false
            configure(&$0)
        }
    }

    @Test func r10_theCLIRetriesAThrottledCallTwiceInStandardMode() throws {
        let trace = try Simulator.simulate(Self.cli { $0.function.reservedConcurrency = 0 })
        // Standard: 3 attempts, waits of (up to) 1 s and 2 s.
        #expect(trace.throttleTimes == [0, 1_000, 3_000])
        #expect(trace.responses.map { "\($0.time) \($0.status)" } == ["0 429", "1000 429", "3000 429"])
        #expect(trace.outcomes[1] == [.throttled])
        #expect(trace.facts.callerRetries == 2)
        #expect(trace.rulesFired.isSuperset(of: ["R10", "R12", "S4"]))
        #expect(trace.assumptionsUsed.isSuperset(of: [.sdkJitter, .sdkRetryGeneration]))
    }

    @Test func r10_legacyMakesFiveAttemptsWithoutACap() throws {
        let trace = try Simulator.simulate(
            Self.cli {
                $0.function.reservedConcurrency = 0
                $0.caller.sdk = SDKRetryPolicy(mode: .legacy)
            })
        #expect(trace.throttleTimes == [0, 1_000, 3_000, 7_000, 15_000])
        #expect(!trace.assumptionsUsed.contains(.sdkRetryGeneration), "the 2026 change is to standard mode")
    }

    @Test func r10_standardBackoffIsCappedAt20Seconds() throws {
        let trace = try Simulator.simulate(
            Self.cli {
                $0.function.failure = .serviceError
                $0.function.fails = .always
                $0.caller.sdk = SDKRetryPolicy(mode: .standard, maxAttempts: 8)
            })
        // Waits 1, 2, 4, 8, 16, then 20 and 20 s.
        #expect(trace.throttleTimes == [0, 1_000, 3_000, 7_000, 15_000, 31_000, 51_000, 71_000])
        #expect(trace.responses.last.map { "\($0.status) \($0.error ?? "")" } == "500 ServiceException")
        #expect(trace.outcomes[1] == [.errorReturned])
    }

    @Test func r10_adaptiveModeDelaysCallsWithItsRateLimiter() throws {
        let trace = try Simulator.simulate(
            Self.cli {
                $0.function.reservedConcurrency = 0
                $0.caller.sdk = SDKRetryPolicy(mode: .adaptive)
            })
        // The first throttle turns the limiter on at 0.7 calls/s with an empty bucket: the
        // retry due at 1 s waits for its token until 1.429 s (0.3 / 0.7 s more); during the
        // 2 s backoff after it the bucket (now 0.5 calls/s) refills, so the last goes at once.
        #expect(trace.throttleTimes == [0, 1_429, 3_429])
        #expect(trace.facts.callerRetries == 2, "a wait for a token is no retry")
        #expect(trace.assumptionsUsed.contains(.adaptiveLimiter))

        let burst = try Simulator.simulate(
            Self.cli {
                $0.arrivals = [Scenarios.group(at: 0, count: 3)]
                $0.function.reservedConcurrency = 0
                $0.caller.sdk = SDKRetryPolicy(mode: .adaptive)
            })
        // #2 and #3 reserve the next tokens (1/0.7 s and 2/0.7 s); #1's retry the one after;
        // after #2's throttle the rate is 0.5 calls/s (0.7 × 0.7 is below the floor).
        #expect(burst.throttleTimes == [0, 1_429, 2_858, 4_286, 7_429, 9_429, 11_429, 13_429, 15_429])
        let waits = burst.entries.filter { if case .retryScheduled(_, .clientRateLimit, _) = $0.event { true } else { false } }
        #expect(waits.map(\.time) == [0, 0, 1_000, 2_429, 3_858, 6_286, 9_429, 11_429])
        #expect(waits.allSatisfy { $0.rules == .R10 })

        let standard = try Simulator.simulate(
            Self.cli {
                $0.arrivals = [Scenarios.group(at: 0, count: 3)]
                $0.function.reservedConcurrency = 0
            })
        #expect(standard.throttleTimes == [0, 0, 0, 1_000, 1_000, 1_000, 3_000, 3_000, 3_000], "standard mode has no limiter")
    }

    @Test func adaptiveLimiterIsDeterministicAndLosesNoCall() throws {
        // Calls every 100 ms on one environment: #2 is throttled while #1 runs and the limiter
        // turns on; every call still ends, the same way every run.
        let spec = Self.cli {
            $0.arrivals = [Scenarios.group(at: 0, count: 12, every: 100)]
            $0.function.reservedConcurrency = 1
            $0.function.durations = [150]
            $0.caller.sdk = SDKRetryPolicy(mode: .adaptive, maxAttempts: 10)
        }
        let trace = try Simulator.simulate(spec)
        #expect(trace.entries.contains { if case .retryScheduled(_, .clientRateLimit, _) = $0.event { true } else { false } })
        #expect(trace.outcomes.count == 12)
        #expect(trace.outcomes.values.allSatisfy { $0 == [.ok] || $0 == [.throttled] })
        #expect(try Simulator.simulate(spec).entries == trace.entries, "no randomness in the limiter")
    }

    @Test func r11_anSDKTriggerRetriesAsBoto3AndThe2026OptInShortensBackoff() throws {
        let boto3 = try Simulator.simulate(
            Self.cli {
                $0.trigger = .sdk
                $0.function.reservedConcurrency = 0
            })
        #expect(boto3.throttleTimes == [0, 1_000, 3_000, 7_000, 15_000], "boto3's default is legacy, 5 attempts")

        let serviceErrors = try Simulator.simulate(
            Self.cli {
                $0.function.failure = .serviceError
                $0.function.fails = .always
                $0.assumptions.sdkRetries2026 = true
            })
        #expect(serviceErrors.throttleTimes == [0, 50, 150], "2026: 50 ms base for errors that are not throttles")
        let throttles = try Simulator.simulate(
            Self.cli {
                $0.function.reservedConcurrency = 0
                $0.assumptions.sdkRetries2026 = true
            })
        #expect(throttles.throttleTimes == [0, 1_000, 3_000], "2026: 1 s base for throttles")
    }

    @Test func r12_jitterIsASeededShareOfTheCeiling() throws {
        func waits(seed: UInt64) throws -> [Int64] {
            let trace = try Simulator.simulate(
                Self.cli {
                    $0.function.reservedConcurrency = 0
                    $0.assumptions.sdkJitter = true
                    $0.seed = seed
                })
            return zip(trace.throttleTimes.dropFirst(), trace.throttleTimes).map { $0 - $1 }
        }
        let first = try waits(seed: 1)
        #expect(first.count == 2)
        #expect((0..<1_000).contains(first[0]) && (0..<2_000).contains(first[1]))
        #expect(try waits(seed: 1) == first, "the same seed waits the same")
        let others = try (2...6).map { try waits(seed: $0) }
        #expect(others.contains { $0 != first }, "another seed waits otherwise")
    }

    @Test func r13_functionErrorsAreNotRetriedButClientTimeoutsAre() throws {
        let errors = try Simulator.simulate(Self.cli { $0.function.fails = .always })
        #expect(errors.stats.attempts == 1)
        #expect(errors.facts.callerRetries == 0)

        let slow = try Simulator.simulate(
            Self.cli {
                $0.function.timeoutSeconds = 900
                $0.function.durations = [70_000]
            })
        // The CLI's 60 s read timeout: it gives up at 60 s and calls again after 1 s, then
        // 2 s; every call runs the function to its end (duplicate executions).
        #expect(slow.startTimes == [0, 61_000, 123_000])
        #expect(slow.ends.map(\.time) == [70_000, 131_000, 193_000])
        #expect(
            slow.responses.map { "\($0.time) \($0.status) \($0.error ?? "")" } == [
                "60000 504 ClientTimeout", "121000 504 ClientTimeout", "183000 504 ClientTimeout",
            ])
        #expect(slow.outcomes[1] == [.errorReturned])
        #expect(slow.rulesFired.contains("R13"))
    }

    @Test func r13_aTryTheClientGaveUpOnAnswersNobodyEvenWhenItEndsAsTheRetryIsDue() throws {
        // The client gives up at 1 s and calls again after 1 s, at 2 s: the instant the
        // first execution ends. That end must not answer the caller, and the retry must run.
        let trace = try Simulator.simulate(
            Self.cli {
                $0.caller.sdk = SDKRetryPolicy(mode: .standard, maxAttempts: 5)
                $0.caller.timeout = 1_000
                $0.function.timeoutSeconds = 10
                $0.function.durations = [2_000]
            })
        #expect(trace.startTimes == [0, 2_000, 5_000, 10_000, 19_000])
        #expect(
            trace.responses.map { "\($0.time) \($0.status) \($0.error ?? "")" } == [
                "1000 504 ClientTimeout", "3000 504 ClientTimeout", "6000 504 ClientTimeout", "11000 504 ClientTimeout",
                "20000 504 ClientTimeout",
            ])
        #expect(trace.facts.callerRetries == 4)
        #expect(trace.outcomes[1] == [.errorReturned])
    }

    @Test func r16_anEventSourceMappingHasNoCallerPolicy() {
        var spec = Scenarios.sqs()
        spec.caller.sdk = SDKRetryPolicy(mode: .standard)
        #expect(
            ScenarioValidator.validate(spec).map(\.description) == [
                "caller: an event source mapping's poller is the caller: it retries by the mapping's rules, not by a caller policy [R16]"
            ])
        var both = Scenarios.sync()
        both.caller = CallerSpec(retries: 2, retryOn: [.throttled])
        both.caller.sdk = SDKRetryPolicy(mode: .legacy)
        #expect(
            ScenarioValidator.validate(both).map(\.description) == [
                "caller: retry-mode and max-attempts replace retries and retry-on: give one or the other [R10]"
            ])
    }

    @Test(arguments: [Trigger.sns, .eventbridge, .s3])
    func r16_aServiceTriggerTakesNoSDKPolicy(trigger: Trigger) {
        var spec = Scenarios.async { $0.trigger = trigger }
        spec.caller.sdk = SDKRetryPolicy(mode: .adaptive)
        #expect(
            ScenarioValidator.validate(spec).map(\.description) == [
                "caller: \(trigger.rawValue) invokes the function itself and retries by its own policy: retry-mode, retries and timeout describe an SDK or CLI [R16]"
            ])
        var plain = Scenarios.async()
        plain.caller.sdk = SDKRetryPolicy(mode: .adaptive)
        #expect(ScenarioValidator.validate(plain).isEmpty, "an SDK may invoke asynchronously (R16)")
    }

    @Test func aHandWrittenCallerKeepsItsOwnBackoff() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.trigger = .cli
                $0.function.reservedConcurrency = 0
                $0.caller = CallerSpec(retries: 1, retryOn: [.throttled])
            })
        #expect(trace.throttleTimes == [0, 100], "the scenario's caller, not the CLI's preset")
        #expect(!trace.assumptionsUsed.contains(.sdkJitter))
    }

    static func stepFunctions(_ retriers: [StepFunctionsRetrier], _ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        Scenarios.sync {
            $0.trigger = .stepFunctions
            $0.caller.retriers = retriers
            configure(&$0)
        }
    }

    static func retrier(_ errors: [String], interval: Int64 = 1, attempts: Int = 3, rate: Double = 2, maxDelay: Int64? = nil) -> StepFunctionsRetrier {
        var retrier = StepFunctionsRetrier(errorEquals: errors)
        retrier.intervalSeconds = interval
        retrier.maxAttempts = attempts
        retrier.backoffRate = rate
        retrier.maxDelaySeconds = maxDelay
        return retrier
    }

    @Test func r14_theGuidesExampleWaits3ThenFourAndAHalfSeconds() throws {
        let trace = try Simulator.simulate(
            Self.stepFunctions([Self.retrier(["States.ALL"], interval: 3, attempts: 2, rate: 1.5)]) { $0.function.fails = .always })
        // Each wait counts from the end of the failed attempt (§17).
        #expect(trace.startTimes == [0, 3_100, 7_700])
        #expect(trace.results == [.error, .error, .error])
        #expect(trace.outcomes[1] == [.errorReturned])
        #expect(trace.assumptionsUsed.contains(.sfnRetryFrom))
        #expect(trace.rulesFired.isSuperset(of: ["R14", "R15"]))
        #expect(trace.facts.callerRetries == 2)
    }

    @Test func r14_maxDelayCapsAndZeroAttemptsNeverRetry() throws {
        let capped = try Simulator.simulate(
            Self.stepFunctions([Self.retrier(["States.ALL"], interval: 1, attempts: 3, rate: 10, maxDelay: 5)]) { $0.function.fails = .always })
        #expect(capped.startTimes == [0, 1_100, 6_200, 11_300], "waits 1 s, then 10 s and 100 s capped at 5 s")
        let never = try Simulator.simulate(Self.stepFunctions([Self.retrier(["States.ALL"], attempts: 0)]) { $0.function.fails = .always })
        #expect(never.stats.attempts == 1)
        let without = try Simulator.simulate(
            Scenarios.sync {
                $0.trigger = .stepFunctions; $0.function.fails = .always
            })
        #expect(without.stats.attempts == 1, "without Retry an error fails the state")
    }

    @Test func r14_theFirstRetrierThatCatchesTheErrorDecides() throws {
        let trace = try Simulator.simulate(
            Self.stepFunctions([Self.retrier(["Lambda.TooManyRequestsException"], attempts: 1), Self.retrier(["States.ALL"], attempts: 5)]) {
                $0.function.reservedConcurrency = 0
            })
        #expect(trace.throttleTimes == [0, 1_000])
        #expect(trace.outcomes[1] == [.throttled])
    }

    @Test func r14_fullJitterWaitsASeededShare() throws {
        var retrier = Self.retrier(["States.ALL"], interval: 10, attempts: 1)
        retrier.fullJitter = true
        let trace = try Simulator.simulate(
            Self.stepFunctions([retrier]) {
                $0.function.fails = .always; $0.seed = 7
            })
        #expect(trace.startTimes.count == 2)
        #expect((100...10_100).contains(trace.startTimes[1]))
        #expect(trace.assumptionsUsed.contains(.sdkJitter))
    }

    @Test func r15_errorNamesSeenByTheTask() throws {
        let unknownOnly = [Self.retrier(["Lambda.Unknown"], attempts: 1)]
        let thrown = try Simulator.simulate(Self.stepFunctions(unknownOnly) { $0.function.fails = .always })
        #expect(thrown.stats.attempts == 1, "a handler's exception is not Lambda.Unknown")
        #expect(thrown.responses.map { $0.error ?? "" } == ["States.TaskFailed"])
        let timedOut = try Simulator.simulate(
            Self.stepFunctions(unknownOnly) {
                $0.function.fails = .always
                $0.function.failure = .timeout
            })
        #expect(timedOut.startTimes == [0, 4_000], "a timeout is Lambda.Unknown: retried after 1 s")
        let taskFailed = try Simulator.simulate(Self.stepFunctions([Self.retrier(["States.TaskFailed"], attempts: 1)]) { $0.function.fails = .always })
        #expect(taskFailed.stats.attempts == 2)
    }

    @Test func r14_retriersAreValidated() {
        let notLast = ScenarioValidator.validate(Self.stepFunctions([Self.retrier(["States.ALL"]), Self.retrier(["Lambda.Unknown"])]))
        #expect(notLast.map(\.description) == ["caller.Retry[0].ErrorEquals: States.ALL must appear alone, in the last retrier [R14]"])
        let empty = ScenarioValidator.validate(Self.stepFunctions([Self.retrier([], attempts: -1)]))
        #expect(
            empty.map(\.description) == [
                "caller.Retry[0].ErrorEquals: ErrorEquals must name at least one error [R14]",
                "caller.Retry[0].MaxAttempts: MaxAttempts must be 0–99999999 (AWS limit), not -1 [R14]",
            ])
        var async = Scenarios.async()
        async.caller.retriers = [Self.retrier(["States.ALL"])]
        #expect(
            ScenarioValidator.validate(async).map(\.description) == [
                "caller.Retry: a Step Functions Retry applies to a Task that waits for the function (mode: sync) [R14]"
            ])
    }

    @Test func r14_sfnRetryFromAttemptStartCountsTheWaitFromTheFailedAttemptsStart() throws {
        var spec = Self.stepFunctions([Self.retrier(["States.ALL"], interval: 3, attempts: 2, rate: 1.5)]) { $0.function.fails = .always }
        spec.assumptions.sfnRetryFrom = .attemptStart
        let trace = try Simulator.simulate(spec)
        // 3 s after 0 s, then 4.5 s after 3 s: the 100 ms runs do not push the retries.
        #expect(trace.startTimes == [0, 3_000, 7_500])
        #expect(trace.facts.callerRetries == 2)
        #expect(trace.assumptionsUsed.contains(.sfnRetryFrom))
        #expect(trace.rulesFired.contains("R14"))

        // A run longer than the wait: the retry goes at once when it ends (3 s timeout).
        var long = Self.stepFunctions([Self.retrier(["States.ALL"], interval: 1, attempts: 1)]) { $0.function.durations = [5_000] }
        #expect(try Simulator.simulate(long).startTimes == [0, 4_000], "attempt-end: 1 s after the 3 s timeout")
        long.assumptions.sfnRetryFrom = .attemptStart
        #expect(try Simulator.simulate(long).startTimes == [0, 3_000])
    }

    @Test func r10_adaptiveLimiterBetaAndMinimumRateAreTheScenarios() throws {
        func run(beta: Double, minimumRate: Double) throws -> Trace {
            try Simulator.simulate(
                Self.cli {
                    $0.arrivals = [Scenarios.group(at: 0, count: 3)]
                    $0.function.reservedConcurrency = 0
                    $0.caller.sdk = SDKRetryPolicy(mode: .adaptive)
                    $0.assumptions.adaptiveBeta = beta
                    $0.assumptions.adaptiveMinimumRate = minimumRate
                })
        }
        // botocore's 0.7 and 0.5 calls/s: the guide's burst.
        #expect(try run(beta: 0.7, minimumRate: 0.5).throttleTimes == [0, 1_429, 2_858, 4_286, 7_429, 9_429, 11_429, 13_429, 15_429])
        // A floor of 1 call/s: the first throttle leaves 1 call/s (0.5 × 1 is below it), so
        // #2 and #3 wait 1 s and 2 s for their tokens, and every later call one second more.
        let floor = try run(beta: 0.5, minimumRate: 1)
        #expect(floor.throttleTimes == [0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000])
        #expect(floor.assumptionsUsed.contains(.adaptiveLimiter))
    }
}

/// Asynchronous services as callers (R1, R5, R9, R16): their delivery ends when Lambda
/// accepts the event, so function errors are retried by Lambda (A3), never by the service.
@Suite struct ServiceCallerRuleTests {
    @Test(arguments: [(Trigger.sns, "R1"), (.eventbridge, "R5"), (.s3, "R9")])
    func r1_r5_r9_theServiceCallsOnceAndLambdaRetries(_ trigger: Trigger, rule: String) throws {
        var spec = ScenarioSpec(mode: trigger.mode)
        spec.trigger = trigger
        spec.arrivals = [Scenarios.group(at: 0)]
        spec.function.fails = .always
        let trace = try Simulator.simulate(spec)
        #expect(trace.responses.map(\.status) == [202], "one hand-off, accepted")
        #expect(trace.facts.callerRetries == 0)
        #expect(trace.startTimes == [0, 60_100, 180_200], "Lambda's own retries (A3)")
        #expect(trace.rulesFired.isSuperset(of: [rule, "R16", "A3"]))
    }
}

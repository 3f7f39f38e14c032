import LambdaSimulator
import Testing

/// Synchronous invocation, rules S1–S9 of reference/lambda-semantics.md.
@Suite struct SyncRuleTests {
    @Test func s1_functionErrorsAreNotRetriedByLambda() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.function.fails = .always; $0.function.durations = [200]
            })
        #expect(trace.stats.attempts == 1)
        #expect(trace.startTimes == [0])
        #expect(trace.outcomes[1] == [.errorReturned])
        #expect(trace.rulesFired.contains("S1"))
    }

    @Test func s2_functionErrorsComeBackInsideA200() throws {
        let trace = try Simulator.simulate(Scenarios.sync { $0.function.fails = .always })
        #expect(trace.responses.map { "\($0.status) \($0.error ?? "-") at \($0.time)" } == ["200 Unhandled at 100"])
    }

    @Test func s3_refusalsHappenBeforeTheHandlerRuns() throws {
        let dryRun = try Simulator.simulate(Scenarios.sync { $0.dryRun = true })
        #expect(dryRun.stats.attempts == 0)
        #expect(dryRun.responses.map(\.status) == [204])

        let throttled = try Simulator.simulate(
            Scenarios.sync {
                $0.function.fails = .always; $0.function.failure = .throttled
            })
        #expect(throttled.stats.attempts == 0)
        #expect(throttled.responses.map { "\($0.status) \($0.error ?? "")" } == ["429 TooManyRequestsException"])
        #expect(throttled.outcomes[1] == [.throttled])

        let serviceError = try Simulator.simulate(
            Scenarios.sync {
                $0.function.fails = .always; $0.function.failure = .serviceError
            })
        #expect(serviceError.responses.map { "\($0.status) \($0.error ?? "")" } == ["500 ServiceException"])
        #expect(serviceError.outcomes[1] == [.errorReturned])
    }

    @Test func s4_retriesBelongToTheCaller() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.function.reservedConcurrency = 0
                $0.caller = CallerSpec(retries: 2, retryOn: [.throttled, .serviceError])
            })
        #expect(trace.stats.attempts == 0)
        #expect(trace.throttleTimes == [0, 100, 300])
        #expect(trace.outcomes[1] == [.throttled])

        let noRetryOnErrors = try Simulator.simulate(
            Scenarios.sync {
                $0.function.fails = .always
                $0.caller = CallerSpec(retries: 2, retryOn: [.throttled, .serviceError])
            })
        #expect(noRetryOnErrors.stats.attempts == 1, "SDKs do not retry function errors")
    }

    @Test func s5_payloadLimitsAreSixMegabytes() throws {
        let tooLarge = try Simulator.simulate(Scenarios.sync { $0.arrivals = [Scenarios.group(at: 0, size: 6_291_457)] })
        #expect(tooLarge.stats.attempts == 0)
        #expect(tooLarge.responses.map { "\($0.status) \($0.error ?? "")" } == ["413 RequestTooLargeException"])
        #expect(tooLarge.outcomes[1] == [.rejected])
        #expect(tooLarge.assumptionsUsed.contains(.syncLimit))

        let exactly = try Simulator.simulate(Scenarios.sync { $0.arrivals = [Scenarios.group(at: 0, size: 6_291_456)] })
        #expect(exactly.outcomes[1] == [.ok])

        let largeResponse = try Simulator.simulate(Scenarios.sync { $0.function.responseSize = 7_000_000 })
        #expect(largeResponse.stats.attempts == 1)
        #expect(largeResponse.responses.map { "\($0.status) \($0.error ?? "")" } == ["200 Function.ResponseSizeTooLarge"])
        #expect(largeResponse.outcomes[1] == [.errorReturned])
    }

    @Test func s6_timeoutEndsTheAttemptAtTheFunctionTimeout() throws {
        let trace = try Simulator.simulate(Scenarios.sync { $0.function.durations = [5_000] })
        #expect(trace.ends.map { "\($0.time) \($0.result)" } == ["3000 timeout"])
        #expect(trace.outcomes[1] == [.errorReturned])
        let issues = ScenarioValidator.validate(Scenarios.sync { $0.function.timeoutSeconds = 901 })
        #expect(issues.map(\.description) == ["function.Timeout: Timeout must be 1–900 seconds (AWS limit), not 901 [S6]"])
    }

    @Test func s7_throttlingReturns429AtOnceAndQueuesNothing() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.function.reservedConcurrency = 1
                $0.function.durations = [1_000]
                $0.arrivals = [Scenarios.group(at: 0, count: 3, every: 10)]
            })
        #expect(trace.startTimes == [0])
        #expect(trace.responses.map { "\($0.item):\($0.status)@\($0.time)" } == ["2:429@10", "3:429@20", "1:200@1000"])
        #expect(trace.responses.first?.reason == "ReservedFunctionConcurrentInvocationLimitExceeded")
    }

    @Test func s8_apiGatewayGivesUpAfter29Seconds() throws {
        #expect(Trigger.apiGateway.mode == .sync)
        #expect(Trigger.stepFunctions.mode == .sync)
        #expect(Trigger.console.mode == .sync)
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.trigger = .apiGateway
                $0.function.timeoutSeconds = 60
                $0.function.durations = [40_000]
            })
        #expect(trace.responses.map { "\($0.status) \($0.error ?? "") @\($0.time)" } == ["504 Endpoint request timed out @29000"])
        #expect(trace.ends.map(\.time) == [40_000], "the function runs on after the caller gave up")
        #expect(trace.outcomes[1] == [.errorReturned])
    }

    @Test func s9_destinationsAndDLQAreNeverUsedForSyncInvokes() throws {
        let trace = try Simulator.simulate(
            Scenarios.sync {
                $0.function.fails = .always
                $0.deadLetter = .sqs
                $0.eventInvokeConfig.onFailure = .sqs
                $0.eventInvokeConfig.onSuccess = .sns
            })
        #expect(trace.deliveries.isEmpty)
        #expect(trace.rulesFired.contains("S9"))
    }
}

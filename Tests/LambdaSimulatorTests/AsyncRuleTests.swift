import LambdaSimulator
import Testing

/// Asynchronous invocation, rules A1–A16 of reference/lambda-semantics.md.
@Suite struct AsyncRuleTests {
    @Test func a1_acceptedWith202OrRejectedOver1MB() throws {
        let trace = try Simulator.simulate(Scenarios.async { $0.function.durations = [500] })
        #expect(trace.responses.map { "\($0.status)@\($0.time)" } == ["202@0"])
        let tooLarge = try Simulator.simulate(Scenarios.async { $0.arrivals = [Scenarios.group(at: 0, size: 1_048_577)] })
        #expect(tooLarge.responses.map { "\($0.status) \($0.error ?? "")" } == ["413 RequestTooLargeException"])
        #expect(tooLarge.outcomes[1] == [.rejected])
        #expect(tooLarge.stats.attempts == 0)
    }

    @Test func a2_firstAttemptStartsAtEnqueueTime() throws {
        let trace = try Simulator.simulate(Scenarios.async { $0.arrivals = [Scenarios.group(at: 2_500)] })
        #expect(trace.startTimes == [2_500])
        #expect(trace.assumptionsUsed.contains(.firstAttemptDelay))
    }

    @Test func a3_retriesWaitOneMinuteThenTwo() throws {
        let trace = try Simulator.simulate(Scenarios.async { $0.function.fails = .always })
        #expect(trace.startTimes == [0, 60_100, 180_200])
        #expect(trace.assumptionsUsed.contains(.retryFrom))
        let fromStart = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.assumptions.retryFrom = .attemptStart
            })
        #expect(fromStart.startTimes == [0, 60_000, 180_000])
    }

    /// A8, S3: an event the script refuses on its first try (`fails: [1]` with `failure:
    /// throttled` or `service-error`) backs off 1 s and runs; the refusal was its first try.
    /// It was refused until its age ran out.
    @Test(arguments: [FailureKind.throttled, .serviceError])
    func a8_aScriptedRefusalIsOneTryAndTheRetryRuns(_ kind: FailureKind) throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .attempts([1])
                $0.function.failure = kind
            })
        #expect(trace.startTimes == [1_000])
        #expect(trace.outcomes[1] == [.ok])
        #expect(trace.stats.throttles == 1)
        let sqs = try Simulator.simulate(
            Scenarios.sqs {
                $0.function.fails = .attempts([1])
                $0.function.failure = kind
            })
        #expect(sqs.startTimes == [1_000], "Q12: the poller tries the batch again after the backoff")
        #expect(sqs.outcomes[1] == [.ok])
    }

    /// A refused try ran no handler: the event's first run takes the first duration of the
    /// list (it took the second, as if the refusal had run).
    @Test func a8_aRefusedTryTakesNoDurationFromTheList() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .attempts([1])
                $0.function.failure = .throttled
                $0.function.durations = [3_000, 100]
            })
        #expect(trace.startTimes == [1_000])
        #expect(trace.ends.map(\.time) == [4_000])
    }

    /// Refusals without end at one instant (`throttle-backoff: 0s`) stop the run with its
    /// steps limit, as any loop at one instant does: the count of refusals does not overflow.
    @Test func a8_endlessRefusalsAtOneInstantStopTheRun() {
        let spec = Scenarios.async {
            $0.function.fails = .always
            $0.function.failure = .throttled
            $0.assumptions.throttleBackoffBase = 0
        }
        #expect(throws: SimulationError.self) { try Simulator.simulate(spec, detailLimit: 10) }
    }

    @Test func a4_timeoutsAreFunctionErrors() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always; $0.function.failure = .timeout
            })
        #expect(trace.results == [.timeout, .timeout, .timeout])
        #expect(trace.startTimes == [0, 63_000, 186_000])
    }

    @Test(arguments: [(0, 1), (1, 2), (2, 3)])
    func a5_maximumRetryAttemptsSetsTheNumberOfAttempts(retries: Int, attempts: Int) throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.eventInvokeConfig.maximumRetryAttempts = retries
                $0.eventInvokeConfig.onFailure = .sqs
            })
        #expect(trace.stats.attempts == attempts)
        #expect(trace.deliveries.first?.delivery.condition == "RetriesExhausted")
        #expect(trace.deliveries.first?.delivery.approximateInvokeCount == attempts)
    }

    @Test func a5_a6_rangesAreAWSs() {
        let issues = ScenarioValidator.validate(
            Scenarios.async {
                $0.eventInvokeConfig.maximumRetryAttempts = 3
                $0.eventInvokeConfig.maximumEventAgeSeconds = 59
            })
        #expect(
            issues.map(\.description) == [
                "EventInvokeConfig.MaximumRetryAttempts: MaximumRetryAttempts must be 0–2 for asynchronous invocation (AWS limit), not 3 [A5]",
                "EventInvokeConfig.MaximumEventAgeInSeconds: MaximumEventAgeInSeconds must be 60–21600 seconds (AWS limit), not 59 [A6]",
            ])
    }

    @Test(arguments: [(60 as Int64, 1), (90, 2), (21_600, 3)])
    func a7_eventAgeIsCheckedAheadOfTheNextRetry(age: Int64, invokeCount: Int) throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.eventInvokeConfig.maximumEventAgeSeconds = age
                $0.eventInvokeConfig.onFailure = .sqs
            })
        let delivery = try #require(trace.deliveries.first)
        #expect(delivery.delivery.approximateInvokeCount == invokeCount)
        #expect(delivery.delivery.condition == (invokeCount == 3 ? "RetriesExhausted" : "EventAgeExceeded"))
        #expect(delivery.time == [100, 60_200, 180_300][invokeCount - 1], "Lambda does not wait out the age")
    }

    @Test func a8_throttlesBackOffExponentiallyWithoutUsingRetries() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.function.failure = .throttled
                $0.eventInvokeConfig.maximumEventAgeSeconds = 60
                $0.eventInvokeConfig.onFailure = .sqs
            })
        #expect(trace.stats.attempts == 0)
        #expect(trace.throttleTimes == [0, 1_000, 3_000, 7_000, 15_000, 31_000])
        #expect(trace.deliverySummary == ["31000 OnFailure->sqs EventAgeExceeded 0 [1]"])
        #expect(trace.assumptionsUsed.contains(.throttleBackoff))
        var assumptions = Assumptions()
        assumptions.throttleBackoffBase = 1_000
        #expect((0..<12).map { assumptions.throttleBackoff($0) } == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300].map { Int64($0) * 1_000 })
    }

    @Test func a9_zeroReservedConcurrencySendsEventsStraightToFailure() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.reservedConcurrency = 0
                $0.deadLetter = .sqs
                $0.eventInvokeConfig.onFailure = .sns
            })
        #expect(trace.stats.attempts == 0)
        #expect(trace.deliverySummary == ["0 DLQ->sqs - - [1]", "0 OnFailure->sns ZeroReservedConcurrency 0 [1]"])
        #expect(trace.deliveries[1].delivery.fields["responseContext"] == .absent)
        #expect(trace.outcomes[1] == [.dlq, .onFailure])
    }

    @Test func a10_duplicatesAndDropsAreFaultsToInject() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.arrivals = [Scenarios.group(at: 0, count: 2)]
                $0.faults.duplicate = [1]
                $0.faults.drop = [2]
            })
        #expect(trace.starts.map(\.items) == [[1], [1]])
        #expect(trace.outcomes[1] == [.ok])
        #expect(trace.outcomes[2] == [.discarded])
    }

    @Test func a11_allAttemptsShareOneRequestID() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.arrivals = [Scenarios.group(at: 0, count: 2)]
                $0.function.fails = .always
                $0.eventInvokeConfig.onFailure = .sqs
            })
        let ids = trace.deliveries.map { $0.delivery.fields["requestContext.requestId"] }
        #expect(ids == [.string("00000000-0000-4000-8000-000000000001"), .string("00000000-0000-4000-8000-000000000002")])
    }

    @Test func a12_successGoesToOnSuccessAndFailureToBothTargets() throws {
        let success = try Simulator.simulate(Scenarios.async { $0.eventInvokeConfig.onSuccess = .eventbridge })
        #expect(success.deliverySummary == ["100 OnSuccess->eventbridge Success 1 [1]"])
        let failure = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.eventInvokeConfig.onFailure = .lambda
                $0.deadLetter = .sns
            })
        #expect(failure.deliverySummary == ["180300 DLQ->sns - - [1]", "180300 OnFailure->lambda RetriesExhausted 3 [1]"])
        #expect(failure.outcomes[1] == [.dlq, .onFailure])
        let nowhere = try Simulator.simulate(Scenarios.async { $0.function.fails = .always })
        #expect(nowhere.outcomes[1] == [.discarded])
    }

    @Test func a13_fifoTargetsAreAcceptedButEveryDeliveryFails() throws {
        #expect(ScenarioValidator.validate(Scenarios.async { $0.eventInvokeConfig.onFailure = .sqsFIFO }).isEmpty)
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.eventInvokeConfig.maximumRetryAttempts = 0
                $0.eventInvokeConfig.onFailure = .sqsFIFO
            })
        #expect(trace.deliverySummary == ["100 OnFailure->sqs-fifo RetriesExhausted 1 [1] FAILED"])
        #expect(trace.outcomes[1] == [.discarded])
        let issues = ScenarioValidator.validate(Scenarios.async { $0.eventInvokeConfig.onSuccess = .s3 })
        #expect(issues.map(\.description) == ["EventInvokeConfig.DestinationConfig.OnSuccess: an S3 bucket can only be an on-failure destination [A13]"])
    }

    @Test func a14_destinationRecordsCarryRequestResponseAndContext() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.function.errorMessageSize = 300
                $0.eventInvokeConfig.onFailure = .sqs
            })
        let fields = try #require(trace.deliveries.first?.delivery.fields)
        #expect(fields["version"] == .string("1.0"))
        #expect(fields["requestContext.condition"] == .string("RetriesExhausted"))
        #expect(fields["requestContext.approximateInvokeCount"] == .int(3))
        #expect(fields["requestContext.functionArn"] == .string("arn:aws:lambda:us-east-1:123456789012:function:notesim-function:$LATEST"))
        #expect(fields["requestPayload"] == .size(1_024))
        #expect(fields["responseContext.functionError"] == .string("Unhandled"))
        #expect(fields["responsePayload"] == .size(300))

        let sns = try Simulator.simulate(
            Scenarios.async {
                $0.arrivals = [Scenarios.group(at: 0, size: 300_000)]
                $0.function.fails = .always
                $0.eventInvokeConfig.onFailure = .sns
            })
        #expect(sns.deliveries.first?.delivery.fields["requestPayload"] == .absent, "SNS drops payloads over 256 KB")
    }

    @Test func a14_snsDropsTheErrorObjectWithThePayload() throws {
        // A request of `size` bytes failing with a 2 KB error object, to an SNS OnFailure.
        func failing(size: Int64) throws -> Trace {
            try Simulator.simulate(
                Scenarios.async {
                    $0.arrivals = [Scenarios.group(at: 0, size: size)]
                    $0.function.fails = .always
                    $0.function.errorMessageSize = 2_048
                    $0.eventInvokeConfig.maximumRetryAttempts = 0
                    $0.eventInvokeConfig.onFailure = .sns
                })
        }
        // 255 KB of request and a 2 KB error object are over 256 KB together: the whole
        // response goes, its errorMessage included.
        let fields = try #require(try failing(size: 255 * 1_024).deliveries.first?.delivery.fields)
        #expect(fields["requestPayload"] == .absent)
        #expect(fields["responsePayload"] == .absent)
        #expect(fields["responsePayload.errorMessage"] == nil)
        #expect(fields["responseContext.functionError"] == .string("Unhandled"), "the response's context stays")
        let under = try failing(size: 250 * 1_024)
        #expect(under.deliveries.first?.delivery.fields["responsePayload.errorMessage"] == .size(2_048), "under 256 KB nothing is dropped")
    }

    @Test func a14_eventBridgeGetsTheRecordAsDetailOfAnEventFromLambda() throws {
        let failure = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.eventInvokeConfig.onFailure = .eventbridge
            })
        #expect(failure.deliverySummary == ["180300 OnFailure->eventbridge RetriesExhausted 3 [1]"])
        let fields = try #require(failure.deliveries.first?.delivery.fields)
        #expect(fields["source"] == .string("lambda"))
        #expect(fields["detail-type"] == .string("Lambda Function Invocation Result - Failure"))
        #expect(fields["detail.version"] == .string("1.0"))
        #expect(fields["detail.requestContext.condition"] == .string("RetriesExhausted"))
        #expect(fields["detail.requestContext.approximateInvokeCount"] == .int(3))
        #expect(fields["detail.responseContext.functionError"] == .string("Unhandled"))
        #expect(fields["requestContext.condition"] == nil, "the record is not the body of a message")
        #expect(fields["body"] == nil)

        let success = try Simulator.simulate(Scenarios.async { $0.eventInvokeConfig.onSuccess = .eventbridge })
        let successFields = try #require(success.deliveries.first?.delivery.fields)
        #expect(successFields["detail-type"] == .string("Lambda Function Invocation Result - Success"))
        #expect(successFields["detail.requestContext.condition"] == .string("Success"))
    }

    @Test func a15_theDLQGetsTheEventAndThreeAttributes() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.fails = .always
                $0.function.errorMessageSize = 5_000
                $0.deadLetter = .sqs
            })
        let fields = try #require(trace.deliveries.first?.delivery.fields)
        #expect(
            fields == [
                "body": .size(1_024),
                "MessageAttributes.RequestID": .string("00000000-0000-4000-8000-000000000001"),
                "MessageAttributes.ErrorCode": .int(200),
                "MessageAttributes.ErrorMessage": .size(1_024),
            ])
        let issues = ScenarioValidator.validate(Scenarios.async { $0.deadLetter = .lambda })
        #expect(issues.map(\.description) == ["DeadLetterConfig.TargetArn: a dead-letter queue must be an SQS queue or an SNS topic, not lambda [A15]"])
    }

    @Test func a16_asyncTriggersImplyAsyncMode() {
        for trigger in [Trigger.s3, .sns, .ses, .cloudformation, .cloudwatchLogs, .eventbridge, .codecommit, .config, .iot, .iotEvents, .codepipeline] {
            #expect(trigger.mode == .async, "\(trigger)")
        }
    }
}

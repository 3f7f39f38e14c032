import LambdaSimulator
import Testing

/// SNS, EventBridge and S3 handing events to Lambda, rules R2–R9 of reference §12: what
/// each service does when Lambda refuses the hand-off, with the §17 schedules.
@Suite struct HandOffRuleTests {
    static func service(_ trigger: Trigger, _ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        Scenarios.async {
            $0.trigger = trigger
            $0.function.durations = [100]
            configure(&$0)
        }
    }

    @Test func r2_snsDoesNotRetryAClientSideError() throws {
        for refusal in [ServiceCallerSpec.Refusal.noPermission, .deleted] {
            let trace = try Simulator.simulate(
                Self.service(.sns) {
                    $0.caller.service.handOffFails = .always
                    $0.caller.service.handOffFailure = refusal
                })
            #expect(trace.throttleTimes == [0], "one attempt, no retry")
            #expect(trace.responses.map { "\($0.time) \($0.status) \($0.error ?? "")" } == ["0 \(refusal.response.status) \(refusal.response.error)"])
            #expect(trace.facts.callerRetries == 0)
            #expect(trace.startTimes.isEmpty)
            #expect(trace.outcomes[1] == [.discarded], "no subscription DLQ: the message is gone")
            #expect(trace.rulesFired.contains("R2"))
        }
    }

    @Test func r2_r3_snsRetriesAServerSideErrorAndLambdaTakesTheEventOnceAccepted() throws {
        let trace = try Simulator.simulate(Self.service(.sns) { $0.caller.service.handOffFails = .attempts([1, 2]) })
        #expect(trace.throttleTimes == [0, 0], "the immediate phase: no delay")
        #expect(trace.responses.map(\.status) == [500, 500, 202])
        #expect(trace.facts.callerRetries == 2)
        #expect(trace.startTimes == [0])
        #expect(trace.outcomes[1] == [.ok])
        #expect(!trace.assumptionsUsed.contains(.snsBackoff), "the backoff phase was not reached")
    }

    @Test func r3_snsRetriesInFourPhases() throws {
        // 16 refusals: attempt 1, the immediate phase's 3 retries at 0 s, the pre-backoff
        // phase's 2 one second apart, the backoff phase's 10 (1 s … 20 s, §17), then the
        // post-backoff phase's first retry 20 s later, accepted.
        let trace = try Simulator.simulate(Self.service(.sns) { $0.caller.service.handOffFails = .attempts(Set(1...16)) })
        let backoff: [Int64] = [1_000, 1_395, 1_946, 2_714, 3_786, 5_282, 7_368, 10_278, 14_337]
        var expected: [Int64] = [0, 0, 0, 0, 1_000, 2_000]
        for wait in backoff { expected.append(expected.last! + wait) }
        expected.append(expected.last! + 20_000)
        #expect(trace.throttleTimes == expected)
        #expect(trace.throttleTimes.last == 70_106, "2 s + the ten backoff waits (Σ ≈ 68.1 s)")
        #expect(trace.startTimes == [90_106], "attempt 17 is the first post-backoff retry, 20 s later")
        #expect(trace.facts.callerRetries == 16)
        #expect(trace.assumptionsUsed.contains(.snsBackoff))
        #expect(trace.rulesFired.isSuperset(of: ["R2", "R3", "R16"]))
        #expect(SNSDeliveryPolicy.wait(beforeRetry: 100_015) == 20_000)
        #expect(SNSDeliveryPolicy.retries == 3 + 2 + 10 + 100_000)
    }

    @Test func r3_snsKeepsRetryingEvery20SecondsUntilTheScenarioEnds() throws {
        let trace = try Simulator.simulate(
            Self.service(.sns) {
                $0.caller.service.handOffFails = .always
                $0.until = 200_000
            })
        // 4 at 0 s, 1 s, 2 s, then the backoff phase up to 70.106 s, then every 20 s.
        #expect(trace.throttleTimes.count == 6 + 10 + 6)
        #expect(trace.throttleTimes.suffix(3) == [150_106, 170_106, 190_106])
        #expect(trace.outcomes[1] == [.pending], "23 days of retries outlast the scenario")
    }

    @Test func r4_theSubscriptionDLQGetsTheMessageAfterAClientError() throws {
        let trace = try Simulator.simulate(
            Self.service(.sns) {
                $0.caller.service.handOffFails = .always
                $0.caller.service.handOffFailure = .deleted
                $0.caller.service.deadLetterQueue = .sqs
                $0.arrivals = [Scenarios.group(at: 5_000, size: 2_048)]
            })
        #expect(trace.deliverySummary == ["5000 caller-DLQ->sqs - - [1]"])
        #expect(trace.deliveries.first?.delivery.fields == ["body": .size(2_048)], "the message as published")
        #expect(trace.outcomes[1] == [.dlq])
        #expect(trace.stats.deliveries[.callerDLQ] == 1)
        #expect(trace.rulesFired.isSuperset(of: ["R2", "R4"]))
    }

    @Test func r4_theSubscriptionDLQMustBeAStandardQueueNamedByRedrivePolicy() {
        var fifo = Self.service(.sns) {
            $0.caller.service.deadLetterQueue = .sqsFIFO
            $0.caller.service.deadLetterField = "RedrivePolicy"
        }
        #expect(
            ScenarioValidator.validate(fifo).map(\.description) == [
                "caller.RedrivePolicy.deadLetterTargetArn: the dead-letter queue must be a standard SQS queue, not sqs-fifo [R4]"
            ])
        fifo.caller.service.deadLetterField = "DeadLetterConfig"
        #expect(
            ScenarioValidator.validate(fifo).map(\.description) == ["caller.DeadLetterConfig: this service's dead-letter queue is caller.RedrivePolicy [R4]"])
        let policy = Self.service(.sns) {
            $0.caller.service.maximumRetryAttempts = 3
            $0.caller.service.setsEventBridgePolicy = true
        }
        #expect(ScenarioValidator.validate(policy).map(\.rule) == ["R3"], "SNS's policy for Lambda is AWS-managed")
    }

    @Test func r5_eventBridgeHandsOffOnceAndLambdaRetriesFunctionErrors() throws {
        let trace = try Simulator.simulate(Self.service(.eventbridge) { $0.function.fails = .attempts([1]) })
        #expect(trace.responses.map(\.status) == [202])
        #expect(trace.facts.callerRetries == 0, "a function error is no EventBridge retry")
        #expect(trace.startTimes == [0, 60_100], "Lambda's own retry after 1 min (A3)")
        #expect(trace.rulesFired.isSuperset(of: ["R5", "R16", "A3"]))
    }

    @Test func r6_eventBridgeRetriesWithExponentialBackoffUntilMaximumRetryAttempts() throws {
        let trace = try Simulator.simulate(
            Self.service(.eventbridge) {
                $0.caller.service.handOffFails = .always
                $0.caller.service.maximumRetryAttempts = 4
                $0.caller.service.deadLetterQueue = .sqs
            })
        #expect(trace.throttleTimes == [0, 1_000, 3_000, 7_000, 15_000], "waits 1, 2, 4, 8 s (§17)")
        #expect(trace.deliverySummary == ["15000 caller-DLQ->sqs - - [1]"])
        let fields = try #require(trace.deliveries.first?.delivery.fields)
        #expect(fields["MessageAttributes.EXHAUSTED_RETRY_CONDITION"] == .string("MaximumRetryAttempts"))
        #expect(fields["MessageAttributes.RETRY_ATTEMPTS"] == .int(4))
        #expect(fields["MessageAttributes.ERROR_CODE"] == .string("ERROR_FROM_TARGET"))
        #expect(trace.assumptionsUsed.contains(.eventbridgeBackoff))
    }

    @Test func r6_theEventAgeEndsRetriesWhenItComesFirst() throws {
        let trace = try Simulator.simulate(
            Self.service(.eventbridge) {
                $0.caller.service.handOffFails = .always
                $0.caller.service.handOffFailure = .throttled
                $0.caller.service.maximumEventAgeSeconds = 60
                $0.caller.service.deadLetterQueue = .sqs
            })
        // 0, 1, 3, 7, 15, 31 s; the next wait (32 s) would end at 63 s, past the 60 s age.
        #expect(trace.throttleTimes == [0, 1_000, 3_000, 7_000, 15_000, 31_000])
        let fields = try #require(trace.deliveries.first?.delivery.fields)
        #expect(fields["MessageAttributes.EXHAUSTED_RETRY_CONDITION"] == .string("MaximumEventAgeInSeconds"))
        #expect(fields["MessageAttributes.ERROR_CODE"] == .string("THROTTLING"))
        #expect(trace.deliveries.first?.time == 31_000)
    }

    @Test func r6_defaultsAre185RetriesWithin24HoursAndRangesAreChecked() {
        let policy = ServiceCallerSpec()
        #expect(policy.eventBridgeRetries == 185)
        #expect(policy.eventBridgeMaximumAge == 86_400_000)
        let total = (1...185).reduce(Int64(0)) { $0 + EventBridgeRetrySchedule.wait(beforeRetry: $1) }
        #expect(total == 84_991_000, "185 retries end just inside 24 h (§17)")
        let outOfRange = Self.service(.eventbridge) {
            $0.caller.service.maximumRetryAttempts = 186
            $0.caller.service.maximumEventAgeSeconds = 59
        }
        #expect(
            ScenarioValidator.validate(outOfRange).map(\.description) == [
                "caller.RetryPolicy.MaximumRetryAttempts: MaximumRetryAttempts must be 0–185 (AWS limit), not 186 [R6]",
                "caller.RetryPolicy.MaximumEventAgeInSeconds: MaximumEventAgeInSeconds must be 60–86400 seconds (AWS limit), not 59 [R6]",
            ])
    }

    @Test func r7_missingPermissionsGoStraightToTheTargetDLQWithItsAttributes() throws {
        let trace = try Simulator.simulate(
            Self.service(.eventbridge) {
                $0.caller.service.handOffFails = .always
                $0.caller.service.handOffFailure = .noPermission
                $0.caller.service.deadLetterQueue = .sqs
            })
        #expect(trace.throttleTimes == [0])
        #expect(trace.facts.callerRetries == 0)
        let fields = try #require(trace.deliveries.first?.delivery.fields)
        #expect(fields["MessageAttributes.ERROR_CODE"] == .string("NO_PERMISSIONS"))
        #expect(fields["MessageAttributes.ERROR_MESSAGE"] == .string("AccessDeniedException"))
        #expect(fields["MessageAttributes.RULE_ARN"] == .string("arn:aws:events:us-east-1:123456789012:rule/notesim-rule"))
        #expect(fields["MessageAttributes.TARGET_ARN"] == .string("arn:aws:lambda:us-east-1:123456789012:function:notesim-function:$LATEST"))
        #expect(fields["MessageAttributes.EXHAUSTED_RETRY_CONDITION"] == .absent, "no limit ended it")
        #expect(fields["MessageAttributes.RETRY_ATTEMPTS"] == .int(0))
        #expect(trace.outcomes[1] == [.dlq])
        let deleted = try Simulator.simulate(
            Self.service(.eventbridge) {
                $0.caller.service.handOffFails = .always
                $0.caller.service.handOffFailure = .deleted
            })
        #expect(deleted.outcomes[1] == [.discarded], "no DLQ: the event is dropped")
        let sns = Self.service(.eventbridge) {
            $0.caller.service.deadLetterQueue = .sns
            $0.caller.service.deadLetterField = "DeadLetterConfig"
        }
        #expect(
            ScenarioValidator.validate(sns).map(\.description) == [
                "caller.DeadLetterConfig.Arn: the dead-letter queue must be a standard SQS queue, not sns [R7]"
            ])
    }

    @Test func r8_theNewerBusRetriesFiveTimesWithin300Seconds() throws {
        let trace = try Simulator.simulate(
            Self.service(.eventbridge) {
                $0.caller.service.handOffFails = .always
                $0.caller.service.bus = .eventbridgev2
            })
        #expect(trace.throttleTimes == [0, 1_000, 3_000, 7_000, 15_000, 31_000], "5 retries")
        #expect(trace.outcomes[1] == [.discarded])
        #expect(trace.rulesFired.contains("R8"))
        var ageFirst = Self.service(.eventbridge) {
            $0.caller.service.handOffFails = .always
            $0.caller.service.bus = .eventbridgev2
            $0.caller.service.maximumRetryAttempts = 185
            $0.caller.service.usedBusV2Names = true
        }
        let aged = try Simulator.simulate(ageFirst)
        #expect(aged.throttleTimes.last == 255_000, "…, 127 s, 255 s; the next (511 s) is past 300 s")
        ageFirst.caller.service.usedBusV2Names = false
        #expect(
            ScenarioValidator.validate(ageFirst).map(\.description) == [
                "caller.RetryPolicy: the retry policy of a target on bus eventbridgev2 is named MaxRetryAttempts and MaxEventAgeInSeconds [R8]"
            ])
    }

    @Test func r9_s3HandsOffOnceAndLosesARefusedNotification() throws {
        let accepted = try Simulator.simulate(Self.service(.s3) { $0.function.fails = .always })
        #expect(accepted.responses.map(\.status) == [202])
        #expect(accepted.startTimes == [0, 60_100, 180_200], "Lambda's retries (A3), not S3's")
        #expect(accepted.rulesFired.isSuperset(of: ["R9", "R16"]))
        let refused = try Simulator.simulate(Self.service(.s3) { $0.caller.service.handOffFails = .always })
        #expect(refused.throttleTimes == [0])
        #expect(refused.outcomes[1] == [.discarded])
        #expect(refused.assumptionsUsed.contains(.s3HandOff))
        let dlq = Self.service(.s3) { $0.caller.service.deadLetterQueue = .sqs }
        #expect(ScenarioValidator.validate(dlq).map(\.rule) == ["R9"])
    }

    @Test func r16_handOffSettingsBelongToTheServicesThatHandOff() {
        var sync = Scenarios.sync { $0.caller.service.handOffFails = .always }
        #expect(ScenarioValidator.validate(sync).map(\.rule) == ["R16"])
        sync.mode = .async
        #expect(ScenarioValidator.validate(sync).map(\.rule) == ["R16"], "a plain Invoke(Event) has no service in between")
        let mapping = Scenarios.sqs { $0.caller.service.handOffFails = .always }
        #expect(ScenarioValidator.validate(mapping).map(\.rule) == ["R16"])
    }

    @Test func refusedHandOffsAreDeterministicAndConserved() throws {
        for trigger in [Trigger.sns, .eventbridge, .s3] {
            let spec = Self.service(trigger) {
                $0.arrivals = [Scenarios.group(at: 0, count: 200, every: 50)]
                $0.caller.service.handOffFails = .rate(perMille: 300)
                $0.caller.service.deadLetterQueue = trigger == .s3 ? nil : .sqs
                $0.seed = 7
            }
            let first = try Simulator.simulate(spec)
            let second = try Simulator.simulate(spec)
            #expect(first.entries == second.entries)
            #expect(first.outcomes.count == 200, "every event ends somewhere exactly once")
            #expect(first.outcomes.values.allSatisfy { $0.count == 1 })
            #expect(first.stats.throttles > 0)
        }
    }

    @Test(arguments: [
        (Assumptions.SNSBackoffFunction.geometric, [Int64(1_000), 1_395, 1_946, 2_714, 3_786, 5_282, 7_368, 10_278, 14_337, 20_000]),
        (.linear, [1_000, 3_111, 5_222, 7_333, 9_444, 11_556, 13_667, 15_778, 17_889, 20_000]),
        (.arithmetic, [1_000, 1_235, 1_938, 3_111, 4_753, 6_864, 9_444, 12_494, 16_012, 20_000]),
        (.exponential, [1_000, 1_037, 1_112, 1_260, 1_558, 2_153, 3_342, 5_722, 10_481, 20_000]),
    ])
    func r3_snsBackoffFunctionShapesTheBackoffPhase(function: Assumptions.SNSBackoffFunction, waits: [Int64]) {
        #expect((6...15).map { SNSDeliveryPolicy.wait(beforeRetry: $0, function: function) } == waits)
        #expect(SNSDeliveryPolicy.wait(beforeRetry: 5, function: function) == 1_000, "the pre-backoff phase is the same")
        #expect(SNSDeliveryPolicy.wait(beforeRetry: 16, function: function) == 20_000, "and the post-backoff phase")
    }

    @Test func r3_snsBackoffLinearInATrace() throws {
        let trace = try Simulator.simulate(
            Self.service(.sns) {
                $0.caller.service.handOffFails = .attempts(Set(1...16))
                $0.assumptions.snsBackoff = .linear
            })
        #expect(trace.throttleTimes == [0, 0, 0, 0, 1_000, 2_000, 3_000, 6_111, 11_333, 18_666, 28_110, 39_666, 53_333, 69_111, 87_000, 107_000])
        #expect(trace.startTimes == [127_000], "attempt 17, the first post-backoff retry")
        #expect(trace.assumptionsUsed.contains(.snsBackoff))
    }

    @Test func r6_eventbridgeBackoffBaseAndCapAreTheScenarios() throws {
        let trace = try Simulator.simulate(
            Self.service(.eventbridge) {
                $0.caller.service.handOffFails = .always
                $0.caller.service.bus = .eventbridgev2
                $0.caller.service.deadLetterQueue = .sqs
                $0.assumptions.eventbridgeBackoffBase = 2_000
                $0.assumptions.eventbridgeBackoffCap = 5_000
            })
        // 5 retries waiting 2, 4, 5, 5, 5 s.
        #expect(trace.throttleTimes == [0, 2_000, 6_000, 11_000, 16_000, 21_000])
        #expect(trace.deliverySummary == ["21000 caller-DLQ->sqs - - [1]"])
        #expect(trace.assumptionsUsed.contains(.eventbridgeBackoff))
        #expect(EventBridgeRetrySchedule.wait(beforeRetry: 185, base: 2_000, cap: 5_000) == 5_000)
    }

    @Test func r9_s3HandOffRetriedBacksOffAsAThrottledAsyncEvent() throws {
        let retried = try Simulator.simulate(
            Self.service(.s3) {
                $0.caller.service.handOffFails = .attempts([1, 2, 3])
                $0.assumptions.s3HandOff = .retried
            })
        // Waits 1, 2, 4 s (A8's throttle backoff); the fourth hand-off is accepted at 7 s.
        #expect(retried.throttleTimes == [0, 1_000, 3_000])
        #expect(retried.startTimes == [7_000])
        #expect(retried.outcomes[1] == [.ok])
        #expect(retried.facts.callerRetries == 3)
        #expect(retried.assumptionsUsed.isSuperset(of: [.s3HandOff, .throttleBackoff]))
        #expect(retried.rulesFired.isSuperset(of: ["R9", "A8"]))

        let lost = try Simulator.simulate(Self.service(.s3) { $0.caller.service.handOffFails = .attempts([1, 2, 3]) })
        #expect(lost.throttleTimes == [0])
        #expect(lost.outcomes[1] == [.discarded], "the default: lost")

        let clientError = try Simulator.simulate(
            Self.service(.s3) {
                $0.caller.service.handOffFails = .always
                $0.caller.service.handOffFailure = .noPermission
                $0.assumptions.s3HandOff = .retried
            })
        #expect(clientError.throttleTimes == [0], "a 403 is not retried")
        #expect(clientError.outcomes[1] == [.discarded])
    }

    @Test func r9_s3HandOffRetriedGivesUpAfterSixHours() throws {
        let trace = try Simulator.simulate(
            Self.service(.s3) {
                $0.caller.service.handOffFails = .always
                $0.assumptions.s3HandOff = .retried
                $0.until = 30_000_000
            })
        // 1 s doubling to 5 min: 80 hand-offs, the last at 21,511 s; the next wait would end
        // past 21,600 s, so the notification is lost then.
        #expect(trace.throttleTimes.count == 80)
        #expect(trace.throttleTimes.prefix(5) == [0, 1_000, 3_000, 7_000, 15_000])
        #expect(trace.throttleTimes.last == 21_511_000)
        #expect(trace.outcomes[1] == [.discarded])
        #expect(trace.entries.filter { if case .discarded = $0.event { true } else { false } }.map(\.time) == [21_511_000])
    }

    @Test func r9_handOffLatencyDelaysEveryServicesFirstHandOff() throws {
        for trigger in [Trigger.sns, .eventbridge, .s3] {
            let trace = try Simulator.simulate(
                Self.service(trigger) {
                    $0.arrivals = [Scenarios.group(at: 1_000)]
                    $0.assumptions.handOffLatency = 2_500
                })
            #expect(trace.responses.map { "\($0.time) \($0.status)" } == ["3500 202"], "\(trigger)")
            #expect(trace.startTimes == [3_500])
            #expect(trace.assumptionsUsed.contains(.handOffLatency))
        }
        // A refused hand-off is retried from the delayed first attempt (SNS: at once).
        let refused = try Simulator.simulate(
            Self.service(.sns) {
                $0.caller.service.handOffFails = .attempts([1])
                $0.assumptions.handOffLatency = 2_000
            })
        #expect(refused.throttleTimes == [2_000])
        #expect(refused.startTimes == [2_000])
        let immediate = try Simulator.simulate(Self.service(.s3))
        #expect(immediate.startTimes == [0], "0 s by default")
        #expect(immediate.assumptionsUsed.contains(.handOffLatency))
        #expect(!(try Simulator.simulate(Scenarios.async())).assumptionsUsed.contains(.handOffLatency), "no service, no hand-off")
    }
}

import LambdaSimulator
import Testing

/// Recursive loop detection, rules L1–L6 of reference §16: a function that sends each event
/// back to the service that invoked it.
@Suite struct RecursionRuleTests {
    static func stoppedAt(_ trace: Trace) -> [Int64] {
        trace.facts.recursionStoppedTimes.kept
    }

    @Test func l1_l3_theSeventeenthInvocationOfAChainIsStopped() throws {
        let trace = try Simulator.simulate(Scenarios.async { $0.function.loops = true })
        // Each run (100 ms) sends the event on; runs 1–16 go, the 17th is stopped at 1.6 s.
        #expect(trace.startTimes == (0..<16).map { Int64($0) * 100 })
        #expect(Self.stoppedAt(trace) == [1_600])
        #expect(trace.stats.loopEvents == 16)
        #expect(trace.stats.recursionStopped == 1, "L5: RecursiveInvocationsDropped")
        #expect(trace.outcomes[17] == [.discarded])
        #expect(trace.outcomes.filter { $0.value == [.ok] }.count == 16)
        #expect(trace.rulesFired.isSuperset(of: ["L1", "L3", "L4", "L5"]))
    }

    @Test func l4_aStoppedAsynchronousEventGoesToTheDLQ() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.trigger = .sns
                $0.function.loops = true
                $0.deadLetter = .sqs
            })
        #expect(trace.deliverySummary == ["1600 DLQ->sqs - - [17]"])
        #expect(trace.outcomes[17] == [.dlq])
    }

    @Test func l4_aStoppedEventsOnFailureRecordCarriesTheAssumedCondition() throws {
        let looping = { (condition: String?) in
            try Simulator.simulate(
                Scenarios.async {
                    $0.function.loops = true
                    $0.eventInvokeConfig.onFailure = .sqs
                    if let condition { $0.assumptions.recursionCondition = condition }
                })
        }
        let assumed = try looping(nil)
        #expect(assumed.deliveries.map(\.time) == [1_600])
        #expect(assumed.deliveries.first?.delivery.condition == "RecursiveInvocationException")
        #expect(assumed.assumptionsUsed.contains(.recursionCondition))
        #expect(try looping("RecursionLimitExceeded").deliveries.first?.delivery.condition == "RecursionLimitExceeded")
        // Without an on-failure destination no record carries a condition to rely on.
        let dropped = try Simulator.simulate(Scenarios.async { $0.function.loops = true })
        #expect(!dropped.assumptionsUsed.contains(.recursionCondition))
    }

    @Test func l4_aStoppedSQSMessageReturnsAndEndsInTheQueuesDLQ() throws {
        let trace = try Simulator.simulate(
            Scenarios.sqs {
                $0.function.loops = true
                $0.queue.maxReceiveCount = 2
            })
        // Message 17 arrives at 1.6 s and is stopped at each receive (1.6 s, 31.6 s); at its
        // second visibility expiry it moves to the DLQ (Q4).
        #expect(trace.startTimes.count == 16)
        #expect(Self.stoppedAt(trace) == [1_600, 31_600])
        #expect(trace.deliverySummary == ["61600 redrive->sqs - 2 [17]"])
        #expect(trace.outcomes[17] == [.dlq])
    }

    @Test func l2_loopsThroughEventBridgeAreNotTracked() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.trigger = .eventbridge
                $0.function.loops = true
                $0.until = 3_000
            })
        #expect(trace.startTimes.count == 31, "the chain runs on until the scenario ends (0 s … 3 s)")
        #expect(Self.stoppedAt(trace).isEmpty)
        var sync = Scenarios.sync()
        sync.function.loops = true
        #expect(
            ScenarioValidator.validate(sync).map(\.description) == [
                "function.loop: loops are simulated through SQS, SNS, S3, EventBridge and asynchronous invocations only: AWS does not stop a loop through a stream, a Kafka topic, a broker or a change stream, and a synchronous one is not simulated [L2]"
            ])
    }

    @Test func l6_recursiveLoopAllowLetsTheChainRun() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.loops = true
                $0.function.recursiveLoopAllowed = true
                $0.until = 2_500
            })
        #expect(trace.startTimes.count == 26, "0 s … 2.5 s")
        #expect(Self.stoppedAt(trace).isEmpty)
    }
}

/// The recursion rules that had no test of their own: the threshold's exact boundary (L3),
/// the metric (L5) and the Kafka loop refused at configuration time (L7).
@Suite struct RecursionBoundaryRuleTests {
    @Test func l3_sixteenInvocationsRunAndTheSeventeenthIsStopped() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.trigger = .sns
                $0.function.loops = true
                $0.function.durations = [250]
            })
        // Depths 1–16 each run 250 ms; depth 17 arrives at 4 s and is stopped there.
        #expect(trace.startTimes == (0..<16).map { Int64($0) * 250 })
        #expect(trace.facts.recursionStoppedTimes.kept == [4_000])
        let stopped = trace.entries.compactMap { entry -> Int? in
            if case .recursionStopped(_, let depth) = entry.event { return depth }
            return nil
        }
        #expect(stopped == [17])
    }

    @Test func l5_everyStoppedInvocationCountsAsRecursiveInvocationsDropped() throws {
        // Two independent chains, and an SQS chain stopped at each of its two receives.
        let two = try Simulator.simulate(
            Scenarios.async {
                $0.function.loops = true
                $0.arrivals = [Scenarios.group(at: 0, count: 2)]
            })
        #expect(two.stats.recursionStopped == 2)
        let sqs = try Simulator.simulate(
            Scenarios.sqs {
                $0.function.loops = true
                $0.queue.maxReceiveCount = 2
            })
        #expect(sqs.stats.recursionStopped == 2, "the metric counts each dropped invocation, not each chain")
        #expect(sqs.rulesFired.contains("L5"))
    }

    @Test func l7_aKafkaOnFailureTopicEqualToTheSourceIsRefused() {
        let loop = Scenarios.kafka {
            $0.mapping.onFailure = .kafka
            $0.topic.destinationTopic = $0.topic.name
        }
        #expect(ScenarioValidator.validate(loop).map(\.rule) == ["L7"])
        let elsewhere = Scenarios.kafka { $0.mapping.onFailure = .kafka }
        #expect(ScenarioValidator.validate(elsewhere).isEmpty, "the default destination '<name>-dlt' is another topic")
    }

    @Test func l3_recursionThresholdIsAnAssumptionAndCanBeMoved() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.function.loops = true
                $0.assumptions.recursionThreshold = 4
            })
        // Depths 1–4 run (100 ms each); depth 5 is stopped at 400 ms.
        #expect(trace.startTimes == [0, 100, 200, 300])
        #expect(RecursionRuleTests.stoppedAt(trace) == [400])
        #expect(trace.assumptionsUsed.contains(.recursionThreshold))
        let defaults = try Simulator.simulate(Scenarios.async { $0.function.loops = true })
        #expect(defaults.assumptionsUsed.contains(.recursionThreshold), "16 run, the 17th is stopped: relied on")
        let allowed = try Simulator.simulate(
            Scenarios.async {
                $0.function.loops = true
                $0.function.recursiveLoopAllowed = true
                $0.until = 1_000
            })
        #expect(!allowed.assumptionsUsed.contains(.recursionThreshold), "nothing was stopped")
    }

    @Test func l1_r3_aLoopThroughSNSMeetsSNSsDeliveryPolicyAtEveryTurn() throws {
        let trace = try Simulator.simulate(
            Scenarios.async {
                $0.trigger = .sns
                $0.function.loops = true
                $0.caller.service.handOffFails = .attempts([1])
            })
        // Each event of the chain, the looped ones too, is refused once and retried at once
        // (the immediate phase); the 17th is refused, retried, accepted and then stopped.
        #expect(trace.throttleTimes == (0...16).map { Int64($0) * 100 })
        #expect(trace.startTimes == (0..<16).map { Int64($0) * 100 })
        #expect(RecursionRuleTests.stoppedAt(trace) == [1_600])
        #expect(trace.facts.callerRetries == 17)
        #expect(trace.rulesFired.isSuperset(of: ["L1", "L3", "R2", "R3"]))
    }

    @Test func l1_r9_aLoopThroughS3MeetsS3sHandOff() throws {
        let retried = try Simulator.simulate(
            Scenarios.async {
                $0.trigger = .s3
                $0.function.loops = true
                $0.caller.service.handOffFails = .attempts([1])
                $0.assumptions.s3HandOff = .retried
            })
        // Every notification is refused once and retried 1 s later: run n starts at
        // 1 s + (n − 1) × 1.1 s; the 17th notification is accepted at 18.6 s and stopped.
        #expect(retried.startTimes == (0..<16).map { 1_000 + Int64($0) * 1_100 })
        #expect(RecursionRuleTests.stoppedAt(retried) == [18_600])
        #expect(retried.throttleTimes.count == 17)
        #expect(retried.assumptionsUsed.isSuperset(of: [.s3HandOff, .recursionThreshold]))
    }
}

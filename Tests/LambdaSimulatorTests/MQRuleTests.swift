import LambdaSimulator
import Testing

/// Amazon MQ mappings (ActiveMQ and RabbitMQ), rules M1–M7 of reference/lambda-semantics.md
/// §13. Handlers run 100 ms unless set; the window is 500 ms from a batch's first message.
@Suite struct MQRuleTests {
    @Test func m1_aConsumerInvokesSynchronouslyWithABatch() throws {
        let trace = try Simulator.simulate(Scenarios.mq(count: 3))
        #expect(trace.batchItems == [[1, 2, 3]])
        #expect(trace.outcomes == [1: [.ok], 2: [.ok], 3: [.ok]])
        #expect(trace.rulesFired.isSuperset(of: ["M1", "E1"]))
    }

    @Test func m1_aBrokerWithoutStandbyReadsNothingDuringMaintenance() throws {
        let maintained = { (deployment: BrokerSpec.Deployment) in
            try Simulator.simulate(
                Scenarios.mq {
                    $0.broker.deployment = deployment
                    $0.broker.maintenance = 1_000..<61_000
                    $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 2_000), Scenarios.group(at: 70_000)]
                })
        }
        // #1 is read before the maintenance; #2 waits until the broker is back at 61 s, and
        // its window (from its arrival at 2 s) has long ended, so it is sent at once.
        let single = try maintained(.singleInstance)
        #expect(single.batchItems == [[1], [2], [3]])
        #expect(single.batches.map(\.time) == [500, 61_000, 70_500])
        #expect(single.entries.first { if case .note(let text) = $0.event { text.hasPrefix("broker maintenance") } else { false } }?.rules.names == ["M1"])
        // An active/standby broker fails over: the maintenance changes nothing.
        let standby = try maintained(.activeStandby)
        #expect(standby.batches.map(\.time) == [500, 2_500, 70_500])
        #expect(ScenarioValidator.validate(Scenarios.mq { $0.broker.deployment = .cluster }).map(\.rule) == ["M1"])
        #expect(ScenarioValidator.validate(Scenarios.mq(.rabbitmq) { $0.broker.deployment = .cluster }).isEmpty)
        #expect(ScenarioValidator.validate(Scenarios.mq { $0.broker.maintenance = 5_000..<5_000 }).map(\.rule) == ["M1"])
    }

    @Test func m2_theWindowOpensAtTheFirstMessage() throws {
        let trace = try Simulator.simulate(
            Scenarios.mq { $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 200), Scenarios.group(at: 700)] })
        #expect(trace.batchItems == [[1, 2], [3]])
        #expect(trace.batches.map(\.time) == [500, 1_200])
        #expect(try Simulator.simulate(Scenarios.mq { $0.mapping.batchingWindowSeconds = 2 }).startTimes == [2_000])
        // 250 messages: two consumers take full batches at once, a third waits out its window.
        let full = try Simulator.simulate(Scenarios.mq(count: 250))
        #expect(full.batches.map { "\($0.items.count)@\($0.time) \($0.trigger)" } == ["100@0 size", "100@0 size", "50@500 window"])
        #expect(ScenarioValidator.validate(Scenarios.mq { $0.mapping.batchSize = 10_001 }).map(\.rule) == ["M2"])
        #expect(ScenarioValidator.validate(Scenarios.mq { $0.mapping.batchingWindowSeconds = 301 }).map(\.rule) == ["M2"])
    }

    @Test func m3_concurrencyIsCappedPerEngine() throws {
        let active = try Simulator.simulate(
            Scenarios.mq(count: 20) {
                $0.mapping.batchSize = 1
                $0.function.durations = [1_000]
                $0.function.reservedConcurrency = 100
            })
        #expect(active.stats.maxConcurrency == 5)
        #expect(active.startTimes == [0, 0, 0, 0, 0, 1_000, 1_000, 1_000, 1_000, 1_000, 2_000, 2_000, 2_000, 2_000, 2_000, 3_000, 3_000, 3_000, 3_000, 3_000])
        #expect(active.entries.contains { if case .note(let text) = $0.event { text.contains("does not raise") } else { false } })
        let rabbit = try Simulator.simulate(
            Scenarios.mq(.rabbitmq, count: 20) {
                $0.mapping.batchSize = 1
                $0.function.durations = [1_000]
            })
        #expect(rabbit.stats.maxConcurrency == 1)
        #expect(rabbit.startTimes.last == 19_000)
    }

    @Test func m4_activeMQRedeliversSixTimesThenReturnsAPoisonPill() throws {
        let trace = try Simulator.simulate(Scenarios.mq { $0.function.fails = .always })
        // Redelivery after 1 s, then the 500 ms window: one delivery every 1.6 s, 7 in all.
        #expect(trace.startTimes == [500, 2_100, 3_700, 5_300, 6_900, 8_500, 10_100])
        #expect(trace.starts.map(\.attempt) == [1, 2, 3, 4, 5, 6, 7])
        #expect(trace.outcomes == [1: [.discarded]])
        let pill = trace.entries.last { if case .discarded = $0.event { true } else { false } }
        #expect(pill?.time == 10_200)
        #expect(pill?.event == .discarded(items: [1], reason: .poisonPill))
        #expect(trace.assumptionsUsed.contains(.activemqRedeliveryDelay))
    }

    @Test func m4_rabbitMQRequeuesAtOnce() throws {
        let trace = try Simulator.simulate(Scenarios.mq(.rabbitmq) { $0.function.fails = .attempts([1, 2]) })
        #expect(trace.startTimes == [500, 1_100, 1_700])
        #expect(trace.outcomes == [1: [.ok]])
        #expect(trace.assumptionsUsed.contains(.rabbitmqRedelivery))
        // Without a documented limit a message that always fails stays in the queue.
        let forever = try Simulator.simulate(
            Scenarios.mq(.rabbitmq) {
                $0.function.fails = .always; $0.until = 60_000
            })
        #expect(forever.outcomes == [1: [.pending]])
        #expect(forever.stats.attempts == 100)
    }

    @Test func m4_aRabbitMQDeliveryLimitDeadLettersAfterItsRedeliveries() throws {
        // A quorum queue's x-delivery-limit of 2 (assumed, §17): 1 + 2 deliveries, requeued
        // at once, each after the 500 ms window; then the message is dead-lettered.
        let trace = try Simulator.simulate(
            Scenarios.mq(.rabbitmq) {
                $0.function.fails = .always
                $0.assumptions.rabbitmqDeliveryLimit = 2
            })
        #expect(trace.startTimes == [500, 1_100, 1_700])
        #expect(trace.outcomes == [1: [.discarded]])
        let dropped = trace.entries.filter { if case .discarded(_, .poisonPill) = $0.event { true } else { false } }
        #expect(dropped.map(\.time) == [1_800])
        #expect(dropped.first?.rules.names == ["M4"])
        #expect(trace.assumptionsUsed.contains(.rabbitmqRedelivery))
        // A limit of 0 gives up at the first failure; ActiveMQ keeps its 6 (M4).
        let none = try Simulator.simulate(
            Scenarios.mq(.rabbitmq) {
                $0.function.fails = .always; $0.assumptions.rabbitmqDeliveryLimit = 0
            })
        #expect(none.startTimes == [500])
        let active = try Simulator.simulate(
            Scenarios.mq {
                $0.function.fails = .always; $0.assumptions.rabbitmqDeliveryLimit = 0
            })
        #expect(active.stats.attempts == 7)
        #expect(!active.assumptionsUsed.contains(.rabbitmqRedelivery))
    }

    @Test func m5_recordsOver6MBAreDropped() throws {
        let trace = try Simulator.simulate(
            Scenarios.mq { $0.arrivals = [Scenarios.group(at: 0, size: 7 * 1_048_576), Scenarios.group(at: 0, count: 2, size: 4 * 1_048_576)] })
        #expect(trace.outcomes == [1: [.discarded], 2: [.ok], 3: [.ok]])
        #expect(trace.batches.map { "\($0.items)@\($0.time) \($0.trigger)" } == ["[2]@0 payload", "[3]@500 window"])
        #expect(trace.rulesFired.contains("M5"))
    }

    @Test func m6_noRetrySettingsForMQ() throws {
        for key in ["MaximumRetryAttempts", "DestinationConfig", "BisectBatchOnFunctionError", "FunctionResponseTypes"] {
            let issues = ScenarioValidator.validate(Scenarios.mq { $0.mapping.explicitlySet = [key] })
            #expect(
                issues.map(\.description) == ["EventSourceMapping.\(key): \(key) is not supported for Amazon MQ; the broker redelivers failed messages [M6]"])
        }
    }

    @Test func m7_functionTimeoutIsAtMost14Minutes() throws {
        #expect(ScenarioValidator.validate(Scenarios.mq { $0.function.timeoutSeconds = 841 }).map(\.rule) == ["M7"])
        #expect(ScenarioValidator.validate(Scenarios.mq { $0.function.timeoutSeconds = 840 }).isEmpty)
    }
}

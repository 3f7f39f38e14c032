import LambdaSimulator
import Testing

/// Kafka batches that mix partitions (`kafka-batch-scope: mixed`), KF1 with KF4–KF6 of
/// reference/lambda-semantics.md §14: "A single Lambda payload can contain messages from
/// multiple partitions." Handlers run 100 ms; the window is 500 ms from a batch's first
/// record; records alternate between partitions unless placed.
@Suite struct KafkaMixedBatchRuleTests {
    private func mixed(count: Int = 1, _ configure: (inout ScenarioSpec) -> Void = { _ in }) -> ScenarioSpec {
        Scenarios.kafka(count: count) {
            $0.assumptions.kafkaBatchScope = .mixed
            $0.topic.partitions = 2
            configure(&$0)
        }
    }

    @Test func kf1_mixedPartitionBatch() throws {
        let trace = try Simulator.simulate(mixed(count: 4))
        // #1, #3 in partition 0 and #2, #4 in partition 1: one payload, in produce order.
        #expect(trace.batches.map { "\($0.items)@\($0.time) \($0.trigger)" } == ["[1, 2, 3, 4]@500 window"])
        #expect(trace.stats.attempts == 1)
        #expect(trace.outcomes == [1: [.ok], 2: [.ok], 3: [.ok], 4: [.ok]])
        #expect(trace.assumptionsUsed.contains(.kafkaBatchScope))
        #expect(trace.rulesFired.contains("KF1"))
        // The default keeps one partition per batch: two payloads at the same instant.
        let perPartition = try Simulator.simulate(Scenarios.kafka(count: 4) { $0.topic.partitions = 2 })
        #expect(perPartition.batches.map { "\($0.items)@\($0.time)" } == ["[1, 3]@500", "[2, 4]@500"])
    }

    @Test func kf1_mixedBatchesFollowTheirPollersAndKeepOneBatchPerPartitionInFlight() throws {
        let trace = try Simulator.simulate(
            mixed(count: 8) {
                $0.topic.partitions = 4
                $0.mapping.provisionedMinimum = 2
                $0.function.durations = [1_000]
                $0.arrivals.append(Scenarios.group(at: 550) { $0.partition = 2 })
            })
        // Two pollers: poller 0 owns partitions 0 and 2, poller 1 partitions 1 and 3. #9
        // reaches partition 2 while its batch runs (0.5–1.5 s) and waits for it to end.
        #expect(trace.starts.map { "\($0.items)@\($0.time)" } == ["[1, 3, 5, 7]@500", "[2, 4, 6, 8]@500", "[9]@1500"])
        #expect(trace.stats.maxConcurrency == 2)
    }

    @Test func kf1_aMixedBatchClosesAt6MB() throws {
        // Two 4 MB records of partitions 0 and 1 do not fit one payload (E2): partition 0's
        // batch closes on 6 MB at once, and partition 1 gathers its own for the window.
        let trace = try Simulator.simulate(mixed { $0.arrivals = [Scenarios.group(at: 0, count: 2, size: 4 * 1_048_576)] })
        #expect(trace.batches.map { "\($0.items)@\($0.time) \($0.trigger)" } == ["[1]@0 payload", "[2]@500 window"])
        #expect(trace.outcomes == [1: [.ok], 2: [.ok]])
    }

    @Test func kf4_aFailedMixedBatchBlocksEveryPartitionInIt() throws {
        let trace = try Simulator.simulate(
            mixed {
                $0.arrivals = [
                    Scenarios.group(at: 0) { $0.partition = 0 }, Scenarios.group(at: 0) { $0.partition = 1 },
                    Scenarios.group(at: 1_000) { $0.partition = 1 },
                ]
                $0.function.fails = .records([1], times: 1)
            })
        // #1 fails the batch [1, 2] at 0.6 s; the whole batch is retried 1 s later, and #3
        // of partition 1, blocked with it, is read only when the retry succeeded.
        #expect(trace.starts.map { "\($0.items)@\($0.time)" } == ["[1, 2]@500", "[1, 2]@1600", "[3]@1700"])
        #expect(trace.outcomes == [1: [.ok], 2: [.ok], 3: [.ok]])
        let blocks = trace.entries.compactMap { entry -> String? in
            switch entry.event {
            case .shardBlocked(let shard, let items): "\(entry.time) block partition \(shard - 1) \(items)"
            case .shardUnblocked(let shard): "\(entry.time) unblock partition \(shard - 1)"
            default: nil
            }
        }
        #expect(blocks == ["600 block partition 0 [1]", "600 block partition 1 [2]", "1700 unblock partition 0", "1700 unblock partition 1"])
    }

    @Test func kf5_mixedBatchBisectsAcrossPartitions() throws {
        let trace = try Simulator.simulate(
            mixed(count: 4) {
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.bisectBatchOnFunctionError = true
                $0.mapping.onFailure = .sqs
                $0.function.fails = .records([3], times: nil)
            })
        #expect(trace.starts.map { "\($0.items)@\($0.time)" } == ["[1, 2, 3, 4]@500", "[1, 2]@1600", "[3, 4]@1700", "[3]@2800", "[4]@2900"])
        #expect(trace.outcomes == [1: [.ok], 2: [.ok], 3: [.onFailure], 4: [.ok]])
        #expect(trace.deliverySummary == ["2900 OnFailure->sqs RetryAttemptsExhausted 1 [3]"])
        let fields = try #require(trace.deliveries.first?.delivery.fields)
        #expect(fields["KafkaBatchInfo.recordsInfo.orders-0.firstRecordOffset"] == .string("1"))
        #expect(fields["KafkaBatchInfo.recordsInfo.orders-1.firstRecordOffset"] == nil)
    }

    @Test func kf6_theOnFailureRecordOfAMixedBatchNamesEachPartition() throws {
        let trace = try Simulator.simulate(
            mixed(count: 5) {
                $0.function.fails = .always
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.onFailure = .sqs
            })
        #expect(trace.deliverySummary == ["600 OnFailure->sqs RetryAttemptsExhausted 1 [1, 2, 3, 4, 5]"])
        let fields = try #require(trace.deliveries.first?.delivery.fields)
        #expect(fields["KafkaBatchInfo.batchSize"] == .int(5))
        #expect(fields["KafkaBatchInfo.recordsInfo.orders-0.firstRecordOffset"] == .string("0"))
        #expect(fields["KafkaBatchInfo.recordsInfo.orders-0.lastRecordOffset"] == .string("2"))
        #expect(fields["KafkaBatchInfo.recordsInfo.orders-1.firstRecordOffset"] == .string("0"))
        #expect(fields["KafkaBatchInfo.recordsInfo.orders-1.lastRecordOffset"] == .string("1"))
    }

    @Test func kf5_reportBatchItemFailuresCommitsEachPartitionUpToItsFirstFailure() throws {
        let trace = try Simulator.simulate(
            mixed(count: 4) {
                $0.mapping.maximumRetryAttempts = 1
                $0.mapping.reportBatchItemFailures = true
                $0.mapping.onFailure = .s3
                $0.function.fails = .records([1], times: nil)
            })
        // #1 fails: partition 0 (#1, #3) is retried; partition 1 (#2, #4) commits.
        #expect(trace.starts.map { "\($0.items)@\($0.time)" } == ["[1, 2, 3, 4]@500", "[1, 3]@1600"])
        #expect(trace.outcomes == [1: [.onFailure], 2: [.ok], 3: [.onFailure], 4: [.ok]])
        #expect(trace.deliverySummary == ["1700 OnFailure->s3 RetryAttemptsExhausted 2 [1, 3]"])
    }
}

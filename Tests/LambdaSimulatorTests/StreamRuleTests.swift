import LambdaSimulator
import Testing

/// Kinesis and DynamoDB Streams mappings, rules K1–K14 of reference/lambda-semantics.md.
@Suite struct StreamRuleTests {
    @Test func k1_eachShardIsReadInOrderOneBatchAtATime() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis {
                $0.stream.shards = 2
                $0.mapping.batchSize = 1
                $0.arrivals = [Scenarios.group(at: 0, count: 4)]
            })
        // Records alternate between the shards; each shard runs one batch at a time.
        #expect(trace.starts.map { "\($0.items[0])@\($0.time)" } == ["1@0", "2@0", "3@100", "4@100"])
    }

    @Test func k2_pollLatencyIsAnAssumptionOfZero() throws {
        let trace = try Simulator.simulate(Scenarios.kinesis { $0.arrivals = [Scenarios.group(at: 1_234)] })
        #expect(trace.startTimes == [1_234])
        #expect(trace.rulesFired.contains("K2"))
        #expect(trace.assumptionsUsed.contains(.pollLatency), "the batch time rests on the assumed 0 s")
        let slower = try Simulator.simulate(
            Scenarios.kinesis {
                $0.arrivals = [Scenarios.group(at: 1_234), Scenarios.group(at: 1_300)]
                $0.mapping.batchSize = 1
                $0.assumptions.pollLatency = 500
            })
        #expect(slower.startTimes == [1_734, 1_834], "each record is returned 500 ms after it arrived, in shard order")
    }

    @Test func k3_startingPositionAndAtTimestamp() throws {
        let latest = try Simulator.simulate(
            Scenarios.kinesis {
                $0.arrivals = [Scenarios.group(at: -5_000), Scenarios.group(at: 1_000)]
                $0.mapping.startingPosition = .latest
            })
        #expect(latest.outcomes == [1: [.discarded], 2: [.ok]])
        let trimHorizon = try Simulator.simulate(Scenarios.kinesis { $0.arrivals = [Scenarios.group(at: -5_000)] })
        #expect(trimHorizon.startTimes == [0], "records already in the stream are read when the mapping starts")
        var dynamo = ScenarioSpec(mode: .dynamodb)
        dynamo.mapping.startingPosition = .atTimestamp(0)
        #expect(
            ScenarioValidator.validate(dynamo).map(\.description) == [
                "EventSourceMapping.StartingPosition: AT_TIMESTAMP is supported only for Kinesis streams [K3]"
            ])
        #expect(ScenarioValidator.validate(Scenarios.kinesis { $0.mapping.startingPosition = .atTimestamp(-5_000) }).isEmpty)
        #expect(
            ScenarioValidator.validate(Scenarios.kinesis { $0.mapping.startingPosition = .atTimestamp(nil) }).map(\.description) == [
                "EventSourceMapping.StartingPosition: StartingPosition AT_TIMESTAMP needs a StartingPositionTimestamp, the time reading starts from [K3]"
            ])
    }

    @Test func k4_aFailedBatchBlocksItsShardOnly() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis {
                $0.stream.shards = 2
                $0.mapping.batchSize = 1
                $0.arrivals = [Scenarios.group(at: 0, count: 4)]
                $0.function.fails = .records([1], times: 2)
            })
        // Shard 1 holds #1 and #3; #1 fails twice, so #3 waits. Shard 2 (#2, #4) flows.
        #expect(trace.starts.map { "\($0.items[0])@\($0.time)" } == ["1@0", "2@0", "4@100", "1@1100", "1@2200", "3@2300"])
        let blocked = trace.entries.filter { if case .shardBlocked = $0.event { true } else { false } }
        #expect(blocked.map(\.time) == [100])
    }

    @Test func k5_maximumRetryAttemptsThenOnFailure() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis {
                $0.function.fails = .always
                $0.mapping.maximumRetryAttempts = 2
                $0.mapping.onFailure = .sqs
            })
        #expect(trace.startTimes == [0, 1_100, 2_200])
        #expect(trace.deliverySummary == ["2300 OnFailure->sqs RetryAttemptsExhausted 3 [1]"])
        #expect(ScenarioValidator.validate(Scenarios.kinesis { $0.mapping.maximumRetryAttempts = 10_001 }).map(\.rule) == ["K5"])
    }

    @Test func k6_throttlesDoNotUseTheRetryBudget() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis {
                $0.function.reservedConcurrency = 0
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.maximumRecordAgeSeconds = 60
                $0.mapping.onFailure = .sqs
            })
        #expect(trace.stats.attempts == 0)
        #expect(trace.deliverySummary == ["63000 OnFailure->sqs RecordAgeExceeded 0 [1]"])
    }

    @Test func k7_recordsOlderThanTheMaximumAgeAreDiscarded() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis {
                $0.function.fails = .always
                $0.mapping.maximumRecordAgeSeconds = 60
                $0.mapping.onFailure = .sqs
            })
        #expect(trace.stats.attempts == 55)
        #expect(trace.deliveries.first?.delivery.condition == "RecordAgeExceeded")
        #expect(
            ScenarioValidator.validate(Scenarios.kinesis { $0.mapping.maximumRecordAgeSeconds = 30 }).map(\.description)
                == ["EventSourceMapping.MaximumRecordAgeInSeconds: MaximumRecordAgeInSeconds must be −1 (infinite) or 60–604800 (AWS limit), not 30 [K7]"])
    }

    @Test func k8_aBadRecordBlocksUntilTheStreamDropsIt() throws {
        var spec = ScenarioSpec(mode: .dynamodb)
        spec.arrivals = [Scenarios.group(at: 0)]
        spec.function.fails = .always
        spec.assumptions.streamRetryDelay = 600_000
        let trace = try Simulator.simulate(spec)
        #expect(trace.outcomes[1] == [.discarded])
        let discard = trace.entries.last { if case .discarded = $0.event { true } else { false } }
        // Invocations every 600.1 s; the 145th (at 144 × 600.1 s) finds the record past 24 h.
        #expect(discard?.time == Int64(144 * 600_100), "dropped at the first retry after 24 h of retention")
    }

    @Test func k9_streamRetryDelayIsAnAssumption() throws {
        let kinesis = try Simulator.simulate(Scenarios.kinesis { $0.function.fails = .attempts([1]) })
        #expect(kinesis.startTimes == [0, 1_100])
        var dynamo = ScenarioSpec(mode: .dynamodb)
        dynamo.arrivals = [Scenarios.group(at: 0)]
        dynamo.function.fails = .attempts([1])
        let trace = try Simulator.simulate(dynamo)
        #expect(trace.startTimes == [0, 350])
        #expect(trace.assumptionsUsed.contains(.streamRetryDelay))
    }

    @Test func k10_bisectIsolatesThePoisonRecord() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis(count: 8) {
                $0.mapping.batchSize = 8
                $0.mapping.maximumRetryAttempts = 2
                $0.mapping.bisectBatchOnFunctionError = true
                $0.mapping.onFailure = .sqs
                $0.function.fails = .records([5], times: nil)
            })
        #expect(trace.batchItems == [[1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4], [5, 6, 7, 8], [5, 6], [5], [5], [5], [6], [7, 8]])
        #expect(trace.deliverySummary == ["5700 OnFailure->sqs RetryAttemptsExhausted 3 [5]"])
        #expect(trace.outcomes.filter { $0.value == [.ok] }.count == 7)

        let zero = try Simulator.simulate(
            Scenarios.kinesis(count: 2) {
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.bisectBatchOnFunctionError = true
                $0.function.fails = .records([2], times: nil)
            })
        #expect(zero.batchItems == [[1, 2], [1], [2]])
        #expect(zero.assumptionsUsed.contains(.bisectAtZeroRetries))
    }

    /// K10, §10: a batch not split at zero retries, because the block chose so, relied on the
    /// assumption as much as one that was split.
    @Test func k10_noSplitAtZeroRetriesReliesOnTheAssumptionToo() throws {
        let kept = try Simulator.simulate(
            Scenarios.kinesis(count: 4) {
                $0.mapping.batchSize = 4
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.bisectBatchOnFunctionError = true
                $0.mapping.onFailure = .sqs
                $0.function.fails = .records([3], times: nil)
                $0.assumptions.bisectAtZeroRetries = false
            })
        #expect(kept.batchItems == [[1, 2, 3, 4]])
        #expect(kept.assumptionsUsed.contains(.bisectAtZeroRetries))
        #expect(!kept.assumptionsUsed.contains(.bisectSplit))
    }

    /// K3, §10: without a StartingPosition a mapping reads from TRIM_HORIZON; the figure names
    /// the assumption when a record came before the mapping started, and only then.
    @Test func k3_readingRecordsFromBeforeTheStartWithoutAStartingPositionIsAnAssumption() throws {
        let unnamed = try Simulator.simulate(Scenarios.kinesis { $0.arrivals = [Scenarios.group(at: -5_000), Scenarios.group(at: 1_000)] })
        #expect(unnamed.outcomes == [1: [.ok], 2: [.ok]])
        #expect(unnamed.assumptionsUsed.contains(.startingPosition))
        let named = try Simulator.simulate(
            Scenarios.kinesis {
                $0.arrivals = [Scenarios.group(at: -5_000)]
                $0.mapping.startingPositionNamed = true
            })
        #expect(!named.assumptionsUsed.contains(.startingPosition))
        let afterTheStart = try Simulator.simulate(Scenarios.kinesis { $0.arrivals = [Scenarios.group(at: 0)] })
        #expect(!afterTheStart.assumptionsUsed.contains(.startingPosition))
    }

    /// K6, S3: a batch the script refuses (`fails: [1]`, `failure: throttled`) is the first
    /// batch try; the retry after the backoff is the second, which runs. It was refused for
    /// 24 hours, the whole retention.
    @Test func k6_aScriptedRefusalOfTheFirstBatchIsRetriedAndRuns() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis {
                $0.function.fails = .attempts([1])
                $0.function.failure = .throttled
            })
        #expect(trace.startTimes == [1_000])
        #expect(trace.outcomes == [1: [.ok]])
        #expect(trace.stats.throttles == 1)
    }

    @Test func k10_k11_withBothTheSplitIsAtTheReportedRecordAndUsesNoRetry() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis(count: 5) {
                $0.mapping.batchSize = 5
                $0.mapping.reportBatchItemFailures = true
                $0.mapping.bisectBatchOnFunctionError = true
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.onFailure = .sqs
                $0.function.fails = .records([3], times: nil)
            })
        // #1-2 succeed at the checkpoint (K11) and #3-5 are tried again without using the one
        // attempt (K10); #3 reported first is halved down to itself, whose failure is final.
        #expect(trace.batchItems == [[1, 2, 3, 4, 5], [3, 4, 5], [3, 4], [3], [4], [5]])
        let splits = trace.entries.compactMap { entry -> String? in
            guard case .bisected(let items, let first, let second) = entry.event else { return nil }
            return "\(entry.time) \(items) -> \(first) + \(second)"
        }
        #expect(splits == ["100 [1, 2, 3, 4, 5] -> [1, 2] + [3, 4, 5]", "1200 [3, 4, 5] -> [3, 4] + [5]", "2300 [3, 4] -> [3] + [4]"])
        #expect(trace.deliverySummary == ["3400 OnFailure->sqs RetryAttemptsExhausted 1 [3]"])
        #expect(trace.outcomes.filter { $0.value == [.ok] }.keys.sorted() == [1, 2, 4, 5])
        #expect(trace.rulesFired.isSuperset(of: ["K10", "K11"]))

        let noBisect = try Simulator.simulate(
            Scenarios.kinesis(count: 5) {
                $0.mapping.batchSize = 5
                $0.mapping.reportBatchItemFailures = true
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.onFailure = .sqs
                $0.function.fails = .records([3], times: nil)
            })
        #expect(noBisect.deliverySummary == ["100 OnFailure->sqs RetryAttemptsExhausted 1 [3, 4, 5]"], "without bisect the remainder uses the retry")
    }

    @Test func k11_partialResponsesCheckpointAtTheLowestFailure() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis(count: 8) {
                $0.mapping.reportBatchItemFailures = true
                $0.function.fails = .records([5], times: 1)
            })
        #expect(trace.batchItems == [[1, 2, 3, 4, 5, 6, 7, 8], [5, 6, 7, 8]])
        #expect(trace.ends.first?.reported == [5])
        let ignored = try Simulator.simulate(
            Scenarios.kinesis(count: 2) {
                $0.function.response = .explicit([1: .failures([2])])
            })
        #expect(ignored.batchItems == [[1, 2]], "without ReportBatchItemFailures the response is ignored")
    }

    @Test func k12_onFailureRecordsCarryBatchMetadataOnly() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis(count: 3) {
                $0.function.fails = .always
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.onFailure = .sns
            })
        let fields = try #require(trace.deliveries.first?.delivery.fields)
        #expect(fields["KinesisBatchInfo.batchSize"] == .int(3))
        #expect(fields["KinesisBatchInfo.shardId"] == .string("shardId-000000000000"))
        #expect(fields["requestContext.condition"] == .string("RetryAttemptsExhausted"))
        #expect(fields["payload"] == .absent)
        var dynamo = ScenarioSpec(mode: .dynamodb)
        dynamo.arrivals = [Scenarios.group(at: 0)]
        dynamo.function.fails = .always
        dynamo.mapping.maximumRetryAttempts = 0
        dynamo.mapping.onFailure = .s3
        let s3 = try Simulator.simulate(dynamo)
        #expect(s3.deliveries.first?.delivery.fields["DDBStreamBatchInfo.batchSize"] == .int(1))
        #expect(s3.deliveries.first?.delivery.fields["payload"] == .size(1_024), "S3 also gets the records")
        #expect(ScenarioValidator.validate(Scenarios.kinesis { $0.mapping.onFailure = .lambda }).map(\.rule) == ["K12"])
    }

    @Test func k13_parallelizationKeepsOrderPerPartitionKey() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis {
                $0.mapping.parallelizationFactor = 2
                $0.mapping.batchSize = 1
                $0.arrivals = [
                    Scenarios.group(at: 0, count: 2) { $0.partitionKey = "alpha" },
                    Scenarios.group(at: 0, count: 2) { $0.partitionKey = "beta" },
                ]
            })
        #expect(trace.stats.maxConcurrency == 2)
        #expect(trace.startTimes == [0, 0, 100, 100])
        #expect(ScenarioValidator.validate(Scenarios.kinesis { $0.mapping.parallelizationFactor = 11 }).map(\.rule) == ["K13"])
    }

    @Test func k14_tumblingWindowsCutBatchesAndNeedState() throws {
        let trace = try Simulator.simulate(
            Scenarios.kinesis {
                $0.mapping.tumblingWindowSeconds = 30
                $0.mapping.batchingWindowSeconds = 60
                $0.arrivals = [Scenarios.group(at: 0, count: 4, every: 10_000)]
            })
        #expect(trace.batchItems == [[1, 2, 3], [4]])
        let stateless = try Simulator.simulate(
            Scenarios.kinesis {
                $0.mapping.tumblingWindowSeconds = 30
                $0.mapping.maximumRetryAttempts = 0
                $0.function.omitsWindowState = true
            })
        #expect(stateless.results == [.error])
        #expect(stateless.rulesFired.contains("K14"))
    }
}

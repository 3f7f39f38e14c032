import LambdaSimulator
import Testing

/// Kafka mappings (Amazon MSK and self-managed), rules KF1–KF9 of reference/lambda-semantics.md
/// §14. Handlers run 100 ms unless set; the window is 500 ms from a batch's first record.
@Suite struct KafkaRuleTests {
    @Test func kf1_eachPartitionIsReadInOffsetOrderOneBatchAtATime() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka(count: 4) {
                $0.topic.partitions = 2
                $0.mapping.batchSize = 1
            })
        // Records alternate between partitions 0 and 1; each partition runs one batch at a time.
        #expect(trace.starts.map { "\($0.items[0])@\($0.time)" } == ["1@0", "2@0", "3@100", "4@100"])
        let keyed = try Simulator.simulate(
            Scenarios.kafka {
                $0.topic.partitions = 3
                $0.arrivals = [
                    Scenarios.group(at: 0, count: 2) { $0.partitionKey = "a" }, Scenarios.group(at: 0) { $0.partitionKey = "b" },
                    Scenarios.group(at: 100) { $0.partitionKey = "a" }, Scenarios.group(at: 0) { $0.partition = 2 },
                ]
            })
        // A key keeps one partition: key a (#1, #2, #5) is read together and in order.
        #expect(keyed.batchItems == [[1, 2, 5], [3], [4]])
        #expect(keyed.rulesFired.contains("KF1"))
    }

    @Test func kf2_theWindowOpensAtTheFirstRecordAndLasts500Milliseconds() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka {
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 200), Scenarios.group(at: 700)]
            })
        #expect(trace.batchItems == [[1, 2], [3]])
        #expect(trace.batches.map(\.time) == [500, 1_200])
        #expect(trace.batches.map(\.trigger) == [.window, .window])
        let twoSeconds = try Simulator.simulate(Scenarios.kafka { $0.mapping.batchingWindowSeconds = 2 })
        #expect(twoSeconds.startTimes == [2_000])
        let full = try Simulator.simulate(Scenarios.kafka(count: 250))
        #expect(full.batches.map { "\($0.items.count)@\($0.time) \($0.trigger)" } == ["100@0 size", "100@100 size", "50@500 window"])
        #expect(ScenarioValidator.validate(Scenarios.kafka { $0.mapping.batchSize = 10_001 }).map(\.rule) == ["KF2"])
        #expect(ScenarioValidator.validate(Scenarios.kafka { $0.mapping.startingPosition = .atTimestamp(0) }).isEmpty, "§18: AT_TIMESTAMP is valid for Kafka")
    }

    @Test func kf2_startingPositionsAndCommittedOffsets() throws {
        let arrivals = [Scenarios.group(at: -5_000), Scenarios.group(at: -1_000), Scenarios.group(at: 3_000)]
        let latest = try Simulator.simulate(
            Scenarios.kafka {
                $0.arrivals = arrivals; $0.mapping.startingPosition = .latest
            })
        #expect(latest.outcomes == [1: [.discarded], 2: [.discarded], 3: [.ok]])
        let atTimestamp = try Simulator.simulate(
            Scenarios.kafka {
                $0.arrivals = arrivals; $0.mapping.startingPosition = .atTimestamp(-2_000)
            })
        #expect(atTimestamp.outcomes == [1: [.discarded], 2: [.ok], 3: [.ok]])
        let trimHorizon = try Simulator.simulate(Scenarios.kafka { $0.arrivals = arrivals })
        #expect(trimHorizon.batches.map(\.time) == [500, 3_500], "records already in the topic open the window when polling starts")
        // A consumer group with committed offsets resumes from them; LATEST is ignored.
        let committed = try Simulator.simulate(
            Scenarios.kafka {
                $0.arrivals = arrivals
                $0.mapping.startingPosition = .latest
                $0.topic.committedBefore = -2_000
            })
        #expect(committed.outcomes == [1: [.discarded], 2: [.ok], 3: [.ok]])
        #expect(committed.rulesFired.contains("KF2"))
    }

    @Test func kf2_consumerGroupIdIsSetInTheConfigOfTheClustersKind() throws {
        let rules = { (cluster: TopicSpec.Cluster, key: String, id: String) in
            ScenarioValidator.validate(
                Scenarios.kafka {
                    $0.topic.cluster = cluster
                    $0.topic.consumerGroupId = id
                    $0.mapping.explicitlySet = [key]
                }
            ).map(\.description)
        }
        #expect(rules(.msk, "AmazonManagedKafkaEventSourceConfig", "orders-consumers").isEmpty)
        #expect(rules(.selfManaged, "SelfManagedKafkaEventSourceConfig", "team/a:b_c+d=e.f@g*").isEmpty)
        #expect(
            rules(.selfManaged, "AmazonManagedKafkaEventSourceConfig", "orders") == [
                "EventSourceMapping.AmazonManagedKafkaEventSourceConfig: a self-managed cluster takes SelfManagedKafkaEventSourceConfig, not AmazonManagedKafkaEventSourceConfig [KF2]"
            ])
        #expect(
            rules(.msk, "AmazonManagedKafkaEventSourceConfig", "two words") == [
                "EventSourceMapping.AmazonManagedKafkaEventSourceConfig.ConsumerGroupId: ConsumerGroupId must be 1–200 characters of letters, digits and -/*:_+=.@ (AWS limit), not 'two words' [KF2]"
            ])
        #expect(rules(.msk, "AmazonManagedKafkaEventSourceConfig", "").count == 1)
        #expect(rules(.msk, "AmazonManagedKafkaEventSourceConfig", String(repeating: "g", count: 201)).count == 1)
        // A group that already committed offsets is named where Lambda ignores StartingPosition.
        let resumed = try Simulator.simulate(
            Scenarios.kafka {
                $0.topic.consumerGroupId = "orders-consumers"
                $0.topic.committedBefore = 0
            })
        #expect(
            resumed.entries.contains {
                $0.event == .note("consumer group orders-consumers has committed offsets: StartingPosition is ignored") && $0.rules.names == ["KF2"]
            })
    }

    @Test func kf3_pollingStartsLateAndLatestSkipsTheGap() throws {
        let arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 30_000), Scenarios.group(at: 90_000)]
        let latest = try Simulator.simulate(
            Scenarios.kafka {
                $0.arrivals = arrivals
                $0.mapping.startingPosition = .latest
                $0.assumptions.kafkaStartDelay = 60_000
            })
        #expect(latest.outcomes == [1: [.discarded], 2: [.discarded], 3: [.ok]])
        #expect(latest.startTimes == [90_500])
        let trimHorizon = try Simulator.simulate(
            Scenarios.kafka {
                $0.arrivals = arrivals
                $0.assumptions.kafkaStartDelay = 60_000
            })
        #expect(trimHorizon.batchItems == [[1, 2], [3]])
        #expect(trimHorizon.startTimes == [60_500, 90_500])
        #expect(trimHorizon.assumptionsUsed.contains(.kafkaStartDelay))
        #expect(try Simulator.simulate(Scenarios.kafka()).assumptionsUsed.contains(.kafkaStartDelay) == false)
    }

    @Test func kf4_aFailedBatchBlocksItsPartitionUntilTheRecordExpires() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka {
                $0.topic.partitions = 2
                $0.topic.retention = 10_000
                $0.arrivals = [
                    Scenarios.group(at: 0) { $0.partition = 0 }, Scenarios.group(at: 1_000) { $0.partition = 0 },
                    Scenarios.group(at: 1_000) { $0.partition = 1 },
                ]
                $0.function.fails = .records([1], times: nil)
            })
        // #1 fails at 0.5 s and every 1.1 s after; at 10.4 s it has left the topic (10 s
        // retention) and #2, blocked behind it, runs. Partition 1 (#3) is not blocked.
        #expect(trace.starts.filter { $0.items == [1] }.map(\.time) == [500, 1_600, 2_700, 3_800, 4_900, 6_000, 7_100, 8_200, 9_300])
        #expect(trace.starts.filter { $0.items != [1] }.map { "\($0.items)@\($0.time)" } == ["[3]@1500", "[2]@10400"])
        #expect(trace.outcomes == [1: [.discarded], 2: [.ok], 3: [.ok]])
        let blocked = trace.entries.filter { if case .shardBlocked = $0.event { true } else { false } }
        #expect(blocked.map(\.time) == [600])
        #expect(trace.assumptionsUsed.isSuperset(of: [.kafkaRetryDelay, .topicExpiry]))
    }

    @Test func kf4_segmentExpiryDropsAWholeSegmentAtItsEndPlusRetention() throws {
        let spec = { (segment: Int64?) in
            Scenarios.kafka {
                $0.topic.retention = 10_000
                $0.arrivals = [Scenarios.group(at: 0), Scenarios.group(at: 4_000)]
                $0.function.fails = .records([1], times: nil)
                $0.assumptions.topicSegment = segment
            }
        }
        // Exact (the default): #1 leaves at 10 s, found at the retry due at 10.4 s; #2,
        // blocked behind it, runs then.
        let exact = try Simulator.simulate(spec(nil))
        #expect(exact.stats.attempts == 10)
        #expect(exact.outcomes == [1: [.discarded], 2: [.ok]])
        #expect(exact.startTimes.last == 10_400)
        // 5 s segments: #1 (0 s) and #2 (4 s) share the segment [0 s, 5 s), deleted at
        // 5 s + 10 s = 15 s: #1 is retried until 14.8 s and both leave at 15.9 s.
        let segments = try Simulator.simulate(spec(5_000))
        #expect(segments.stats.attempts == 14)
        #expect(segments.startTimes.last == 14_800)
        #expect(segments.outcomes == [1: [.discarded], 2: [.discarded]])
        let discards = segments.entries.filter { if case .discarded(_, .retentionExpired) = $0.event { true } else { false } }
        #expect(discards.map(\.time) == [15_900, 15_900])
        #expect(segments.assumptionsUsed.contains(.topicExpiry))
        #expect(segments.rulesFired.contains("KF4"))
    }

    @Test func kf5_maximumRetryAttemptsCountsRetriesOnly() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka {
                $0.function.fails = .always
                $0.mapping.maximumRetryAttempts = 2
                $0.mapping.onFailure = .sqs
                $0.mapping.provisionedMinimum = 1
            })
        #expect(trace.startTimes == [500, 1_600, 2_700])
        #expect(trace.deliverySummary == ["2800 OnFailure->sqs RetryAttemptsExhausted 3 [1]"])
        let noDestination = try Simulator.simulate(
            Scenarios.kafka {
                $0.function.fails = .always; $0.mapping.maximumRetryAttempts = 0
            })
        #expect(noDestination.outcomes == [1: [.discarded]])
        #expect(noDestination.startTimes == [500])
        #expect(ScenarioValidator.validate(Scenarios.kafka { $0.mapping.maximumRetryAttempts = 10_001 }).map(\.rule) == ["KF5"])
        #expect(ScenarioValidator.validate(Scenarios.kafka { $0.mapping.maximumRecordAgeSeconds = 59 }).map(\.rule) == ["KF5"])
    }

    @Test func kf5_infiniteRetriesWithADestinationStopAfterTen() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka {
                $0.function.fails = .always; $0.mapping.onFailure = .sqs
            })
        #expect(trace.stats.attempts == 11)
        #expect(trace.deliverySummary == ["11600 OnFailure->sqs RetryAttemptsExhausted 11 [1]"])
    }

    @Test func kf5_maximumRecordAgeDiscardsOldRecords() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka {
                $0.function.fails = .always
                $0.mapping.maximumRecordAgeSeconds = 60
                $0.mapping.maximumRetryAttempts = 100
                $0.mapping.onFailure = .sns
            })
        // Attempts at 0.5 s + 1.1 s × k; the one due at 61 s finds the record 61 s old.
        #expect(trace.stats.attempts == 55)
        #expect(trace.deliverySummary == ["61000 OnFailure->sns RecordAgeExceeded 55 [1]"])
    }

    @Test func kf5_bisectIsolatesThePoisonRecord() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka(count: 4) {
                $0.mapping.batchSize = 4
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.bisectBatchOnFunctionError = true
                $0.function.fails = .records([3], times: nil)
            })
        #expect(trace.starts.map { "\($0.items)@\($0.time)" } == ["[1, 2, 3, 4]@0", "[1, 2]@1100", "[3, 4]@1200", "[3]@2300", "[4]@2400"])
        #expect(trace.outcomes == [1: [.ok], 2: [.ok], 3: [.discarded], 4: [.ok]])
        #expect(trace.rulesFired.contains("KF5"))
    }

    @Test func kf5_reportBatchItemFailuresCommitsUpToTheFirstFailure() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka(count: 4) {
                $0.mapping.batchSize = 4
                $0.mapping.maximumRetryAttempts = 1
                $0.mapping.reportBatchItemFailures = true
                $0.function.fails = .records([3], times: nil)
                $0.mapping.onFailure = .s3
            })
        #expect(trace.starts.map { "\($0.items)@\($0.time)" } == ["[1, 2, 3, 4]@0", "[3, 4]@1100"])
        #expect(trace.outcomes == [1: [.ok], 2: [.ok], 3: [.onFailure], 4: [.onFailure]])
        #expect(trace.deliverySummary == ["1200 OnFailure->s3 RetryAttemptsExhausted 2 [3, 4]"])
    }

    @Test func kf6_onFailureRecordsInTheDocumentedShape() throws {
        let toQueue = try Simulator.simulate(
            Scenarios.kafka(count: 2) {
                $0.function.fails = .always
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.onFailure = .sqs
            })
        let fields = try #require(toQueue.deliveries.first?.delivery.fields)
        #expect(fields["requestContext.condition"] == .string("RetryAttemptsExhausted"))
        #expect(fields["KafkaBatchInfo.batchSize"] == .int(2))
        #expect(fields["KafkaBatchInfo.payloadSize"] == .int(2_048))
        #expect(fields["KafkaBatchInfo.recordsInfo.orders-0.firstRecordOffset"] == .string("0"))
        #expect(fields["KafkaBatchInfo.recordsInfo.orders-0.lastRecordOffset"] == .string("1"))
        #expect(fields["KafkaBatchInfo.eventSourceArn"] == .string("arn:aws:kafka:us-east-1:123456789012:cluster/notesim/abc123"))
        #expect(fields["payload"] == .absent, "SQS and SNS destinations get metadata only")
        let toTopic = try Simulator.simulate(
            Scenarios.kafka(count: 2) {
                $0.function.fails = .always
                $0.mapping.maximumRetryAttempts = 0
                $0.mapping.onFailure = .kafka
                $0.topic.cluster = .selfManaged
            })
        let topicFields = try #require(toTopic.deliveries.first?.delivery.fields)
        #expect(topicFields["payload"] == .size(2_048), "a Kafka topic receives the failed records themselves")
        #expect(topicFields["topic"] == .string("orders-dlt"))
        #expect(topicFields["KafkaBatchInfo.eventSourceArn"] == .absent)
        #expect(toTopic.outcomes == [1: [.onFailure], 2: [.onFailure]])
        #expect(
            ScenarioValidator.validate(
                Scenarios.kafka {
                    $0.mapping.onFailure = .kafka; $0.topic.destinationTopic = "orders"
                }
            ).map(\.description) == [
                "EventSourceMapping.DestinationConfig.OnFailure: the on-failure Kafka topic must differ from the source topic 'orders' (Lambda blocks the loop) [L7]"
            ])
        #expect(ScenarioValidator.validate(Scenarios.kafka { $0.mapping.onFailure = .lambda }).map(\.rule) == ["KF6"])
        #expect(ScenarioValidator.validate(Scenarios.kinesis { $0.mapping.onFailure = .kafka }).map(\.rule) == ["K12"])
        #expect(ScenarioValidator.validate(Scenarios.async { $0.eventInvokeConfig.onFailure = .kafka }).map(\.rule) == ["KF6"])
    }

    @Test func kf7_atMostOneBatchInFlightPerPartition() throws {
        let trace = try Simulator.simulate(
            Scenarios.kafka(count: 30) {
                $0.topic.partitions = 3
                $0.mapping.batchSize = 1
                $0.function.durations = [1_000]
            })
        #expect(trace.stats.maxConcurrency == 3)
        #expect(trace.startTimes.last == 9_000)
        // The first poller's 5 batches cover the 3 partitions: nothing waits for a poller
        // (scaling: KafkaScalingRuleTests).
        #expect(!trace.assumptionsUsed.contains(.kafkaPollerBatches))
    }

    @Test func kf8_provisionedPollerRanges() throws {
        let rules = { (minimum: Int?, maximum: Int?) in
            ScenarioValidator.validate(
                Scenarios.kafka {
                    $0.mapping.provisionedMinimum = minimum
                    $0.mapping.provisionedMaximum = maximum
                }
            ).map(\.rule)
        }
        #expect(rules(1, 1).isEmpty)
        #expect(rules(200, 2_000).isEmpty)
        #expect(rules(0, nil) == ["KF8"])
        #expect(rules(nil, 2_001) == ["KF8"])
        #expect(rules(5, 3) == ["KF8"])
        #expect(
            ScenarioValidator.validate(
                Scenarios.kafka {
                    $0.mapping.maximumConcurrency = 5; $0.mapping.explicitlySet = ["ScalingConfig"]
                }
            ).map(\.rule) == ["KF8"])
        let capped = try Simulator.simulate(
            Scenarios.kafka {
                $0.topic.partitions = 3; $0.mapping.provisionedMinimum = 1; $0.mapping.provisionedMaximum = 10
            })
        #expect(capped.entries.contains { $0.event == .note("Lambda caps MaximumPollers (10) at the topic's 3 partitions") && $0.rules.names == ["KF8"] })
        // KF5: the controls outside provisioned mode are simulated, with a note.
        let note = try Simulator.simulate(Scenarios.kafka { $0.mapping.maximumRetryAttempts = 1 })
        #expect(note.entries.contains { if case .note(let text) = $0.event { text.contains("provisioned mode") } else { false } })
    }

    @Test func kf9_functionTimeoutIsAtMost14Minutes() throws {
        #expect(
            ScenarioValidator.validate(Scenarios.kafka { $0.function.timeoutSeconds = 841 }).map(\.description) == [
                "function.Timeout: Timeout must be 1–840 seconds for a Kafka event source mapping (AWS limit), not 841 [KF9]"
            ])
        #expect(ScenarioValidator.validate(Scenarios.kafka { $0.function.timeoutSeconds = 840 }).isEmpty)
        #expect(ScenarioValidator.validate(Scenarios.kinesis { $0.function.timeoutSeconds = 900 }).isEmpty)
    }
}

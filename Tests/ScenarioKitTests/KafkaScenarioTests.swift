import LambdaSimulator
import ScenarioKit
import Testing

/// Kafka scenarios as notes write them (issue 24): the `topic` section, `partition` and `key`
/// on records, a Kafka topic as destination, and the claims that apply to a Kafka mapping.
@Suite struct KafkaScenarioTests {
    /// A poison record blocks partition 0 for three attempts, then goes to a Kafka topic;
    /// the key `user-7` lands on partition 0 too and waits, partition 1 flows meanwhile.
    /// Claims follow from line 13.
    private static let poison = """
        mode: kafka
        topic: { cluster: self-managed, partitions: 2, name: orders, destination: orders-failed }
        function: { duration: 100ms, fails: { records: [1] } }
        EventSourceMapping:
          BatchSize: 1
          MaximumRetryAttempts: 2
          ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2 }
          DestinationConfig: { OnFailure: kafka }
        records:
          - { at: 0s, partition: 0 }
          - { at: 200ms, count: 2, key: user-7 }
          - { at: 200ms, partition: 1 }
        expect:

        """

    /// Parse and validation problems of a block that starts on line 1 of `content/a.md`.
    private static func problems(_ yaml: String) -> [String] {
        let (document, diagnostics) = ScenarioParser.parse(yaml, path: "content/a.md", firstLine: 1)
        let validation = document.map { document in document.validationIssues.map { document.diagnostic(for: $0, path: "content/a.md") } } ?? []
        return (diagnostics + validation).map(\.formatted)
    }

    @Test func claimsAboutBatchesOrderAndDeliveries() {
        let claims = """
              batches-at: [0s, 200ms, 1.1s, 2.2s, 2.3s, 2.4s]
              batches: [[1], [4], [1], [1], [2], [3]]
              order: preserved
              outcomes: { ok: 3, on-failure: 1 }
              deliveries:
                - { to: OnFailure, at: 2.3s, condition: RetryAttemptsExhausted, approximateInvokeCount: 3, items: [1], fields: { topic: orders-failed } }
            """
        #expect(
            ScenarioVerdicts.of(Self.poison + claims) == ["pass batches-at", "pass batches", "pass order", "pass outcomes", "pass deliveries"])
    }

    /// KF1 with `kafka-batch-scope: mixed`: one payload of both partitions, its on-failure
    /// record with an entry per partition, and a wrong batch claim that names the real batch.
    @Test func kf1_claimsAboutAMixedBatch() {
        let mixed = """
            mode: kafka
            topic: { partitions: 2 }
            function: { duration: 100ms, fails: always }
            EventSourceMapping:
              MaximumRetryAttempts: 0
              ProvisionedPollerConfig: { MinimumPollers: 1 }
              DestinationConfig: { OnFailure: sqs }
            assume: { kafka-batch-scope: mixed }
            records:
              - { at: 0s, count: 3 }
            expect:

            """
        let claims = """
              batches: [[1, 2, 3]]
              batches-at: [500ms]
              order: preserved
              deliveries:
                - to: OnFailure
                  at: 600ms
                  items: [1, 2, 3]
                  fields:
                    KafkaBatchInfo.recordsInfo.orders-0.lastRecordOffset: "1"
                    KafkaBatchInfo.recordsInfo.orders-1.lastRecordOffset: "0"
              assumptions: [kafka-batch-scope]
            """
        #expect(
            ScenarioVerdicts.of(mixed + claims) == ["pass batches", "pass batches-at", "pass order", "pass deliveries", "pass assumptions"])
        #expect(
            ScenarioVerdicts.of(mixed + "  batches: [[1, 3], [2]]\n") == [
                "content/a.md:12:3: error: expected 2 batches, the simulator invoked 1 (sizes 3) [expect.batches]"
            ])
    }

    @Test func wrongWordsAndRangesAreErrorsAtTheirPlace() {
        let cluster = Self.problems("mode: kafka\ntopic: { cluster: msc }\nrecords:\n  - at: 0s\n")
        #expect(cluster == ["content/a.md:2:19: error: cluster must be msk or self-managed, not 'msc'; did you mean 'msk'? [scenario.value]"])
        let misplaced = Self.problems("mode: kinesis\ntopic: { partitions: 2 }\nrecords:\n  - at: 0s\n")
        #expect(misplaced == ["content/a.md:2:1: error: 'topic' describes the Kafka topic of a kafka scenario, not a kinesis one [scenario.unsupported]"])
        let partition = Self.problems("mode: kafka\ntopic: { partitions: 2 }\nrecords:\n  - { at: 0s, partition: 2 }\n")
        #expect(partition == ["content/a.md:4:26: error: partition must be 0–1 (the topic has 2), not 2 (rule KF1) [scenario.range]"])
        // KF2: a consumer group is a Kafka mapping's, in its cluster's config.
        let group = Self.problems(
            "mode: kinesis\nEventSourceMapping:\n  AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: g }\nrecords:\n  - at: 0s\n")
        #expect(
            group == ["content/a.md:3:40: error: 'AmazonManagedKafkaEventSourceConfig' configures a Kafka mapping, not a kinesis one [scenario.unsupported]"])
        let selfManaged = Self.problems(
            "mode: kafka\ntopic: { cluster: self-managed }\nEventSourceMapping:\n  SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: g }\nrecords:\n  - at: 0s\n"
        )
        #expect(selfManaged.isEmpty)
    }
}

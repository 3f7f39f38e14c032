import LambdaSimulator
import ScenarioKit
import Testing

/// Amazon MQ and DocumentDB scenarios as notes write them (issue 24): the `broker` and
/// `cluster` sections, `DocumentDBEventSourceConfig`, and their errors at their place.
@Suite struct BrokerScenarioTests {
    /// Parse and validation problems of a block that starts on line 1 of `content/a.md`.
    private static func problems(_ yaml: String) -> [String] {
        let (document, diagnostics) = ScenarioParser.parse(yaml, path: "content/a.md", firstLine: 1)
        let validation = document.map { document in document.validationIssues.map { document.diagnostic(for: $0, path: "content/a.md") } } ?? []
        return (diagnostics + validation).map(\.formatted)
    }

    @Test func readsTheBrokerAndTheCluster() throws {
        let (mq, _) = ScenarioParser.parse("mode: mq\nbroker: { engine: rabbitmq, queue: jobs }\nrecords:\n  - at: 0s\n", path: "a.md", firstLine: 1)
        #expect(mq?.spec.broker.engine == .rabbitmq)
        #expect(mq?.spec.broker.queue == "jobs")
        let yaml = """
            mode: documentdb
            cluster: { version: "4.0", type: regional, change-stream-retention: 1h }
            EventSourceMapping:
              DocumentDBEventSourceConfig: { DatabaseName: shop, CollectionName: orders, FullDocument: UpdateLookup }
            records:
              - at: 0s
            """
        let (document, diagnostics) = ScenarioParser.parse(yaml, path: "a.md", firstLine: 1)
        #expect(diagnostics.isEmpty)
        #expect(document?.spec.changeStream.retention == 3_600_000)
        #expect(document?.spec.changeStream.collectionName == "orders")
        #expect(document?.spec.changeStream.fullDocument == .updateLookup)
        #expect(document?.validationIssues.isEmpty == true)
    }

    @Test func wrongWordsAndSettingsAreErrors() {
        #expect(
            Self.problems("mode: mq\nbroker: { engine: activmq }\nrecords:\n  - at: 0s\n") == [
                "content/a.md:2:19: error: engine must be activemq or rabbitmq, not 'activmq'; did you mean 'activemq'? [scenario.value]"
            ])
        #expect(
            Self.problems("mode: mq\nEventSourceMapping: { MaximumRetryAttempts: 2 }\nrecords:\n  - at: 0s\n") == [
                "content/a.md:2:45: error: MaximumRetryAttempts is not supported for Amazon MQ; the broker redelivers failed messages (rule M6) [scenario.unsupported]"
            ])
        #expect(
            Self.problems(
                "mode: documentdb\ncluster: { type: elastc }\nEventSourceMapping: { DocumentDBEventSourceConfig: { DatabaseName: shop } }\nrecords:\n  - at: 0s\n"
            ) == [
                "content/a.md:2:18: error: type must be instance-based, regional, elastic, global, not 'elastc'; did you mean 'elastic'? [scenario.value]"
            ])
        #expect(
            Self.problems("mode: sqs\nbroker: { engine: activemq }\nrecords:\n  - at: 0s\n") == [
                "content/a.md:2:1: error: 'broker' describes the Amazon MQ broker of an mq scenario, not an sqs one [scenario.unsupported]"
            ])
    }

    /// AWS rejects a DocumentDB mapping without DatabaseName (D2), and AT_TIMESTAMP without
    /// StartingPositionTimestamp (K3, KF2, D2); so do notes, at the mapping's place.
    @Test func aMissingDatabaseNameOrStartingTimestampIsAnError() {
        #expect(
            Self.problems("mode: documentdb\nrecords:\n  - at: 0s\n") == [
                "content/a.md:1:1: error: a DocumentDB mapping needs a DocumentDBEventSourceConfig.DatabaseName (rule D2) [scenario.combination]"
            ])
        #expect(
            Self.problems("mode: kinesis\nEventSourceMapping: { StartingPosition: AT_TIMESTAMP }\nrecords:\n  - at: 0s\n") == [
                "content/a.md:2:41: error: StartingPosition AT_TIMESTAMP needs a StartingPositionTimestamp, the time reading starts from (rule K3) [scenario.combination]"
            ])
        #expect(
            Self.problems("mode: kinesis\nEventSourceMapping: { StartingPosition: AT_TIMESTAMP, StartingPositionTimestamp: -1h }\nrecords:\n  - at: 0s\n")
                .isEmpty)
        #expect(
            Self.problems("mode: kafka\nEventSourceMapping: { StartingPosition: AT_TIMESTAMP }\nrecords:\n  - at: 0s\n") == [
                "content/a.md:2:41: error: StartingPosition AT_TIMESTAMP needs a StartingPositionTimestamp, the time reading starts from (rule KF2) [scenario.combination]"
            ])
        #expect(
            Self.problems("mode: sqs-fifo\nEventSourceMapping: { MaximumBatchingWindowInSeconds: 0 }\nrecords:\n  - at: 0s\n").isEmpty, "Q6: 0 is no window")
    }
}

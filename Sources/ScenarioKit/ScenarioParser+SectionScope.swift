import LambdaSimulator
import NotesCore
import NotesYAML

extension ScenarioParser {
    /// A top-level section that describes one kind of invocation, and the modes it belongs to.
    struct SectionScope {
        let key: String
        /// What the section describes, for the error: "the SQS queue of an sqs or sqs-fifo scenario".
        let describes: String
        let applies: @Sendable (InvocationMode) -> Bool
    }

    /// Every section that belongs to some modes only. Why one table: a section read in a mode
    /// it does not belong to was ignored without a word (`queue: { VisibilityTimeout: -5 }`
    /// in an async scenario passed), so a learner believed the setting took effect.
    static let sectionScopes: [SectionScope] = [
        SectionScope(key: "EventInvokeConfig", describes: "the asynchronous invocation settings of an async scenario") { $0 == .async },
        SectionScope(key: "DeadLetterConfig", describes: "the dead-letter queue of an async scenario") { $0 == .async },
        SectionScope(key: "queue", describes: "the SQS queue of an sqs or sqs-fifo scenario") { $0.eventSource == .queue },
        SectionScope(key: "stream", describes: "the stream of a kinesis or dynamodb scenario") { $0.eventSource == .stream },
        SectionScope(key: "topic", describes: "the Kafka topic of a kafka scenario") { $0 == .kafka },
        SectionScope(key: "broker", describes: "the Amazon MQ broker of an mq scenario") { $0 == .mq },
        SectionScope(key: "cluster", describes: "the DocumentDB cluster of a documentdb scenario") { $0 == .documentdb },
        SectionScope(
            key: "EventSourceMapping", describes: "an event source mapping (sqs, sqs-fifo, kinesis, dynamodb, kafka, mq or documentdb)"
        ) { $0.eventSource != nil },
    ]

    /// The readers of the sections that belong to some modes only, in the order they are
    /// read; made once, not per block.
    static let sectionReaders: [(key: String, read: @Sendable (YAMLNode, inout ScenarioSpec, inout ScenarioReader) -> Void)] = [
        ("EventInvokeConfig", readEventInvokeConfig), ("DeadLetterConfig", readDeadLetterConfig), ("queue", readQueue),
        ("stream", readStream), ("topic", readTopic), ("broker", readBroker), ("cluster", readCluster), ("EventSourceMapping", readMapping),
    ]

    /// Whether section `key` (its `node`) belongs to `mode`; when it does not, an error at
    /// the section, which is then not read.
    static func belongs(_ key: String, _ node: YAMLNode, to mode: InvocationMode, _ reader: inout ScenarioReader) -> Bool {
        guard let scope = sectionScopes.first(where: { $0.key == key }), !scope.applies(mode) else { return true }
        reader.error("scenario.unsupported", at: node, "'\(key)' describes \(scope.describes), not \(Verifier.modeWithArticle(mode)) one")
        return false
    }
}

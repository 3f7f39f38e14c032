import LambdaSimulator
import NotesCore
import NotesYAML

extension ScenarioParser {
    /// A top-level section that describes one kind of invocation: the modes it belongs to,
    /// and how it is read.
    struct SectionScope: Sendable {
        let key: String
        /// What the section describes, for the error: "the SQS queue of an sqs or sqs-fifo scenario".
        let describes: String
        let applies: @Sendable (InvocationMode) -> Bool
        let read: @Sendable (YAMLNode, inout ScenarioSpec, inout ScenarioReader) -> Void
    }

    /// Every section that belongs to some modes only, in the order they are read. Why one
    /// table: a section read in a mode it does not belong to was ignored without a word
    /// (`queue: { VisibilityTimeout: -5 }` in an async scenario passed), so a learner believed
    /// the setting took effect; a section is read only through its entry here.
    static let sectionScopes: [SectionScope] = [
        SectionScope(
            key: "EventInvokeConfig", describes: "the asynchronous invocation settings of an async scenario", applies: { $0 == .async },
            read: readEventInvokeConfig),
        SectionScope(key: "DeadLetterConfig", describes: "the dead-letter queue of an async scenario", applies: { $0 == .async }, read: readDeadLetterConfig),
        SectionScope(key: "queue", describes: "the SQS queue of an sqs or sqs-fifo scenario", applies: { $0.eventSource == .queue }, read: readQueue),
        SectionScope(key: "stream", describes: "the stream of a kinesis or dynamodb scenario", applies: { $0.eventSource == .stream }, read: readStream),
        SectionScope(key: "topic", describes: "the Kafka topic of a kafka scenario", applies: { $0 == .kafka }, read: readTopic),
        SectionScope(key: "broker", describes: "the Amazon MQ broker of an mq scenario", applies: { $0 == .mq }, read: readBroker),
        SectionScope(key: "cluster", describes: "the DocumentDB cluster of a documentdb scenario", applies: { $0 == .documentdb }, read: readCluster),
        SectionScope(
            key: "EventSourceMapping", describes: "an event source mapping (sqs, sqs-fifo, kinesis, dynamodb, kafka, mq or documentdb)",
            applies: { $0.eventSource != nil }, read: readMapping),
    ]

    /// Reads each of these sections the block has, when it belongs to `mode`; one that does
    /// not is an error at the section, and is not read.
    static func readScopedSections(_ keys: TopLevelKeys, mode: InvocationMode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for scope in sectionScopes {
            guard let node = keys.value(scope.key) else { continue }
            if scope.applies(mode) {
                scope.read(node, &spec, &reader)
            } else {
                // At the key, as an input list of the wrong kind (`records:` in sync) is.
                reader.error(
                    "scenario.unsupported", at: keys.keyNode(scope.key) ?? node,
                    "'\(scope.key)' describes \(scope.describes), not \(Verifier.modeWithArticle(mode)) one")
            }
        }
    }
}

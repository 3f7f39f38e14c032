import LambdaSimulator
import NotesCore
import NotesYAML

extension ScenarioParser {
    /// `topic: {cluster, partitions, retention, name, destination, committed-before}`: the
    /// Kafka topic a `kafka` mapping reads (KF1–KF6). Its own section because a topic has
    /// partitions and a cluster kind, not shards.
    static func readTopic(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        let known = ["cluster", "partitions", "retention", "name", "destination", "committed-before"]
        for (key, _, value) in reader.mapping(node, at: "topic", known: known) {
            let path = "topic.\(key)"
            switch key {
            case "cluster":
                guard let text = reader.string(value, path) else { continue }
                if let cluster = TopicSpec.Cluster(rawValue: text) {
                    spec.topic.cluster = cluster
                } else {
                    let suggestion = Suggestion.closest(to: text, among: TopicSpec.Cluster.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                    reader.error("scenario.value", at: value, "cluster must be msk or self-managed, not '\(text)'\(suggestion)")
                }
            case "partitions": if let count = reader.int(value, path) { spec.topic.partitions = count }
            case "retention": if let time = reader.duration(value, path) { spec.topic.retention = time }
            case "name": if let name = reader.string(value, path) { spec.topic.name = name }
            case "destination": if let name = reader.string(value, path) { spec.topic.destinationTopic = name }
            case "committed-before": spec.topic.committedBefore = reader.duration(value, path, allowNegative: true)
            default: break
            }
        }
    }

    /// `EventSourceMapping.AmazonManagedKafkaEventSourceConfig` or
    /// `SelfManagedKafkaEventSourceConfig: {ConsumerGroupId}` (KF2): Kafka mappings only;
    /// which of the two fits the cluster is the validator's to say.
    static func readKafkaConfig(_ node: YAMLNode, path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        guard spec.mode == .kafka else {
            reader.error("scenario.unsupported", at: node, "'\(reader.leaf(path))' configures a Kafka mapping, not a \(spec.mode.rawValue) one")
            return
        }
        for (_, _, value) in reader.mapping(node, at: path, known: ["ConsumerGroupId"]) {
            if let id = reader.string(value, "\(path).ConsumerGroupId") { spec.topic.consumerGroupId = id }
        }
    }
}

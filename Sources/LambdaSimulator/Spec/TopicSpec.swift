/// The Apache Kafka topic a `kafka` mapping reads, and the cluster that holds it (KF1–KF8).
///
/// Kept apart from `StreamSpec` because a topic's partitions, retention and cluster kind
/// follow Kafka's rules, not Kinesis's (Kafka keeps records 7 days by default).
public struct TopicSpec: Sendable, Hashable {
    /// Amazon MSK or a self-managed Apache Kafka cluster: the same mapping rules, a different
    /// event source (and on-failure record: no ARN for a self-managed cluster).
    public enum Cluster: String, Sendable, Hashable, CaseIterable {
        case msk
        case selfManaged = "self-managed"
    }

    public var cluster: Cluster = .msk
    /// Partitions of the topic, 1–10,000 [1].
    public var partitions: Int = 1
    /// Topic retention (`retention.ms`), in ms [7 days, Kafka's default].
    public var retention: Int64 = 7 * 24 * 3_600_000
    /// The topic's name, as on-failure records and a Kafka destination name it.
    public var name = "orders"
    /// A Kafka on-failure destination topic (`kafka://name`, KF6); nil: `<name>-dlt`.
    public var destinationTopic: String?
    /// The consumer group already committed every record produced before this time, ms;
    /// then Lambda ignores StartingPosition (KF2). nil: a new group.
    public var committedBefore: Int64?
    /// `AmazonManagedKafkaEventSourceConfig` / `SelfManagedKafkaEventSourceConfig`
    /// `.ConsumerGroupId` (KF2: create-only, 1–200 characters); nil: not set.
    public var consumerGroupId: String?

    /// The mapping key that carries `ConsumerGroupId` for this cluster (KF2).
    public var consumerGroupConfigKey: String {
        switch cluster {
        case .msk: "AmazonManagedKafkaEventSourceConfig"
        case .selfManaged: "SelfManagedKafkaEventSourceConfig"
        }
    }

    public init() {}

    /// The destination topic's name (KF6).
    public var failureTopic: String { destinationTopic ?? name + "-dlt" }
}

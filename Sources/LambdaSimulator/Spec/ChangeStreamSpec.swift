/// The Amazon DocumentDB cluster and change stream a `documentdb` mapping reads (D2–D4).
///
/// Apart from `MappingSpec` because the database, collection and cluster are what AWS checks
/// for a DocumentDB mapping (`DocumentDBEventSourceConfig`, supported clusters), and the
/// change stream's retention decides when a failing batch disables the mapping (D3).
public struct ChangeStreamSpec: Sendable, Hashable {
    /// Cluster kinds; Lambda supports instance-based and regional clusters only (D4).
    public enum ClusterType: String, Sendable, Hashable, CaseIterable {
        case instanceBased = "instance-based"
        case regional
        case elastic
        case global
    }

    /// `DocumentDBEventSourceConfig.FullDocument` (D2).
    public enum FullDocument: String, Sendable, Hashable, CaseIterable {
        case updateLookup = "UpdateLookup"
        case `default` = "Default"
    }

    /// The engine version, such as "5.0"; Lambda supports 4.0 and 5.0 (D4).
    public var version = "5.0"
    public var clusterType: ClusterType = .instanceBased
    /// `DocumentDBEventSourceConfig.DatabaseName`, which AWS requires (D2); defaulted, as
    /// StartingPosition is, so that a short scenario runs.
    public var databaseName = "notesim"
    /// `CollectionName`; nil: every collection of the database (D2).
    public var collectionName: String?
    public var fullDocument: FullDocument = .default
    /// How long the change stream keeps an event, ms (`change_stream_log_retention_duration`,
    /// DocumentDB's default 3 h; §17).
    public var retention: Int64 = 3 * 3_600_000

    public init() {}
}

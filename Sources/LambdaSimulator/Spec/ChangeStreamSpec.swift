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

    /// What a change event records (D2): inserts and replacements carry the whole document,
    /// updates only with `FullDocument: UpdateLookup`, deletes never (the change-stream
    /// fields `fullDocument` and `updateDescription`; inferred, AWS states only the setting).
    public enum Operation: String, Sendable, Hashable, CaseIterable {
        case insert, update, replace, delete
    }

    /// The engine version, such as "5.0"; Lambda supports 4.0 and 5.0 (D4).
    public var version = "5.0"
    public var clusterType: ClusterType = .instanceBased
    /// `DocumentDBEventSourceConfig.DatabaseName`, which AWS requires (D2): empty until a
    /// scenario names it, and validation rejects a mapping without it, as AWS does.
    public var databaseName = ""
    /// `CollectionName`; nil: every collection of the database (D2).
    public var collectionName: String?
    public var fullDocument: FullDocument = .default
    /// How long the change stream keeps an event, ms (`change_stream_log_retention_duration`,
    /// DocumentDB's default 3 h; §17).
    public var retention: Int64 = 3 * 3_600_000

    public init() {}

    /// The bytes of the full document a change event carries (D2): all of `document` for
    /// inserts and replacements, for updates only with UpdateLookup, none for deletes.
    public func fullDocumentBytes(_ operation: Operation, document: Int64) -> Int64 {
        switch operation {
        case .insert, .replace: document
        case .update: fullDocument == .updateLookup ? document : 0
        case .delete: 0
        }
    }

    /// Whether the mapping reads events of `collection` (D2: all collections of the database
    /// when CollectionName is absent; an event with no collection is the mapping's own).
    public func reads(collection: String?) -> Bool {
        guard let wanted = collectionName, let collection else { return true }
        return collection == wanted
    }
}

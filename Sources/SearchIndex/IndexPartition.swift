import NotesCore

/// The index is merged in partitions, one core per partition at a time: every term of one
/// shard falls in the same partition, so each partition writes whole shards.
enum IndexPartition {
    static let count = 32

    /// The partition of a term: a hash of its shard's key.
    static func of(term: String) -> Int {
        of(shardKey: SearchTokenizer.shardKey(of: term))
    }

    static func of(shardKey: String) -> Int {
        Int(FNV1a.hash(shardKey.utf8) % UInt64(count))
    }
}

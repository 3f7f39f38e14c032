/// The index is merged in partitions, one core per partition at a time: every term of one
/// shard falls in the same partition (`TermKey.partition`), so each partition writes whole
/// shards.
enum IndexPartition {
    static let count = 32
}

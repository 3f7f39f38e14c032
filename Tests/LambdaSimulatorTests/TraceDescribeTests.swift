import LambdaSimulator
import Testing

/// The words of a trace's lines: a Kafka topic's numbered parts are partitions counted from 0
/// as Kafka counts them (KF1; the trace keeps them as shards from 1), a stream's are shards.
@Suite struct TraceDescribeTests {
    private func line(_ event: TraceEvent, _ mode: InvocationMode) -> String {
        var text = ""
        Trace.describe(event, into: &text, padded: false, shards: mode.shardNaming)
        return text
    }

    @Test func kf1_aKafkaRecordLandsInAPartition() {
        #expect(line(.arrival(item: 1, size: 1024, shard: 1, group: nil), .kafka) == "arrival #1 1024 B partition 0")
        #expect(line(.shardBlocked(shard: 2, items: [1, 2]), .kafka) == "blocked partition 1 by #1-2")
        #expect(line(.shardUnblocked(shard: 2), .kafka) == "unblocked partition 1")
    }

    @Test func aStreamRecordLandsInAShard() {
        #expect(line(.arrival(item: 1, size: 1024, shard: 2, group: nil), .kinesis) == "arrival #1 1024 B shard 2")
        #expect(line(.shardUnblocked(shard: 0), .dynamodb) == "unblocked shard 0")
        #expect(Trace.describe(.shardUnblocked(shard: 0)) == "unblocked shard 0")
    }
}

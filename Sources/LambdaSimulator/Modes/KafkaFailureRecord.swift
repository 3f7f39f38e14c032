/// The on-failure record of a Kafka mapping, in the shape AWS documents (KF6), and a
/// record's offset in its partition.
extension Engine {
    /// Metadata of a discarded Kafka batch: `requestContext`, `responseContext`, `version`,
    /// `timestamp` and `KafkaBatchInfo` with per `topic-partition` offsets and timestamps, one
    /// entry for each partition of the batch (KF1). S3 buckets also get the invocation
    /// payload; a Kafka topic gets the failed records themselves (KF6).
    func kafkaFailureFields(_ records: [SourceRecord], condition: String, invokeCount: Int, target: TargetKind) -> [String: FieldValue] {
        let topic = spec.topic
        let info = "KafkaBatchInfo"
        let payloadSize = records.reduce(Int64(0)) { $0 + $1.size }
        var fields = failureRecordHeader(records, condition: condition, invokeCount: invokeCount)
        fields.merge([
            "\(info).batchSize": .int(Int64(records.count)),
            "\(info).bootstrapServers": .string(
                topic.cluster == .msk ? "b-1.notesim.abc123.c1.kafka.us-east-1.amazonaws.com:9098" : "kafka.example.com:9092"),
            "\(info).eventSourceArn":
                topic.cluster == .msk ? .string("arn:aws:kafka:us-east-1:123456789012:cluster/notesim/abc123") : .absent,
            "\(info).payloadSize": .int(payloadSize),
            "payload": .absent,
        ]) { _, new in new }
        // KF1: the records of each partition, in offset order, under `<topic>-<partition>`.
        for shard in Set(records.map(\.shard)).sorted() {
            let own = records.filter { $0.shard == shard }
            let key = "\(info).recordsInfo.\(topic.name)-\(shard - 1)"
            fields["\(key).firstRecordOffset"] = .string(String(own.first?.offset ?? 0))
            fields["\(key).lastRecordOffset"] = .string(String(own.last?.offset ?? 0))
            fields["\(key).firstRecordTimestamp"] = .int(own.first?.arrival ?? 0)
            fields["\(key).lastRecordTimestamp"] = .int(own.last?.arrival ?? 0)
        }
        if invokeCount > 0 {
            fields["responseContext.statusCode"] = .int(200)
            fields["responseContext.executedVersion"] = .string("$LATEST")
            fields["responseContext.functionError"] = .string("Unhandled")
        }
        switch target {
        case .s3:
            fields["payload"] = .size(payloadSize)
        case .kafka:
            // KF6: Lambda produces the failed records themselves to the destination topic.
            fields["payload"] = .size(payloadSize)
            fields["topic"] = .string(topic.failureTopic)
        case .sqs, .sns, .lambda, .eventbridge, .sqsFIFO, .snsFIFO:
            break
        }
        return fields
    }
}

extension SourceRecord {
    /// Kafka: the record's offset in its partition (KF1). Kept in the receive-time slot,
    /// which only SQS messages use, so a million records stay as small as before.
    var offset: Int64 {
        get { lastReceive }
        set { lastReceive = newValue }
    }
}

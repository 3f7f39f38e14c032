import LambdaSimulator
import Testing
@testable import TimelineRender

/// Issue 24: a Kafka figure has a lane per partition, named as Kafka numbers them (from 0),
/// and its blocked bar names the partition; MQ and DocumentDB draw their queue or stream.
@Suite struct SourceLaneTests {
    private func laneNames(_ spec: ScenarioSpec, language: String = "en") throws -> [String] {
        let trace = try Simulator.simulate(spec)
        return TimelineLayout.layout(trace, options: TimelineOptions(language: language, title: "t")).lanes.map(\.name)
    }

    @Test func kafkaHasALanePerPartition() throws {
        var spec = ScenarioSpec(mode: .kafka)
        spec.topic.partitions = 2
        spec.arrivals = [ArrivalGroup(at: 0, count: 2)]
        spec.function.fails = .records([1], times: 1)
        let english = try laneNames(spec)
        let japanese = try laneNames(spec, language: "ja")
        #expect(english == ["Partition 0", "Partition 1", "Poller", "Env 1", "Env 2"])
        #expect(japanese == ["パーティション 0", "パーティション 1", "ポーラー", "実行環境 1", "実行環境 2"])
        let trace = try Simulator.simulate(spec)
        let model = TimelineLayout.layout(trace, options: TimelineOptions(language: "en", title: "t"))
        #expect(model.marks.contains { $0.title.hasPrefix("Partition 0 blocked") })
    }

    /// KF1, `kafka-batch-scope: mixed`: one batch of both partitions, one environment; its
    /// failure blocks both partition lanes for the same span.
    @Test func kf1_aMixedBatchBlocksEachPartitionLane() throws {
        var spec = ScenarioSpec(mode: .kafka)
        spec.topic.partitions = 2
        spec.assumptions.kafkaBatchScope = .mixed
        spec.arrivals = [ArrivalGroup(at: 0, count: 2)]
        spec.function.fails = .records([1], times: 1)
        #expect(try laneNames(spec) == ["Partition 0", "Partition 1", "Poller", "Function"])
        let trace = try Simulator.simulate(spec)
        let model = TimelineLayout.layout(trace, options: TimelineOptions(language: "en", title: "t"))
        let blocked = model.marks.filter { $0.kind == .blocked }.map(\.title)
        #expect(blocked == ["Partition 0 blocked 1.1 s", "Partition 1 blocked 1.1 s"])
        #expect(model.marks.filter { $0.kind == .batch }.map(\.title) == ["#1-2 (2 records): window", "#1-2 (2 records): retry"])
    }

    /// A batch of one record says so ("1 records" before).
    @Test func aBatchOfOneRecordIsSingular() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0)]
        let model = TimelineLayout.layout(try Simulator.simulate(spec), options: TimelineOptions(language: "en", title: "t"))
        #expect(model.marks.filter { $0.kind == .batch }.map(\.title) == ["#1 (1 record): window"])
    }

    @Test func brokersAndChangeStreamsHaveAQueueLane() throws {
        var mq = ScenarioSpec(mode: .mq)
        mq.arrivals = [ArrivalGroup(at: 0)]
        #expect(try laneNames(mq) == ["Queue", "Poller", "Function"])
        var documentdb = ScenarioSpec(mode: .documentdb)
        documentdb.changeStream.databaseName = "shop"
        documentdb.arrivals = [ArrivalGroup(at: 0)]
        #expect(try laneNames(documentdb) == ["Queue", "Poller", "Function"])
    }
}

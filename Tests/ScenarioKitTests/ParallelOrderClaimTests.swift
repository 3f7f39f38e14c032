import LambdaSimulator
import ScenarioKit
import Testing

/// K13: with `ParallelizationFactor` above 1, Lambda keeps order per partition key, not per
/// shard; the order claim judges a run by that guarantee.
@Suite struct ParallelOrderClaimTests {
    private static func block(factor: Int) -> String {
        """
        mode: kinesis
        EventSourceMapping: { BatchSize: 1, ParallelizationFactor: \(factor) }
        function: { duration: 100ms, fails: { records: [1], times: 1 } }
        records:
          - { at: 0s, partition-key: a }
          - { at: 0s, partition-key: b }
          - { at: 0s, partition-key: a }
          - { at: 0s, partition-key: b }
        expect:
          order: preserved
        """
    }

    /// Record 4 (key b) succeeds while record 1 (key a) waits for its retry: each key's
    /// records succeed in their order, which is all AWS promises. The claim failed with
    /// "#1 succeeded after #4 in shard 1".
    @Test func k13_orderIsKeptPerPartitionKey() {
        #expect(ScenarioVerdicts.of(Self.block(factor: 2)) == ["pass order"])
    }

    /// With one lane per shard the shard is the scope, and record 1's retry blocks it.
    @Test func k4_withOneLaneTheShardKeepsItsOrder() {
        #expect(ScenarioVerdicts.of(Self.block(factor: 1)) == ["pass order"])
    }

    /// The event log names the key the order is kept in.
    @Test func theArrivalNamesItsKey() throws {
        let run = ScenarioRunner.run(Self.block(factor: 2), path: "content/a.md")
        guard case .simulated(let trace) = run.status else { Issue.record("not simulated"); return }
        #expect(trace.dump.contains("arrival   #2 1024 B shard 1 key b"))
    }
}

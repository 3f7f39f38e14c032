import ScenarioKit
import Testing

/// Issue 22, point 3: `batches` takes bounds over every batch as well as one entry per batch,
/// and a bound that is not one is refused instead of failing as a count.
@Suite struct BatchClaimTests {
    /// 25 records at once, BatchSize 10: batches of 10, 10 and 5 (E2).
    private func verdicts(_ claim: String) -> [String] {
        let yaml = """
            mode: sqs
            EventSourceMapping: { BatchSize: 10, MaximumBatchingWindowInSeconds: 5 }
            records:
              - { at: 0s, count: 25 }
            expect:
              \(claim)
            """
        return ScenarioVerdicts.of(yaml)
    }

    @Test func boundsOverEveryBatch() {
        #expect(verdicts("batches: { count: 3, each: { min: 5, max: 10 } }") == ["pass batches"])
        #expect(verdicts("batches: { count: { max: 2 } }") == ["content/a.md:6:3: error: expected at most 2 batches, the simulator made 3 [expect.batches]"])
        #expect(
            verdicts("batches: { each: { min: 6 } }") == [
                "content/a.md:6:3: error: expected every batch to hold at least 6 records, batch 3 held 5 [expect.batches]"
            ])
        #expect(verdicts("batches: { each: 1 }") == ["content/a.md:6:3: error: expected every batch to hold 1 records, batch 1 held 10 [expect.batches]"])
        #expect(verdicts("batches: [10, 10, 5]") == ["pass batches"])
    }

    /// A key the bound does not have is refused at the key.
    @Test func aBoundThatIsNotOneIsRefused() {
        #expect(
            verdicts("batches: { size: 3 }") == [
                "content/a.md:6:14: error: expected { count: N, each: N } with numbers or { min, max }, such as { each: { max: 10 } } [expect.value]"
            ])
        #expect(
            verdicts("batches: { each: { most: 3 } }") == [
                "content/a.md:6:20: error: expected { count: N, each: N } with numbers or { min, max }, such as { each: { max: 10 } } [expect.value]"
            ])
        #expect(
            verdicts("batches: { count: { min: three } }") == [
                "content/a.md:6:21: error: expected a count or { min, max } such as { min: 1, max: 3 } [expect.value]"
            ])
    }
}

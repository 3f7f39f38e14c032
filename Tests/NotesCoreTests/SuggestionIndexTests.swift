import NotesCore
import Testing

/// "Did you mean" from the index gives what comparing every candidate gives, within a budget.
@Suite struct SuggestionIndexTests {
    /// The answer by brute force: every candidate's distance, the smallest within the limit,
    /// ties to the candidate that sorts first.
    private func bruteForce(_ name: String, _ candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        let limit = min(max(1, target.count / 2), target.count - 1)
        let scored = candidates.map { (Suggestion.editDistance(target, Array($0.lowercased())), $0) }.filter { $0.0 <= limit }
        return scored.min { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }?.1
    }

    @Test func agreesWithComparingEveryCandidate() {
        var generator = SplitMix(seed: 18)
        let alphabet = Array("abAB-1同期非ü")
        func word() -> String { String((0..<Int(generator.next() % 7)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }) }
        for _ in 0..<300 {
            let candidates = (0..<Int(generator.next() % 12)).map { _ in word() }
            let name = word()
            var budget = SuggestionBudget()
            #expect(SuggestionIndex(candidates).closest(to: name, budget: &budget) == bruteForce(name, candidates), "\(name) among \(candidates)")
        }
    }

    @Test func aNearMissAmongThousandsOfSimilarNamesCostsLittle() {
        let index = SuggestionIndex((1...5_000).map { "heading-\($0)" })
        var budget = SuggestionBudget()
        #expect(index.closest(to: "heading-1234x", budget: &budget) == "heading-1234")
        #expect(index.closest(to: "heading-1x", budget: &budget) == "heading-1")
        #expect(SuggestionBudget.perNote - budget.remaining < 20_000)
    }

    @Test func aSpentBudgetGivesNoHintRatherThanAWorseOne() {
        let index = SuggestionIndex(["title", "language"])
        var small = SuggestionBudget(cells: 10)
        #expect(index.closest(to: "titel", budget: &small) == nil)
        #expect(small.isExhausted)
        var enough = SuggestionBudget(cells: 1_000)
        #expect(index.closest(to: "titel", budget: &enough) == "title")
    }

    @Test func namesLongerThanTheMaximumGetNoHint() {
        let long = String(repeating: "a", count: SuggestionIndex.maximumNameLength + 1)
        var budget = SuggestionBudget()
        #expect(SuggestionIndex([long + "b"]).closest(to: long, budget: &budget) == nil)
        #expect(budget.remaining == SuggestionBudget.perNote)
    }
}

/// A small deterministic generator (SplitMix64), so the cases are the same on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// "Did you mean …?": picks the candidate closest to a misspelt name.
public enum Suggestion {
    /// The candidate with the smallest edit distance to `name`, if it is close enough to be
    /// a plausible misspelling: at most half the name's length in edits (at least one), and
    /// fewer edits than the name has characters, so a candidate always shares something.
    /// Ties go to the candidate that sorts first. Bounded by a budget of its own (see
    /// `SuggestionIndex`); callers that suggest many times over one set keep an index.
    public static func closest<S: Sequence>(to name: String, among candidates: S) -> String?
    where S.Element == String {
        var budget = SuggestionBudget()
        let index = SuggestionIndex(candidates)
        guard budget.spend(index.cost) else { return nil }
        return index.closest(to: name, budget: &budget)
    }

    /// Levenshtein distance between two character arrays.
    public static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for (i, left) in lhs.enumerated() {
            current[0] = i + 1
            for (j, right) in rhs.enumerated() {
                let substitution = previous[j] + (left == right ? 0 : 1)
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}

/// "Did you mean …?" over a fixed set of names: a trie of the lowercased names, searched
/// with one edit-distance row per trie node.
///
/// Comparing a misspelt name with every candidate made hints quadratic (5,000 near-miss
/// links against 5,000 headings took 44 s). The trie shares the rows of common prefixes and
/// drops a whole subtree as soon as every cell of its row exceeds the allowed distance; the
/// search tries distance 0, then 1, and so on, so a near miss costs a few hundred cells
/// however many names there are. Every row is paid for from a `SuggestionBudget`.
public struct SuggestionIndex: Sendable {
    /// Names longer than this (in characters) get no hint: nobody misspells them by hand,
    /// and a row per trie node costs their length.
    public static let maximumNameLength = 256

    private var names: [String] = []
    /// Per node: edges as (character code, child node).
    private var edges: [[(code: UInt32, node: Int)]] = [[]]
    /// Per node: the indices into `names` of the names that end there.
    private var ending: [[Int]] = [[]]
    /// Codes for characters made of more than one scalar (above the Unicode range).
    private var clusterCodes: [Character: UInt32] = [:]
    /// What building the index cost, in cells (one per character of every name).
    public private(set) var cost = 0

    public init<S: Sequence>(_ candidates: S) where S.Element == String {
        for name in candidates { insert(name) }
    }

    private mutating func insert(_ name: String) {
        let folded = name.lowercased()
        cost += folded.count + 1
        guard folded.count <= Self.maximumNameLength else { return }
        names.append(name)
        var node = 0
        for character in folded {
            let code = addCode(for: character)
            if let next = edges[node].first(where: { $0.code == code })?.node {
                node = next
            } else {
                edges.append([])
                ending.append([])
                edges[node].append((code, edges.count - 1))
                node = edges.count - 1
            }
        }
        ending[node].append(names.count - 1)
    }

    /// The code of a character: its scalar, or a number of its own for a cluster of several
    /// (one no name holds, when the cluster is new).
    private func code(for character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first { return scalar.value }
        return clusterCodes[character] ?? 0x11_0000 + UInt32(clusterCodes.count)
    }

    private mutating func addCode(for character: Character) -> UInt32 {
        let code = code(for: character)
        if code >= 0x11_0000 { clusterCodes[character] = code }
        return code
    }

    /// The name with the smallest edit distance to `name` (ignoring case; ties go to the
    /// name that sorts first), if it is a plausible misspelling: at most half the name's
    /// length in edits (at least one) and fewer edits than the name has characters.
    /// Nil as well when `budget` runs out before the answer is certain.
    public func closest(to name: String, budget: inout SuggestionBudget) -> String? {
        let target = name.lowercased().map(code(for:))
        guard target.count <= Self.maximumNameLength else { return nil }
        let limit = min(max(1, target.count / 2), target.count - 1)
        guard limit >= 0 else { return nil }
        for allowed in 0...limit {
            var search = Search(target: target, allowed: allowed)
            guard search.run(self, budget: &budget) else { return nil }
            if let best = search.found.map({ names[$0] }).min() { return best }
        }
        return nil
    }

    /// One depth-first pass that collects every name within `allowed` edits of `target`.
    private struct Search {
        let target: [UInt32]
        let allowed: Int
        var found: [Int] = []
        /// Rows by depth, reused between siblings.
        var rows: [[Int]] = []

        init(target: [UInt32], allowed: Int) {
            self.target = target
            self.allowed = allowed
            rows = [Array(0...target.count)]
        }

        /// False when the budget ran out.
        mutating func run(_ index: SuggestionIndex, budget: inout SuggestionBudget) -> Bool {
            visit(0, depth: 0, index, &budget)
        }

        private mutating func visit(_ node: Int, depth: Int, _ index: SuggestionIndex, _ budget: inout SuggestionBudget) -> Bool {
            if abs(target.count - depth) <= allowed, rows[depth][target.count] <= allowed { found += index.ending[node] }
            for (code, child) in index.edges[node] {
                guard budget.spend(2 * allowed + 2) else { return false }
                if rows.count == depth + 1 { rows.append(rows[depth]) }
                if fill(row: depth + 1, from: depth, code: code) <= allowed {
                    guard visit(child, depth: depth + 1, index, &budget) else { return false }
                }
            }
            return true
        }

        /// Computes row `row` (one more character, `code`) from row `from`, only in the band of
        /// cells that can be within `allowed` edits (those outside are set just above it);
        /// returns the band's smallest cell.
        private mutating func fill(row: Int, from: Int, code: UInt32) -> Int {
            var next = rows[row]
            rows[row] = []
            let previous = rows[from]
            let above = allowed + 1
            let low = max(1, row - allowed)
            let high = min(target.count, row + allowed)
            next[0] = row
            if low > 1 { next[low - 1] = above }
            var smallest = row
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (target[j - 1] == code ? 0 : 1)
                    next[j] = min(previous[j] + 1, next[j - 1] + 1, substitution, above)
                    smallest = min(smallest, next[j])
                }
            }
            if high + 1 <= target.count { next[high + 1] = above }
            rows[row] = next
            return smallest
        }
    }
}

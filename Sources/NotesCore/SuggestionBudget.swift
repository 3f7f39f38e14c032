/// How much work "did you mean" hints may still cost, in edit-distance table cells.
///
/// A hint is a courtesy on the error path, so its cost must not grow with the square of a
/// hostile input (a note with 20,000 broken links, each compared with 5,000 headings). One
/// budget is shared by every hint of one note (or of one call); when it runs out the hints
/// that remain are left out, never guessed, so a hint is always the one an unlimited search
/// would give.
public struct SuggestionBudget: Sendable {
    /// The default for one note: about 20 ms of comparisons, far beyond what a note written
    /// by hand needs (a typical hint costs a few thousand cells).
    public static let perNote = 20_000_000

    /// Cells left to spend.
    public private(set) var remaining: Int

    public init(cells: Int = perNote) {
        remaining = cells
    }

    /// Whether nothing is left.
    public var isExhausted: Bool { remaining <= 0 }

    /// Takes `cells` from the budget if it holds that many; otherwise empties it and says no.
    public mutating func spend(_ cells: Int) -> Bool {
        guard cells <= remaining else {
            remaining = 0
            return false
        }
        remaining -= cells
        return true
    }
}

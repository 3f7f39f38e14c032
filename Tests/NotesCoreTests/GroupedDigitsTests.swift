import NotesCore
import Testing

/// Counts in groups of three digits, as diagnostics, the progress line and figure
/// descriptions print them, at every length and at both ends of Int64.
@Suite struct GroupedDigitsTests {
    @Test func digitsAreGroupedByThreesFromTheRight() {
        #expect([0, 7, 999, 1_000, 12_345, 999_999, 1_209_742].map { GroupedDigits.text($0) } == ["0", "7", "999", "1,000", "12,345", "999,999", "1,209,742"])
        #expect(GroupedDigits.text(-1_234_567) == "-1,234,567")
        #expect(GroupedDigits.text(Int64.max) == "9,223,372,036,854,775,807")
        #expect(GroupedDigits.text(Int64.min) == "-9,223,372,036,854,775,808")
    }
}

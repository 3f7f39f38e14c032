/// A whole number with its digits in groups of three (`1,209,742`), as people read counts:
/// in diagnostics, the progress line and figure descriptions alike.
public enum GroupedDigits {
    /// `value` grouped by commas, with a leading `-` when negative.
    public static func text(_ value: Int64) -> String {
        // Most counts a figure states are under a thousand: no group to make.
        if value.magnitude < 1_000 { return String(value) }
        var digits = Array(String(value.magnitude))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return (value < 0 ? "-" : "") + String(digits)
    }

    /// `value` grouped by commas.
    public static func text(_ value: Int) -> String {
        text(Int64(value))
    }
}

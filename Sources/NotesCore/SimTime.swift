/// A simulated instant or duration in whole milliseconds: no floating point, no clock.
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public static let zero = SimTime(milliseconds: 0)

    public static func ms(_ value: Int64) -> SimTime { SimTime(milliseconds: value) }
    public static func seconds(_ value: Int64) -> SimTime { SimTime(milliseconds: value * 1_000) }
    public static func minutes(_ value: Int64) -> SimTime { SimTime(milliseconds: value * 60_000) }
    public static func hours(_ value: Int64) -> SimTime { SimTime(milliseconds: value * 3_600_000) }

    public static func < (lhs: SimTime, rhs: SimTime) -> Bool { lhs.milliseconds < rhs.milliseconds }
    public static func + (lhs: SimTime, rhs: SimTime) -> SimTime { SimTime(milliseconds: lhs.milliseconds + rhs.milliseconds) }
    public static func - (lhs: SimTime, rhs: SimTime) -> SimTime { SimTime(milliseconds: lhs.milliseconds - rhs.milliseconds) }
    public static func += (lhs: inout SimTime, rhs: SimTime) { lhs.milliseconds += rhs.milliseconds }

    /// Whole seconds, rounded up (as AWS compares event ages).
    public var secondsRoundedUp: Int64 {
        milliseconds >= 0 ? (milliseconds + 999) / 1_000 : -((-milliseconds) / 1_000)
    }

    /// A compact English rendering: `850 ms`, `12.5 s`, `2 min 30 s`, `1 h 5 min`, with a
    /// leading `-` for negative values.
    public var description: String { DurationText.english(milliseconds) }
}

/// Formats millisecond durations with integer arithmetic only.
public enum DurationText {
    /// Units for one language.
    public struct Units: Sendable {
        public var ms: String
        public var s: String
        public var min: String
        public var h: String
        public var d: String
        public var separator: String

        public static let english = Units(ms: " ms", s: " s", min: " min", h: " h", d: " d", separator: " ")
        public static let japanese = Units(ms: "ミリ秒", s: "秒", min: "分", h: "時間", d: "日", separator: "")
    }

    /// `850 ms`, `12.5 s`, `2 min 30 s`, `1 h 5 min`, `3 d 4 h`.
    public static func english(_ milliseconds: Int64) -> String {
        format(milliseconds, units: .english)
    }

    /// `850ミリ秒`, `12.5秒`, `2分30秒`, `1時間5分`.
    public static func japanese(_ milliseconds: Int64) -> String {
        format(milliseconds, units: .japanese)
    }

    public static func format(_ milliseconds: Int64, units: Units) -> String {
        var text = ""
        write(milliseconds, units: units, into: &text)
        return text
    }

    /// Writes `format(milliseconds, units:)` into a sink, piece by piece: an event log page
    /// writes one per row, up to 2,000.
    public static func write(_ milliseconds: Int64, units: borrowing Units, into out: inout some TextSink) {
        if milliseconds < 0 {
            out.literal("-")
            return write(milliseconds == .min ? .max : -milliseconds, units: units, into: &out)
        }
        if milliseconds < 1_000 { return number(milliseconds, units.ms, into: &out) }
        let tenths = rounded(milliseconds, to: 100)
        if tenths < 600 {
            out.integer(Int(tenths / 10))
            if tenths % 10 != 0 { out.literal("."); out.integer(Int(tenths % 10)) }
            return out.text(units.s)
        }
        // Past a day, days and hours: `38177 h 29 min` read as nothing a reader pictures.
        let (large, small, largeUnit, smallUnit): (Int64, Int64, String, String) =
            if milliseconds < 3_599_500 {
                (rounded(milliseconds, to: 1_000) / 60, rounded(milliseconds, to: 1_000) % 60, units.min, units.s)
            } else if rounded(milliseconds, to: 60_000) < 24 * 60 {
                (rounded(milliseconds, to: 60_000) / 60, rounded(milliseconds, to: 60_000) % 60, units.h, units.min)
            } else {
                (rounded(milliseconds, to: 3_600_000) / 24, rounded(milliseconds, to: 3_600_000) % 24, units.d, units.h)
            }
        number(large, largeUnit, into: &out)
        if small != 0 {
            out.text(units.separator)
            number(small, smallUnit, into: &out)
        }
    }

    /// An instant to the millisecond in English (`writeExact`): `1.05 s`, `2 min 30.25 s`.
    public static func exactEnglish(_ milliseconds: Int64) -> String {
        var text = ""
        writeExact(milliseconds, units: .english, into: &text)
        return text
    }

    /// Writes an instant to the millisecond: `850 ms`, `1.05 s`, `2 min 30.25 s`, `1 h 5 s`,
    /// `2 d 1 h` (the parts that are not zero).
    ///
    /// An event log lists events a few milliseconds apart: rounded as `write` rounds a
    /// duration, 1,050 ms and 1,100 ms both read `1.1 s`.
    public static func writeExact(_ milliseconds: Int64, units: borrowing Units, into out: inout some TextSink) {
        if milliseconds < 0 {
            out.literal("-")
            return writeExact(milliseconds == .min ? .max : -milliseconds, units: units, into: &out)
        }
        if milliseconds < 1_000 { return number(milliseconds, units.ms, into: &out) }
        let days = milliseconds / 86_400_000
        let hours = milliseconds / 3_600_000 % 24
        let minutes = milliseconds / 60_000 % 60
        let seconds = milliseconds % 60_000
        if days > 0 { number(days, units.d, into: &out) }
        if hours > 0 {
            if days > 0 { out.text(units.separator) }
            number(hours, units.h, into: &out)
        }
        if minutes > 0 {
            if days > 0 || hours > 0 { out.text(units.separator) }
            number(minutes, units.min, into: &out)
        }
        guard seconds > 0 else { return }
        if days > 0 || hours > 0 || minutes > 0 { out.text(units.separator) }
        out.integer(Int(seconds / 1_000))
        var fraction = seconds % 1_000
        if fraction > 0 {
            var digits = 3
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            out.literal(".")
            for _ in 0..<(digits - decimalLength(fraction)) { out.literal("0") }
            out.integer(Int(fraction))
        }
        out.text(units.s)
    }

    /// How many decimal digits `value` (0 < value < 1,000) has.
    private static func decimalLength(_ value: Int64) -> Int {
        value >= 100 ? 3 : value >= 10 ? 2 : 1
    }

    private static func number(_ value: Int64, _ unit: String, into out: inout some TextSink) {
        out.integer(Int(value))
        out.text(unit)
    }

    /// `value / unit` rounded half up, without adding first (no overflow near `Int64.max`).
    private static func rounded(_ value: Int64, to unit: Int64) -> Int64 {
        value / unit + (value % unit >= unit / 2 ? 1 : 0)
    }
}

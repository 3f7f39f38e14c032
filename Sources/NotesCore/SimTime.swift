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
        public var separator: String

        public static let english = Units(ms: " ms", s: " s", min: " min", h: " h", separator: " ")
        public static let japanese = Units(ms: "ミリ秒", s: "秒", min: "分", h: "時間", separator: "")
    }

    /// `850 ms`, `12.5 s`, `2 min 30 s`, `1 h 5 min`.
    public static func english(_ milliseconds: Int64) -> String {
        format(milliseconds, units: .english)
    }

    /// `850ミリ秒`, `12.5秒`, `2分30秒`, `1時間5分`.
    public static func japanese(_ milliseconds: Int64) -> String {
        format(milliseconds, units: .japanese)
    }

    public static func format(_ milliseconds: Int64, units: Units) -> String {
        if milliseconds < 0 { return "-" + format(-milliseconds, units: units) }
        if milliseconds < 1_000 { return "\(milliseconds)\(units.ms)" }
        let tenths = (milliseconds + 50) / 100
        if tenths < 600 {
            if tenths % 10 == 0 { return "\(tenths / 10)\(units.s)" }
            return "\(tenths / 10).\(tenths % 10)\(units.s)"
        }
        if milliseconds < 3_599_500 {
            let seconds = (milliseconds + 500) / 1_000
            let minutes = seconds / 60
            let rest = seconds % 60
            return rest == 0 ? "\(minutes)\(units.min)" : "\(minutes)\(units.min)\(units.separator)\(rest)\(units.s)"
        }
        let minutesTotal = (milliseconds + 30_000) / 60_000
        let hours = minutesTotal / 60
        let rest = minutesTotal % 60
        return rest == 0 ? "\(hours)\(units.h)" : "\(hours)\(units.h)\(units.separator)\(rest)\(units.min)"
    }
}

/// Durations (`150ms`, `1.5s`, `1m`, `2min`, `1h`) and sizes (`512B`, `1KB`, `6MB`; MB =
/// 1,048,576 bytes, as AWS counts) in the scenario language.
public enum Quantity {
    /// A quantity's text read: its value, a number too large to simulate, or not a quantity.
    public enum Reading: Equatable, Sendable {
        case value(Int64)
        case outOfRange
        /// A number finer than the quantity's step (a millisecond, a byte), such as `0.5ms`:
        /// rounded, it was a value the writer never wrote.
        case fractional
        case invalid
    }

    /// The longest duration, in either direction: 100,000 days. Bounded so that the
    /// simulator's sums of times (`at + count × every`, `now + delay`) cannot overflow 64
    /// bits, and round so that an error can say it.
    public static let maximumDuration: Int64 = 100_000 * 86_400_000
    /// `maximumDuration` as written in the language.
    public static let maximumDurationText = "100000d"
    /// The largest size: 1,024 GB, far beyond any AWS payload, and small enough that sums of
    /// sizes over every record of a scenario stay inside 64 bits.
    public static let maximumSize: Int64 = 1_024 * 1_073_741_824
    /// `maximumSize` as written in the language.
    public static let maximumSizeText = "1024GB"

    private static let durationUnits: [(String, Double)] = [("ms", 1), ("min", 60_000), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
    private static let sizeUnits: [(String, Double)] = [("KB", 1_024), ("MB", 1_048_576), ("GB", 1_073_741_824), ("B", 1)]

    /// Milliseconds for a duration text, or nil when it is not one or is out of range. A
    /// bare `0` is zero.
    public static func duration(_ text: String) -> Int64? {
        if case .value(let value) = readDuration(text) { return value }
        return nil
    }

    /// Bytes for a size text, or nil when it is not one or is out of range. A bare number is bytes.
    public static func size(_ text: String) -> Int64? {
        if case .value(let value) = readSize(text) { return value }
        return nil
    }

    /// A duration text read, telling a number beyond `maximumDuration` from a text that is
    /// no duration at all (they get different errors).
    public static func readDuration(_ text: String) -> Reading {
        read(text, units: durationUnits, bareZeroOnly: true, maximum: maximumDuration)
    }

    /// A size text read, telling a number beyond `maximumSize` from a text that is no size.
    public static func readSize(_ text: String) -> Reading {
        read(text, units: sizeUnits, bareZeroOnly: false, maximum: maximumSize)
    }

    private static func read(_ text: String, units: [(String, Double)], bareZeroOnly: Bool, maximum: Int64) -> Reading {
        if let reading = readPlain(text, units: units, maximum: maximum) { return reading }
        let trimmed = text.trimmingSpaces
        var number = trimmed
        var factor = 1.0
        if let (unit, unitFactor) = units.first(where: { trimmed.hasSuffix($0.0) }) {
            number = String(trimmed.dropLast(unit.count)).trimmingSpaces
            factor = unitFactor
        } else if bareZeroOnly {
            return Double(trimmed) == 0 ? .value(0) : .invalid
        }
        // Decimal digits only: `Double` also reads `0x10`, `0x1p3`, `inf` and `nan`.
        guard isDecimal(number), let value = Double(number) else { return .invalid }
        return reading(value * factor, maximum: maximum)
    }

    /// The reading of a quantity in its step's units (milliseconds, bytes): out of range
    /// beyond `maximum` (an infinite one too, `1e400s`), fractional when it is not whole.
    static func reading(_ steps: Double, maximum: Int64) -> Reading {
        guard steps.isFinite, abs(steps) <= Double(maximum) else { return .outOfRange }
        let whole = steps.rounded()
        // Room for the binary error of a decimal fraction (`0.1s` is 100.00000000000001 ms), a
        // few units in the last place, and no more: `600000.5ms` is a fraction at any size.
        guard abs(steps - whole) <= 8 * steps.ulp else { return .fractional }
        return .value(Int64(whole))
    }

    /// Whether `text` is a decimal number: a sign, digits with at most one point, and an
    /// exponent (`1e9`).
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let mantissaEnd = bytes.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? bytes.endIndex
        let mantissa = bytes[..<mantissaEnd]
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard mantissa.contains(where: isDigit), mantissa.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }),
            mantissa.filter({ $0 == UInt8(ascii: ".") }).count <= 1
        else { return false }
        guard mantissaEnd < bytes.endIndex else { return true }
        var exponent = bytes[bytes.index(after: mantissaEnd)...]
        if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(isDigit)
    }
}

extension Quantity {
    /// The most digits `readPlain` reads itself: their number, and the power of ten that
    /// places its point, are exact as `Double`s, so one division rounds as `Double(text)` does.
    static var plainDigits: Int { 15 }

    /// `read` for a quantity written plainly, as nearly all are: ASCII digits with at most one
    /// point inside them, then a unit (`150ms`, `1.5s`), the number read from the bytes; nil
    /// for any other text, which `read` reads as before.
    ///
    /// Why: trimming, cutting off the unit and parsing the rest as text made each duration
    /// cost a scenario block more than reading one of its YAML lines.
    static func readPlain(_ text: String, units: [(String, Double)], maximum: Int64) -> Reading? {
        // The units are ASCII and the number must be digits: whatever this reads is ASCII,
        // whose bytes compare as its characters do.
        let utf8 = text.utf8
        guard let (unit, factor) = units.first(where: { endsWith(utf8, $0.0) }) else { return nil }
        let numberBytes = utf8.count - unit.utf8.count
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits: Int?
        for byte in utf8.prefix(numberBytes) {
            if byte == UInt8(ascii: "."), fractionDigits == nil, digits > 0 {
                fractionDigits = 0
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < plainDigits else { return nil }
            mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
            digits += 1
            if let places = fractionDigits { fractionDigits = places + 1 }
        }
        guard digits > 0, fractionDigits != 0 else { return nil }
        let value = Double(mantissa) / pow10(fractionDigits ?? 0)
        return reading(value * factor, maximum: maximum)
    }

    /// Whether `bytes` end with `unit`'s and have some before them.
    private static func endsWith(_ bytes: String.UTF8View, _ unit: String) -> Bool {
        bytes.count > unit.utf8.count && bytes.reversed().starts(with: unit.utf8.reversed())
    }

    /// 10 to the power `exponent` (at most `plainDigits`), exactly.
    private static func pow10(_ exponent: Int) -> Double {
        var power = 1.0
        for _ in 0..<exponent { power *= 10 }
        return power
    }
}

extension String {
    /// The text without its leading and trailing spaces; the text itself, unsliced, when
    /// neither end is a space (nearly every value: the check is two bytes, where slicing
    /// and copying cost every duration of a scenario more than reading its number).
    var trimmingSpaces: String {
        guard utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") else { return self }
        var text = self[...]
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

/// Durations (`150ms`, `1.5s`, `1m`, `2min`, `1h`) and sizes (`512B`, `1KB`, `6MB`; MB =
/// 1,048,576 bytes, as AWS counts) in the scenario language.
public enum Quantity {
    /// Milliseconds for a duration text, or nil when it is not one. A bare `0` is zero.
    public static func duration(_ text: String) -> Int64? {
        let units: [(String, Double)] = [("ms", 1), ("min", 60_000), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        return parse(text, units: units, bareZeroOnly: true)
    }

    /// Bytes for a size text, or nil when it is not one. A bare number is bytes.
    public static func size(_ text: String) -> Int64? {
        let units: [(String, Double)] = [("KB", 1_024), ("MB", 1_048_576), ("GB", 1_073_741_824), ("B", 1)]
        return parse(text, units: units, bareZeroOnly: false)
    }

    private static func parse(_ text: String, units: [(String, Double)], bareZeroOnly: Bool) -> Int64? {
        let trimmed = text.trimmingSpaces
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            let number = String(trimmed.dropLast(unit.count)).trimmingSpaces
            guard let value = Double(number), value.isFinite, value >= -1e15, value <= 1e15 else { return nil }
            let scaled = value * factor
            guard abs(scaled) < 9e15 else { return nil }
            return Int64(scaled.rounded())
        }
        guard let value = Double(trimmed), value.isFinite else { return nil }
        if bareZeroOnly { return value == 0 ? 0 : nil }
        guard abs(value) < 9e15 else { return nil }
        return Int64(value.rounded())
    }
}

extension String {
    var trimmingSpaces: String {
        var text = self[...]
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

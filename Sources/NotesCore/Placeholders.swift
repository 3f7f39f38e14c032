/// Fills `%x` placeholders in a translated sentence (`"全 %t 件のうち最初の %d 件"`).
///
/// Why not `replacing(_:with:)`: the standard library's generic search took about 20,000
/// instructions per call, and every aggregate figure and every log page fills a few
/// sentences. One pass over the UTF-8 of the format does all of a sentence's placeholders:
/// going by `Character` cost about 45,000 instructions for a Japanese sentence of 50, each
/// character found by the grapheme rules. `%` and the keys are ASCII, which no byte of a
/// longer UTF-8 sequence can be, so bytes find them exactly.
public enum Placeholders {
    /// `format` with each `%` followed by a key's letter replaced by its value; any other
    /// `%` is kept as it is. Keys are ASCII letters.
    public static func fill(_ format: String, _ values: [(key: Character, value: String)]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(format.utf8.count + values.reduce(0) { $0 + $1.value.utf8.count })
        var afterPercent = false
        for byte in format.utf8 {
            if afterPercent {
                afterPercent = false
                if let match = values.first(where: { $0.key.asciiValue == byte }) {
                    result += match.value.utf8
                    continue
                }
                result.append(UInt8(ascii: "%"))
            }
            if byte == UInt8(ascii: "%") {
                afterPercent = true
            } else {
                result.append(byte)
            }
        }
        if afterPercent { result.append(UInt8(ascii: "%")) }
        return String(decoding: result, as: UTF8.self)
    }
}

/// Fills `%x` placeholders in a translated sentence (`"全 %t 件のうち最初の %d 件"`).
///
/// Why not `replacing(_:with:)`: the standard library's generic search took about 20,000
/// instructions per call, and every aggregate figure and every log page fills a few
/// sentences. One pass over the UTF-8 of the format does all of a sentence's placeholders.
public enum Placeholders {
    /// `format` with each `%` followed by a key's letter replaced by its value; any other
    /// `%` is kept as it is.
    public static func fill(_ format: String, _ values: [(key: Character, value: String)]) -> String {
        var result = ""
        result.reserveCapacity(format.utf8.count + values.reduce(0) { $0 + $1.value.utf8.count })
        var afterPercent = false
        for character in format {
            if afterPercent {
                afterPercent = false
                if let match = values.first(where: { $0.key == character }) {
                    result += match.value
                    continue
                }
                result.append("%")
            }
            if character == "%" {
                afterPercent = true
            } else {
                result.append(character)
            }
        }
        if afterPercent { result.append("%") }
        return result
    }
}

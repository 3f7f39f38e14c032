/// Makes heading ids the way GitHub does (github-slugger), unique within one page.
///
/// Rules: lowercase; delete every character that is not alphabetic and is a symbol, an
/// "other" number, punctuation other than `-` and connector punctuation (`_`), a control, format, private-use or
/// unassigned character, or a separator other than the ASCII space; turn each ASCII space
/// into `-` without collapsing runs; suffix duplicates with `-1`, `-2`, ….
public struct Slugger: Sendable {
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The slug of `text`, made unique among the slugs this slugger has returned.
    public mutating func slug(_ text: String) -> String {
        var result = Self.baseSlug(text)
        if result.isEmpty { result = "section" }
        let original = result
        if let seen = occurrences[original] {
            var count = seen
            repeat {
                count += 1
                result = "\(original)-\(count)"
            } while occurrences[result] != nil
            occurrences[original] = count
        }
        occurrences[result] = 0
        return result
    }

    /// The slug of `text` before deduplication.
    public static func baseSlug(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                scalars.append("-")
            } else if keeps(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" || scalar == "_" { return true }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .otherNumber,
             .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
             .otherPunctuation, .dashPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .control, .format, .privateUse, .unassigned, .surrogate,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }
}

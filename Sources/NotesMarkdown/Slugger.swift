import NotesCore

/// Makes heading ids the way GitHub does (github-slugger), unique within one page.
///
/// Rules: lowercase; delete every character that is not alphabetic and is a symbol, an
/// "other" number, punctuation other than `-` and connector punctuation (`_`), a control, format, private-use or
/// unassigned character, or a separator other than the ASCII space; turn each ASCII space
/// into `-` without collapsing runs; suffix duplicates with `-1`, `-2`, ….
public struct Slugger: Sendable {
    /// Slugs returned so far, by their UTF-8 bytes (compared as github-slugger compares
    /// them, code unit by code unit), with how many duplicates each has had.
    private var occurrences: [Key: Int] = [:]

    /// A slug as a dictionary key, hashed as raw bytes (a String key would be normalized
    /// to NFC for every hash): their FNV-1a hash, mixed into the hasher as one word.
    private struct Key: Hashable {
        let bytes: [UInt8]
        init(_ text: String) { bytes = Array(text.utf8) }
        func hash(into hasher: inout Hasher) {
            var fnv = FNV1a()
            fnv.combine(bytes)
            hasher.combine(fnv.value)
        }
    }

    public init() {}

    /// The slug of `text`, made unique among the slugs this slugger has returned.
    public mutating func slug(_ text: String) -> String {
        var result = Self.baseSlug(text)
        if result.isEmpty { result = "section" }
        let original = Key(result)
        // Looked up and recorded in one step: a first occurrence (most headings) is done;
        // a duplicate's count is set again below.
        guard let seen = occurrences.updateValue(0, forKey: original) else { return result }
        let originalText = result
        var count = seen
        repeat {
            count += 1
            result = "\(originalText)-\(count)"
        } while occurrences[Key(result)] != nil
        occurrences[original] = count
        occurrences[Key(result)] = 0
        return result
    }

    /// The slug of `text` before deduplication.
    ///
    /// Lowercases scalar by scalar (as `String.lowercased()` does); ASCII, kana and CJK
    /// ideographs are decided without looking up Unicode properties.
    public static func baseSlug(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { slug.append($0) }
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A:
                slug.append(UInt8(scalar.value) + 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F:
                slug.append(UInt8(scalar.value))
            case 0x20:
                slug.append(UInt8(ascii: "-"))
            case 0...0x7F:
                continue
            // Kana (with the prolonged sound and iteration marks) and CJK ideographs: letters
            // that are their own lowercase (`everyJapaneseScalarFollowsTheDefinition`).
            case 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF:
                append(scalar)
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars where lower == " " || keeps(lower) {
                    append(lower == " " ? "-" : lower)
                }
            }
        }
        return String(decoding: slug, as: UTF8.self)
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

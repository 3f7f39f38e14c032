import NotesCore

/// Makes heading ids the way GitHub does (github-slugger), unique within one page.
///
/// Rules: lowercase; delete every character that is not alphabetic and is a symbol, an
/// "other" number, punctuation other than `-` and connector punctuation (`_`), a control, format, private-use or
/// unassigned character, or a separator other than the ASCII space; turn each ASCII space
/// into `-` without collapsing runs; suffix duplicates with `-1`, `-2`, ….
public struct Slugger: Sendable {
    /// Slugs returned so far (compared as github-slugger compares them, code unit by code
    /// unit), with how many duplicates each has had. Room for a page's usual headings: the
    /// table grew from empty on every page.
    private var occurrences: [Key: Int] = Dictionary(minimumCapacity: 16)

    /// A slug as a dictionary key, hashed and compared as UTF-8 bytes: a `String` key would
    /// be normalized to NFC for every hash and comparison. The FNV-1a hash of the bytes is
    /// mixed into the hasher as one word.
    private struct Key: Hashable {
        let text: String
        init(_ text: String) { self.text = text }
        func hash(into hasher: inout Hasher) {
            var fnv = FNV1a()
            fnv.combine(text)
            hasher.combine(fnv.value)
        }
        static func == (left: Key, right: Key) -> Bool { left.text.utf8.elementsEqual(right.text.utf8) }
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
    /// ideographs are decided from their UTF-8 bytes without looking up Unicode properties.
    public static func baseSlug(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var slug: [UInt8] = []
            slug.reserveCapacity(source.count)
            var index = 0
            while index < source.count {
                let lead = source[index]
                if lead < 0x80 {
                    if let kept = asciiSlugByte(lead) { slug.append(kept) }
                    index += 1
                    continue
                }
                let (value, width) = UTF8Scalar.decode(source, at: index)
                if isJapaneseLetter(value) {
                    slug.append(contentsOf: source[index..<(index + width)])
                } else if let scalar = Unicode.Scalar(value) {
                    appendLowercased(scalar, to: &slug)
                }
                index += width
            }
            return String(decoding: slug, as: UTF8.self)
        }
    }

    /// What an ASCII character becomes in a slug: a lowercase letter, a digit, `-` or `_`
    /// as it is, a space as `-`; nil for the rest (punctuation and controls are dropped).
    private static func asciiSlugByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte + 0x20
        case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: byte
        case 0x20: UInt8(ascii: "-")
        default: nil
        }
    }

    /// Whether a scalar is kana (with the prolonged sound and iteration marks) or a CJK
    /// ideograph: letters that are their own lowercase (`everyJapaneseScalarFollowsTheDefinition`).
    private static func isJapaneseLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
        default: false
        }
    }

    /// Appends what `scalar` becomes by its Unicode properties: its lowercase mapping's kept
    /// scalars, a space as `-`.
    private static func appendLowercased(_ scalar: Unicode.Scalar, to slug: inout [UInt8]) {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars where lower == " " || keeps(lower) {
            UTF8.encode(lower == " " ? "-" : lower) { slug.append($0) }
        }
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

/// The languages notesim has words for: the theme's interface and the figures' labels.
///
/// Why one list: a site's `language`, a note's `lang` and a scenario's `show.language` are
/// each held to it, as any other code would label a page in one language and write its words
/// in another.
public enum InterfaceLanguage {
    public static let codes = ["ja", "en"]

    /// Whether a language tag gets the Japanese words (`ja`, `ja-JP`, any case); any other tag
    /// gets English.
    ///
    /// Why here: the theme's strings, a figure's labels, its legend, its assumptions and its
    /// event log each pick their words by this one rule, so a page never mixes the two.
    public static func isJapanese(_ tag: String) -> Bool {
        // Two ASCII letters read as bytes: every figure, log and assumption asks, and
        // lowercasing the tag made a string each time.
        var bytes = tag.utf8.makeIterator()
        return bytes.next().map { $0 | 0x20 } == UInt8(ascii: "j") && bytes.next().map { $0 | 0x20 } == UInt8(ascii: "a")
    }
}

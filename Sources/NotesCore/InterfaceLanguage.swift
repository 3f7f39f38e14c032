/// The languages notesim has words for: the theme's interface and the figures' labels.
///
/// Why one list: a site's `language`, a note's `lang` and a scenario's `show.language` are
/// each held to it, as any other code would label a page in one language and write its words
/// in another.
public enum InterfaceLanguage {
    public static let codes = ["ja", "en"]
}

/// The kinds of GitHub alert (`> [!NOTE]` …), in the order GitHub documents them.
///
/// Public so that the site can give each its title in the page's language.
public enum AlertKind: String, CaseIterable, Sendable {
    case note, tip, important, warning, caution

    /// The title GitHub shows (in English).
    public var englishTitle: String {
        switch self {
        case .note: "Note"
        case .tip: "Tip"
        case .important: "Important"
        case .warning: "Warning"
        case .caution: "Caution"
        }
    }
}

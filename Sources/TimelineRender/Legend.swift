import NotesCore

/// The figure's legend as HTML for its `<figcaption>`: one entry per mark kind present,
/// each a small swatch with the mark's glyph and its word.
///
/// The swatch is the stylesheet's (`.tl-legend .tl-KIND::before`, shaped and coloured as the
/// figure's marks are): an inline SVG per entry was 90 bytes, a legend 400 on every figure.
/// Each glyph appears once per entry: where the swatch draws it (the delivery's diamond, the
/// discard's cross) the word goes without it, else the legend read "◆ ◆ 送信"; where the
/// swatch is a plain bar, the word carries the glyph the figure writes on the bar (✓ ✗ ⌛).
public enum Legend {
    public static func html(_ model: TimelineModel, language: String) -> String {
        let out = MarkupWriter(capacity: 1024)
        write(model, language: language, into: out)
        return out.string
    }

    /// Appends the legend to `out` (nothing when the figure has no marks).
    public static func write(_ model: TimelineModel, language: String, into out: MarkupWriter) {
        write(kinds: model.legend, language: language, into: out)
    }

    /// Appends the legend of these mark kinds (either view's `legend`) to `out`.
    public static func write(kinds: [TimelineModel.Kind], language: String, into out: MarkupWriter) {
        guard !kinds.isEmpty else { return }
        let entries = InterfaceLanguage.isJapanese(language) ? japaneseEntries : englishEntries
        out.raw("<ul class=\"tl-legend\">")
        for kind in kinds {
            out.raw(bytes: entries[TimelineModel.Kind.allCases.firstIndex(of: kind)!])
        }
        out.raw("</ul>\n")
    }

    /// The entry (`<li>` and its word) of every kind, in `Kind.allCases` order, written once
    /// per language: composing the words and escaping them on every figure cost as much as
    /// laying out its lanes.
    private static let japaneseEntries = entries(TimelineLabels.ja)
    /// The entries in English (`japaneseEntries`' counterpart).
    private static let englishEntries = entries(TimelineLabels.en)

    /// The entry of every kind in these labels, in `Kind.allCases` order.
    static func entries(_ labels: TimelineLabels) -> [[UInt8]] {
        TimelineModel.Kind.allCases.map { kind in
            let out = MarkupWriter(capacity: 64)
            out.raw("<li class=\"tl-")
            out.raw(string: kind.rawValue)
            out.raw("\">")
            out.text(word(kind, labels))
            out.raw("</li>")
            return out.bytes
        }
    }

    static func word(_ kind: TimelineModel.Kind, _ labels: TimelineLabels) -> String {
        switch kind {
        case .attemptOK: "✓ \(labels.ok)"
        case .attemptError: "✗ \(labels.error)"
        case .attemptTimeout: "⌛ \(labels.timeout)"
        case .throttle: "\(labels.throttled) \(labels.throttledWord)"
        case .arrival: labels.arrival
        case .response: labels.response
        case .wait: labels.retryIn
        case .batch: "[\(labels.window) / \(labels.size) / \(labels.payload)]"
        case .delivery: labels.delivered
        case .deliveryFailed: labels.deliveryFailed
        case .discard: labels.discarded
        case .blocked: labels.blocked
        case .coldStart: labels.coldStart
        case .recursionStop: labels.loopStopped
        }
    }
}

import NotesCore

/// The figure's legend as HTML for its `<figcaption>`: one entry per mark kind present,
/// each a small swatch with the mark's glyph and its word.
///
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
        let labels = TimelineLabels.forLanguage(language)
        out.raw("<ul class=\"tl-legend\">")
        for kind in kinds {
            // The swatch's size is the stylesheet's (14 × 10), and its kind class colours the
            // shape inside it as the figure's marks are coloured.
            out.raw("<li><svg class=\"tl-swatch tl-"); out.raw(string: kind.rawValue); out.raw("\" aria-hidden=\"true\">")
            out.raw(swatch(kind))
            out.raw("</svg>"); out.text(word(kind, labels)); out.raw("</li>")
        }
        out.raw("</ul>\n")
    }

    static func swatch(_ kind: TimelineModel.Kind) -> StaticString {
        switch kind {
        case .attemptOK, .attemptError, .attemptTimeout, .batch, .blocked, .coldStart:
            "<rect x=\"1\" y=\"2\" width=\"12\" height=\"6\" rx=\"1\"/>"
        case .wait: "<path d=\"M1 5 H13\"/>"
        case .throttle: "<rect x=\"6\" y=\"0\" width=\"2\" height=\"10\"/>"
        case .arrival: "<circle cx=\"7\" cy=\"5\" r=\"3\"/>"
        case .response: "<path d=\"M9 1 l-5 4 l5 4\"/>"
        case .delivery, .deliveryFailed: "<path d=\"M7 0 l5 5 l-5 5 l-5 -5 z\"/>"
        case .discard: "<path d=\"M3 1 l8 8 M11 1 l-8 8\"/>"
        case .recursionStop: "<path d=\"M3 5 a4 4 0 1 0 8 0 a4 4 0 1 0 -8 0 M4 8 l6 -6\"/>"
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

/// Where text made piece by piece goes: a `String` (the trace dump) or a `MarkupWriter`
/// (an HTML event log, escaped), with no `String` made per piece.
///
/// Why: an event log page lists up to 2,000 rows of a dozen pieces each; written through
/// `TextOutputStream`, every number became a `String` and every piece a separate escaping
/// pass, about 4,000 instructions a row. Literals and numbers need no escaping at all.
public protocol TextSink {
    /// Appends a literal that needs no escaping (ASCII words, spaces and punctuation).
    mutating func literal(_ text: StaticString)
    /// Appends a whole number in decimal.
    mutating func integer(_ value: Int)
    /// Appends text that may need escaping (names and messages from a scenario).
    mutating func text(_ text: String)
}

extension String: TextSink {
    public mutating func literal(_ text: StaticString) {
        self += text.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }

    public mutating func integer(_ value: Int) {
        self += String(value)
    }

    public mutating func text(_ text: String) {
        self += text
    }
}

extension MarkupWriter: TextSink {
    public func literal(_ text: StaticString) {
        raw(text)
    }
}

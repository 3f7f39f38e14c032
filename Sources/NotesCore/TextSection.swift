/// A part of a page under one heading, as plain text (the first part: the text before any
/// heading): what the parse gathers (`PageProse`) and what the search index stores
/// (`SearchDocument`), one type so that the one is handed to the other as it is.
///
/// The text is kept as the UTF-8 bytes the parse gathered: the index counts and stores
/// bytes, and making a `String` of every section (which validates every byte) was a tenth
/// of what search cost a build.
public struct TextSection: Sendable, Equatable {
    /// The `id` of the heading it starts with (a Markdown heading's, or a raw `<h2 id>`'s);
    /// empty for the first part.
    public var anchor: String
    /// That heading's text (empty for the first part).
    public var heading: String
    /// The text's UTF-8 (valid UTF-8): runs of white space as one space, trimmed.
    public var utf8: [UInt8]

    /// The text, as a string.
    public var text: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
    }

    public init(anchor: String, heading: String, text: String) {
        self.anchor = anchor
        self.heading = heading
        self.utf8 = Array(text.utf8)
    }

    /// A section whose text is `utf8`, which must be valid UTF-8 (the index decodes it
    /// without checking).
    public init(anchor: String, heading: String, utf8: [UInt8]) {
        self.anchor = anchor
        self.heading = heading
        self.utf8 = utf8
    }
}

/// A part of a page under one heading, as plain text (the first part: the text before any
/// heading): what the parse gathers (`PageProse`) and what the search index stores
/// (`SearchDocument`), one type so that the one is handed to the other as it is.
public struct TextSection: Sendable, Equatable {
    /// The `id` of the heading it starts with (a Markdown heading's, or a raw `<h2 id>`'s);
    /// empty for the first part.
    public var anchor: String
    /// That heading's text (empty for the first part).
    public var heading: String
    /// The text, runs of white space as one space, trimmed.
    public var text: String

    public init(anchor: String, heading: String, text: String) {
        self.anchor = anchor
        self.heading = heading
        self.text = text
    }
}

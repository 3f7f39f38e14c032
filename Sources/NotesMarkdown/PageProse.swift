/// The text a reader reads on a page, cut at its headings: what the search index is made
/// from, gathered by the parse's one walk over cmark's tree instead of by reading the HTML
/// back.
///
/// Runs of white space are one space and each section is trimmed. Scenario blocks (slots)
/// give no text of their own: where each stood is kept, for the build to put its claims
/// there. Other code blocks give their code; images, figures and the headings' own text
/// (kept in `MarkdownPage.headings`) give none.
public struct PageProse: Sendable, Equatable {
    /// A part of the page under one heading.
    public struct Section: Sendable, Equatable {
        /// The `id` of the heading it starts with (a Markdown heading's, or a raw `<h2 id>`'s);
        /// empty for the text before the first heading.
        public var anchor: String
        /// That heading's text (empty for the first part).
        public var heading: String
        public var text: String
        /// The scenario blocks in the section: a slot number and the byte offset in `text`
        /// where its block stood, in order.
        public var slots: [SlotPlace]

        public init(anchor: String, heading: String, text: String, slots: [SlotPlace] = []) {
            self.anchor = anchor
            self.heading = heading
            self.text = text
            self.slots = slots
        }
    }

    /// Where a scenario block stood in a section's text.
    public struct SlotPlace: Sendable, Equatable {
        public var slot: Int
        public var offset: Int

        public init(slot: Int, offset: Int) {
            self.slot = slot
            self.offset = offset
        }
    }

    /// The most bytes of text kept from one page: its first 256 KB find it, and a page of
    /// megabytes would make the index's copy of it (which a result fetches) as big.
    public static let textLimit = 256 * 1024

    public var sections: [Section]

    public init(sections: [Section]) {
        self.sections = sections
    }
}

import NotesCore

/// The text a reader reads on a page, cut at its headings: what the search index is made
/// from, gathered by the parse's one walk over cmark's tree instead of by reading the HTML
/// back.
///
/// Runs of white space are one space and each section is trimmed. A scenario block (a slot)
/// gives what `MarkdownOptions.slotProse` makes of its source (the build: its claims), other
/// code blocks their code; images, figures and the headings' own text (kept in
/// `MarkdownPage.headings`) give none.
public struct PageProse: Sendable, Equatable {
    public typealias Section = TextSection

    /// The most bytes of text kept from one page: its first 256 KB find it, and a page of
    /// megabytes would make the index's copy of it (which a result fetches) as big.
    public static let textLimit = 256 * 1024

    public var sections: [Section]

    public init(sections: [Section]) {
        self.sections = sections
    }
}

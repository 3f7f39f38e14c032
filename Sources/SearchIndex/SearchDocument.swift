/// What the index knows of one page: where it is, its title, and its text cut at headings.
///
/// Made by the build from the page model (prose, headings, the claims of scenario blocks;
/// never figures, event logs or scenario sources). The same value is stored in the index's
/// document chunks, which both show results (excerpts, the best heading) and let a later
/// build re-count an old page's terms when it changes.
public struct SearchDocument: Sendable, Equatable {
    /// A part of the page under one heading (the first part: the text before any heading).
    public struct Section: Sendable, Equatable {
        /// The heading's `id` (empty for the first part).
        public var anchor: String
        /// The heading's text (empty for the first part).
        public var heading: String
        public var text: String

        public init(anchor: String, heading: String, text: String) {
            self.anchor = anchor
            self.heading = heading
            self.text = text
        }
    }

    /// The page's address relative to the site root, percent-encoded as links are.
    public var url: String
    public var title: String
    public var sections: [Section]

    public init(url: String, title: String, sections: [Section]) {
        self.url = url
        self.title = title
        self.sections = sections
    }
}

/// A document's terms with their weighted counts, and its length.
public struct CountedDocument: Sendable {
    /// How much an occurrence weighs by where it is: a title's words say most about a page.
    public enum Weight {
        public static let title = 6
        public static let heading = 3
        public static let text = 1
    }

    public let document: SearchDocument
    /// Terms and weighted counts, sorted by partition (`IndexPartition`), then by term.
    public let terms: [(term: String, count: Int)]
    /// Where each partition's terms start in `terms` (one more entry than partitions).
    let partitionStarts: [Int32]
    /// Tokens in the title, headings and text (BM25's document length).
    public let length: Int

    /// Counts the terms of `document`.
    public init(_ document: SearchDocument) {
        self.document = document
        var counts: [String: Int] = [:]
        var length = 0
        func add(_ text: String, weight: Int) {
            length += SearchTokenizer.indexTerms(text) { counts[$0, default: 0] += weight }
        }
        add(document.title, weight: Weight.title)
        for section in document.sections {
            add(section.heading, weight: Weight.heading)
            add(section.text, weight: Weight.text)
        }
        var byPartition = [[(term: String, count: Int)]](repeating: [], count: IndexPartition.count)
        for (term, count) in counts { byPartition[IndexPartition.of(term: term)].append((term, count)) }
        var starts: [Int32] = [0]
        var terms: [(term: String, count: Int)] = []
        terms.reserveCapacity(counts.count)
        for part in byPartition {
            terms += part.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
            starts.append(Int32(terms.count))
        }
        self.terms = terms
        partitionStarts = starts
        self.length = length
    }
}

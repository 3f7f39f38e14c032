import NotesCore

/// What the index knows of one page: where it is, its title, and its text cut at headings.
///
/// Made by the build from the page model (prose, headings, the claims of scenario blocks;
/// never figures, event logs or scenario sources). Its address and title go into the
/// published title chunks (`ResultTitles`); the whole value is kept beside the build's
/// manifest (`DocumentTexts`), so that a later build can count an old page's terms again when
/// the page changes.
public struct SearchDocument: Sendable, Equatable {
    public typealias Section = TextSection

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
        public static let title: Int32 = 6
        public static let heading: Int32 = 3
        public static let text: Int32 = 1
    }

    public let document: SearchDocument
    /// Term keys (`TermKey`) and weighted counts, sorted by partition (`IndexPartition`).
    let keys: [UInt64]
    let counts: [Int32]
    /// Where each partition's keys start (one more entry than partitions).
    let partitionStarts: [Int32]
    /// The text of the word keys.
    let words: [UInt64: String]
    /// Tokens in the title, headings and text (BM25's document length).
    public let length: Int

    /// Counts the terms of `document`.
    public init(_ document: SearchDocument) {
        self.document = document
        let counter = TermCounter(expected: document.sections.reduce(document.title.utf8.count) { $0 + $1.text.utf8.count / 3 })
        var words = WordTerms()
        var length = 0
        func add(_ text: String, weight: Int32) {
            length += SearchTokenizer.countTerms(text, weight: weight, into: counter, words: &words)
        }
        add(document.title, weight: Weight.title)
        for section in document.sections {
            add(section.heading, weight: Weight.heading)
            add(section.text, weight: Weight.text)
        }
        // Bucketed by partition, each bucket in the order the terms came (deterministic).
        var starts = [Int32](repeating: 0, count: IndexPartition.count + 1)
        let counted = (keys: counter.keys, counts: counter.counts)
        for key in counted.keys { starts[TermKey.partition(key) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        partitionStarts = starts
        var keys = [UInt64](repeating: 0, count: counter.count)
        var counts = [Int32](repeating: 0, count: counter.count)
        for (key, count) in zip(counted.keys, counted.counts) {
            let partition = TermKey.partition(key)
            keys[Int(starts[partition])] = key
            counts[Int(starts[partition])] = count
            starts[partition] += 1
        }
        self.keys = keys
        self.counts = counts
        self.words = words.texts
        self.length = length
    }

    /// The terms and their weighted counts, by term.
    public var terms: [(term: String, count: Int)] {
        zip(keys, counts).map { (TermKey.text($0, words: words), Int($1)) }.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
    }
}

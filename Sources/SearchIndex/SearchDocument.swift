import NotesCore

/// What the index knows of one page: where it is, its title, and its text cut at headings.
///
/// Made by the build from the page model (prose, headings, the claims of scenario blocks;
/// never figures, event logs or scenario sources), and counted (`CountedDocument`) as the
/// note is parsed, on the core that parsed it; its text is not kept after that.
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

/// A document's address, title, terms with their weighted counts, and length: what the index
/// and the kept terms (`KeptTerms`) need of a page, without its text.
public struct CountedDocument: Sendable {
    /// How much an occurrence weighs by where it is: a title's words say most about a page.
    public enum Weight {
        public static let title: Int32 = 6
        public static let heading: Int32 = 3
        public static let text: Int32 = 1
    }

    /// The page's address relative to the site root, percent-encoded as links are.
    public let url: String
    public let title: String
    /// Term keys (`TermKey`) and weighted counts, sorted by partition (`IndexPartition`).
    let keys: [UInt64]
    let counts: [Int32]
    /// Where each partition's keys start (one more entry than partitions).
    let partitionStarts: [Int32]
    /// The text of the word keys.
    let words: WordTexts
    /// Tokens in the title, headings and text (BM25's document length).
    public let length: Int

    /// Counts the terms of `document`.
    public init(_ document: SearchDocument) {
        url = document.url
        title = document.title
        // About one distinct term per 16 bytes of a page (the table grows when there are more).
        let counter = TermCounter(expected: document.sections.reduce(document.title.utf8.count) { $0 + $1.utf8.count } / 16)
        var scan = TermScan(counter: counter)
        scan.count(document.title, weight: Weight.title)
        for section in document.sections {
            scan.count(section.heading, weight: Weight.heading)
            section.utf8.withUnsafeBufferPointer { scan.count($0, weight: Weight.text) }
        }
        (keys, counts, partitionStarts) = counter.withStores(Self.byPartition)
        scan.words.texts.seal()
        self.words = scan.words.texts
        self.length = scan.length
    }

    /// The keys with a count (a text's folding leaves some at 0, see `TermScan`) and their
    /// counts, bucketed by partition, each bucket in the order the keys came
    /// (deterministic), and where each partition starts.
    private static func byPartition(_ keys: UnsafeBufferPointer<UInt64>, _ counts: UnsafeBufferPointer<Int32>) -> ([UInt64], [Int32], [Int32]) {
        var starts = [Int32](repeating: 0, count: IndexPartition.count + 1)
        var kept = 0
        starts.withUnsafeMutableBufferPointer { starts in
            for index in keys.indices where counts[index] != 0 {
                starts[TermKey.partition(keys[index]) &+ 1] &+= 1
                kept &+= 1
            }
            for index in 1..<starts.count { starts[index] &+= starts[index &- 1] }
        }
        var next = starts
        var sortedKeys = [UInt64](repeating: 0, count: kept)
        var sortedCounts = [Int32](repeating: 0, count: kept)
        sortedKeys.withUnsafeMutableBufferPointer { sortedKeys in
            sortedCounts.withUnsafeMutableBufferPointer { sortedCounts in
                next.withUnsafeMutableBufferPointer { next in
                    for index in keys.indices where counts[index] != 0 {
                        let partition = TermKey.partition(keys[index])
                        let place = Int(next[partition])
                        sortedKeys[place] = keys[index]
                        sortedCounts[place] = counts[index]
                        next[partition] &+= 1
                    }
                }
            }
        }
        return (sortedKeys, sortedCounts, starts)
    }

    /// The terms and their weighted counts, by term.
    public var terms: [(term: String, count: Int)] {
        zip(keys, counts).map { (TermKey.text($0, words: words), Int($1)) }.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
    }
}

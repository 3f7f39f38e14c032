import NotesCore

/// Builds the index's files from every page's counted terms, on every core.
///
/// The result is a function of the documents alone (ids are positions in the list, which the
/// caller sorts by address), so a full build and a patched index (`SearchIndexPatch`) give the
/// same bytes.
public enum SearchIndexWriter {
    /// A file of the index: its path (in the site, or in the state folder for texts) and
    /// its bytes.
    public typealias File = (path: String, bytes: [UInt8])

    /// The files of an index: those published in the site, and the pages' texts kept in
    /// the build's state folder (`IndexLayout.texts(of:)`).
    public struct Files {
        public var site: [File] = []
        public var texts: [File] = []
    }

    /// Every file of the index of `documents`, each list sorted by path.
    public static func build(_ documents: [CountedDocument]) -> Files {
        let shards = ForkJoin.map(Array(0..<IndexPartition.count)) { partition in
            shardFiles(partition: partition, documents: documents)
        }
        let chunkCount = (documents.count + IndexLayout.chunkSize - 1) / IndexLayout.chunkSize
        let chunks = ForkJoin.map(Array(0..<chunkCount)) { chunk -> (titles: File, texts: File) in
            let slice = documents[(chunk * IndexLayout.chunkSize)..<min(documents.count, (chunk + 1) * IndexLayout.chunkSize)]
            return Self.chunk(slice.map(\.document), first: chunk * IndexLayout.chunkSize)
        }
        var files = Files(site: shards.flatMap { $0 } + chunks.map(\.titles), texts: chunks.map(\.texts))
        files.site.append((IndexLayout.manifest, manifest(of: documents).encode()))
        files.site.sort { $0.path < $1.path }
        files.texts.sort { $0.path < $1.path }
        return files
    }

    /// The title chunk and the chunk of texts of `documents`, the first of which has id `first`.
    static func chunk(_ documents: [SearchDocument], first: Int) -> (titles: File, texts: File) {
        let texts = DocumentTexts.encode(documents)
        return ((IndexLayout.chunk(of: first), ResultTitles.encode(documents, texts: ContentHash.of(texts))), (IndexLayout.texts(of: first), texts))
    }

    /// The manifest of `documents`.
    static func manifest(of documents: [CountedDocument]) -> IndexManifest {
        IndexManifest(
            documents: documents.count, length: documents.reduce(0) { $0 + $1.length },
            lengths: documents.map { IndexManifest.lengthBucket($0.length) }, key: IndexManifest.key(of: documents.map(\.document.url)))
    }

    /// The shards of one partition: its terms' postings gathered from every document.
    ///
    /// Each term gets a number as it is first seen; postings are then placed term by term
    /// (a counting sort), ids increasing since the documents are read in id order.
    private static func shardFiles(partition: Int, documents: [CountedDocument]) -> [File] {
        var numbers = TermNumbers()
        var postingTerm: [Int32] = []
        var postingDocument: [Int32] = []
        var postingCount: [Int32] = []
        // Fields read one by one: copying a whole `CountedDocument` per partition retains
        // and releases each of its arrays and strings, thousands of times per build.
        for id in documents.indices {
            let range = Int(documents[id].partitionStarts[partition])..<Int(documents[id].partitionStarts[partition + 1])
            guard !range.isEmpty else { continue }
            let keys = documents[id].keys
            let counts = documents[id].counts
            for index in range {
                let key = keys[index]
                postingTerm.append(numbers.number(of: key) { TermKey.text(key, words: documents[id].words) })
                postingDocument.append(Int32(id))
                postingCount.append(counts[index])
            }
        }
        var starts = [Int](repeating: 0, count: numbers.texts.count + 1)
        for term in postingTerm { starts[Int(term) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var placed = [(id: Int, count: Int)](repeating: (0, 0), count: postingTerm.count)
        for (index, term) in postingTerm.enumerated() {
            placed[next[Int(term)]] = (Int(postingDocument[index]), Int(postingCount[index]))
            next[Int(term)] += 1
        }
        var shards: [String: [(term: String, postings: ShardCodec.Postings)]] = [:]
        for (number, text) in numbers.texts.enumerated() {
            shards[SearchTokenizer.shardKey(of: text), default: []].append((text, Array(placed[starts[number]..<starts[number + 1]])))
        }
        return shards.map { key, terms in (IndexLayout.shard(key), ShardCodec.encode(terms)) }
    }
}

/// Numbers the distinct term keys of a partition in the order they are first seen, keeping
/// each one's text.
private struct TermNumbers {
    private let counter = TermCounter(expected: 4096)
    private(set) var texts: [String] = []

    mutating func number(of key: UInt64, text: () -> String) -> Int32 {
        let number = counter.number(of: key)
        if number == texts.count { texts.append(text()) }
        return Int32(number)
    }
}

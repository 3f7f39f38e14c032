/// One partition of the index (`IndexPartition`): its terms' postings gathered from every
/// document, then written shard by shard.
///
/// Why this shape: a build merges every posting of every page, so the merge works on
/// numbers. Each term gets a number as it is first seen; postings are placed term by term
/// (a counting sort), ids increasing since the documents are read in id order; terms are
/// grouped by shard and ordered by an integer key where one orders them as their UTF-8
/// does (a CJK character, then its pairs by second character), and each shard's text is
/// written once.
struct PartitionMerge {
    private var numbers = TermNumbers()
    /// Each term's postings: `placed[starts[n]..<starts[n + 1]]` for term number `n`.
    private var placed: [(id: Int, count: Int)] = []
    private var starts: [Int] = []

    /// Gathers the postings of `partition` from `documents` (in id order).
    init(partition: Int, documents: [CountedDocument]) {
        var total = 0
        for document in documents.indices {
            total += Int(documents[document].partitionStarts[partition + 1] - documents[document].partitionStarts[partition])
        }
        var numbers = TermNumbers()
        var postingTerm = [Int32](repeating: 0, count: total)
        postingTerm.withUnsafeMutableBufferPointer { postingTerm in
            var posting = 0
            Self.forEachRange(of: partition, in: documents) { id, range in
                documents[id].keys.withUnsafeBufferPointer { keys in
                    for index in range {
                        let key = keys[index]
                        postingTerm[posting] = numbers.number(of: key) { TermKey.text(key, words: documents[id].words) }
                        posting += 1
                    }
                }
            }
        }
        self.numbers = numbers
        place(partition: partition, documents: documents, postingTerm: postingTerm)
    }

    /// Calls `body` with each document's id and the range of its postings in `partition`,
    /// for the documents that have any, in id order.
    ///
    /// Fields read one by one: copying a whole `CountedDocument` per partition retains and
    /// releases each of its arrays and strings, thousands of times per build.
    @inline(__always)
    private static func forEachRange(of partition: Int, in documents: [CountedDocument], _ body: (Int, Range<Int>) -> Void) {
        for id in documents.indices {
            let range = Int(documents[id].partitionStarts[partition])..<Int(documents[id].partitionStarts[partition + 1])
            if !range.isEmpty { body(id, range) }
        }
    }

    /// Places each posting in its term's run (a counting sort by term number).
    private mutating func place(partition: Int, documents: [CountedDocument], postingTerm: [Int32]) {
        var starts = [Int](repeating: 0, count: numbers.texts.count + 1)
        for term in postingTerm { starts[Int(term) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var placed = [(id: Int, count: Int)](repeating: (0, 0), count: postingTerm.count)
        placed.withUnsafeMutableBufferPointer { placed in
            next.withUnsafeMutableBufferPointer { next in
                var posting = 0
                Self.forEachRange(of: partition, in: documents) { id, range in
                    documents[id].counts.withUnsafeBufferPointer { counts in
                        for index in range {
                            let term = Int(postingTerm[posting])
                            placed[next[term]] = (id, Int(counts[index]))
                            next[term] += 1
                            posting += 1
                        }
                    }
                }
            }
        }
        self.starts = starts
        self.placed = placed
    }

    /// The partition's shard files.
    func shardFiles() -> [SearchIndexWriter.File] {
        let order = numbers.texts.indices.sorted(by: precedes)
        var files: [SearchIndexWriter.File] = []
        var runStart = 0
        while runStart < order.count {
            let shard = numbers.shards[order[runStart]]
            var runEnd = runStart + 1
            while runEnd < order.count, numbers.shards[order[runEnd]] == shard { runEnd += 1 }
            var out: [UInt8] = []
            for number in order[runStart..<runEnd] {
                ShardCodec.appendLine(term: numbers.texts[number].utf8, postings: placed[starts[number]..<starts[number + 1]], to: &out)
            }
            files.append((IndexLayout.shard(SearchTokenizer.shardKey(of: numbers.texts[order[runStart]])), out))
            runStart = runEnd
        }
        return files
    }

    /// Whether term `first` comes before term `second`: by shard, then as their UTF-8.
    private func precedes(_ first: Int, _ second: Int) -> Bool {
        let (shardA, shardB) = (numbers.shards[first], numbers.shards[second])
        if shardA != shardB { return shardA < shardB }
        let (keyA, keyB) = (numbers.keys[first], numbers.keys[second])
        if keyA & TermKey.word != TermKey.word { return keyA < keyB }
        return numbers.texts[first].utf8.lexicographicallyPrecedes(numbers.texts[second].utf8)
    }
}

/// Numbers the distinct term keys of a partition in the order they are first seen, keeping
/// each one's key, text and shard (as a number: `TermKey.shard`).
private struct TermNumbers {
    private let counter = TermCounter(expected: 512)
    private(set) var keys: [UInt64] = []
    private(set) var texts: [String] = []
    private(set) var shards: [UInt64] = []

    @inline(__always)
    mutating func number(of key: UInt64, text: () -> String) -> Int32 {
        let number = counter.number(of: key)
        if number == texts.count {
            let text = text()
            keys.append(key)
            texts.append(text)
            shards.append(TermKey.shard(key, text: text))
        }
        return Int32(number)
    }
}

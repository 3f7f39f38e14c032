import NotesCore

/// Builds the index's files from every page's counted terms, on every core.
///
/// The result is a function of the documents alone (ids are positions in the list, which the
/// caller sorts by address), so a full build and a patched index (`SearchIndexPatch`) give the
/// same bytes.
public enum SearchIndexWriter {
    /// A file of the index: its path in the site and its bytes.
    public typealias File = (path: String, bytes: [UInt8])

    /// Every file of the index of `documents`, sorted by path.
    public static func build(_ documents: [CountedDocument]) -> [File] {
        let shards = ForkJoin.map(Array(0..<IndexPartition.count)) { partition in
            shardFiles(partition: partition, documents: documents)
        }
        let chunkCount = (documents.count + IndexLayout.chunkSize - 1) / IndexLayout.chunkSize
        let chunks = ForkJoin.map(Array(0..<chunkCount)) { chunk -> File in
            let slice = documents[(chunk * IndexLayout.chunkSize)..<min(documents.count, (chunk + 1) * IndexLayout.chunkSize)]
            return (IndexLayout.chunk(of: chunk * IndexLayout.chunkSize), DocumentChunk.encode(slice.map(\.document)))
        }
        var files = shards.flatMap { $0 } + chunks
        files.append((IndexLayout.manifest, manifest(of: documents).encode()))
        return files.sorted { $0.path < $1.path }
    }

    /// The manifest of `documents`.
    static func manifest(of documents: [CountedDocument]) -> IndexManifest {
        IndexManifest(
            documents: documents.count, length: documents.reduce(0) { $0 + $1.length },
            lengths: documents.map { IndexManifest.lengthBucket($0.length) }, key: IndexManifest.key(of: documents.map(\.document.url)))
    }

    /// The shards of one partition: its terms' postings gathered from every document.
    private static func shardFiles(partition: Int, documents: [CountedDocument]) -> [File] {
        var postings: [String: ShardCodec.Postings] = [:]
        for (id, document) in documents.enumerated() {
            let range = Int(document.partitionStarts[partition])..<Int(document.partitionStarts[partition + 1])
            for index in range {
                let (term, count) = document.terms[index]
                postings[term, default: []].append((id, count))
            }
        }
        var shards: [String: [(term: String, postings: ShardCodec.Postings)]] = [:]
        for (term, list) in postings { shards[SearchTokenizer.shardKey(of: term), default: []].append((term, list)) }
        return shards.map { key, terms in (IndexLayout.shard(key), ShardCodec.encode(terms)) }
    }
}

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

    /// The files of an index: those published in the site, and the pages' terms kept in
    /// the build's state folder (`IndexLayout.keptTerms(of:)`).
    public struct Files {
        public var site: [File] = []
        public var kept: [File] = []
    }

    /// Every file of the index of `documents`, each list sorted by path.
    public static func build(_ documents: [CountedDocument]) -> Files {
        let shards = ForkJoin.map(Array(0..<IndexPartition.count)) { partition in
            PartitionMerge(partition: partition, documents: documents).shardFiles()
        }
        let chunkCount = (documents.count + IndexLayout.chunkSize - 1) / IndexLayout.chunkSize
        let chunks = ForkJoin.map(Array(0..<chunkCount)) { chunk -> (titles: File, kept: File) in
            let slice = documents[(chunk * IndexLayout.chunkSize)..<min(documents.count, (chunk + 1) * IndexLayout.chunkSize)]
            return Self.chunk(pages: slice.map { ($0.url, $0.title) }, records: slice.map(KeptTerms.record), first: chunk * IndexLayout.chunkSize)
        }
        var files = Files(site: shards.flatMap { $0 } + chunks.map(\.titles), kept: chunks.map(\.kept))
        files.site.append((IndexLayout.manifest, manifest(of: documents).encode()))
        files.site.sort { $0.path < $1.path }
        files.kept.sort { $0.path < $1.path }
        return files
    }

    /// The title chunk and the chunk of kept terms of the pages with addresses and titles
    /// `pages` and kept terms `records` (`KeptTerms.record`), the first of which has id `first`.
    static func chunk(pages: [(url: String, title: String)], records: [some Collection<UInt8>], first: Int) -> (titles: File, kept: File) {
        let kept = KeptTerms.chunk(records)
        return ((IndexLayout.chunk(of: first), ResultTitles.encode(pages, terms: ContentHash.of(kept))), (IndexLayout.keptTerms(of: first), kept))
    }

    /// The manifest of `documents`.
    static func manifest(of documents: [CountedDocument]) -> IndexManifest {
        IndexManifest(
            documents: documents.count, length: documents.reduce(0) { $0 + $1.length },
            lengths: documents.map { IndexManifest.lengthBucket($0.length) }, key: IndexManifest.key(of: documents.map(\.url)))
    }
}

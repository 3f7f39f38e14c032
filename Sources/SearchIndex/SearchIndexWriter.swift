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
            PartitionMerge(partition: partition, documents: documents).shardFiles()
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
}

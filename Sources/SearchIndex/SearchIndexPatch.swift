/// Updates a built index for a few changed pages, touching only their shards and chunks.
///
/// An edit changes one page: its old terms (counted again from its old text in its chunk)
/// leave their shards, its new terms enter theirs; nothing else is read or written. The
/// result is byte for byte what `SearchIndexWriter.build` gives for the new pages.
public enum SearchIndexPatch {
    /// What patching changed.
    public struct Changes {
        /// Files written (new bytes).
        public var files: [SearchIndexWriter.File] = []
        /// Files that no longer exist (a shard left without terms).
        public var removed: Set<String> = []
    }

    /// Patches the index that `read` reads (site paths) for pages `urls` (every page, in id
    /// order) of which `changed` (by id) may have changed; nil when the old index does not
    /// describe the same pages or cannot be read, and the caller builds it whole.
    public static func apply(read: (String) -> [UInt8]?, urls: [String], changed: [Int: CountedDocument]) -> Changes? {
        guard let manifestBytes = read(IndexLayout.manifest), var manifest = IndexManifest.decode(manifestBytes),
            manifest.documents == urls.count, manifest.key == IndexManifest.key(of: urls)
        else { return nil }
        var chunks: [Int: [SearchDocument]] = [:]
        var old: [Int: CountedDocument] = [:]
        for id in changed.keys.sorted() {
            let chunk = id / IndexLayout.chunkSize
            if chunks[chunk] == nil {
                guard let bytes = read(IndexLayout.chunk(of: id)), let documents = DocumentChunk.decode(bytes) else { return nil }
                chunks[chunk] = documents
            }
            guard let documents = chunks[chunk], id % IndexLayout.chunkSize < documents.count else { return nil }
            let previous = documents[id % IndexLayout.chunkSize]
            guard let current = changed[id], previous != current.document else { continue }
            old[id] = CountedDocument(previous)
            chunks[chunk]![id % IndexLayout.chunkSize] = current.document
            manifest.length += current.length - old[id]!.length
            manifest.lengths[id] = IndexManifest.lengthBucket(current.length)
        }
        guard !old.isEmpty else { return Changes() }
        var changes = Changes()
        let edited = old.keys.sorted()
        var keys: Set<String> = []
        for id in edited {
            for (term, _) in old[id]!.terms + changed[id]!.terms { keys.insert(SearchTokenizer.shardKey(of: term)) }
        }
        for key in keys.sorted() {
            guard let shard = patchedShard(read(IndexLayout.shard(key)), edited: edited, changed: changed, key: key) else { return nil }
            if shard.isEmpty {
                changes.removed.insert(IndexLayout.shard(key))
            } else {
                changes.files.append((IndexLayout.shard(key), shard))
            }
        }
        for chunk in Set(edited.map { $0 / IndexLayout.chunkSize }).sorted() {
            changes.files.append((IndexLayout.chunk(of: chunk * IndexLayout.chunkSize), DocumentChunk.encode(chunks[chunk]!)))
        }
        changes.files.append((IndexLayout.manifest, manifest.encode()))
        return changes
    }

    /// A shard without the edited pages' old postings and with their new ones; nil when the
    /// old shard cannot be read as one.
    private static func patchedShard(_ bytes: [UInt8]?, edited: [Int], changed: [Int: CountedDocument], key: String) -> [UInt8]? {
        var terms: [String: ShardCodec.Postings] = [:]
        if let bytes {
            guard let decoded = ShardCodec.decode(bytes) else { return nil }
            let editedSet = Set(edited)
            for (term, postings) in decoded {
                let kept = postings.filter { !editedSet.contains($0.id) }
                if !kept.isEmpty { terms[term] = kept }
            }
        }
        for id in edited {
            for (term, count) in changed[id]!.terms where SearchTokenizer.shardKey(of: term) == key {
                terms[term, default: []].append((id, count))
            }
        }
        let sorted = terms.map { term, postings in (term: term, postings: postings.sorted { $0.id < $1.id }) }
        return sorted.isEmpty ? [] : ShardCodec.encode(sorted)
    }
}

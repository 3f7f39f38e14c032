import NotesCore

/// Updates a built index for a few changed pages, touching only their shards and chunks.
///
/// An edit changes one page: its old terms (kept in the state folder's `KeptTerms`) leave
/// their shards, its new terms enter theirs; nothing else is read or written. The result is
/// byte for byte what `SearchIndexWriter.build` gives for the new pages.
public enum SearchIndexPatch {
    /// What patching changed.
    public struct Changes {
        /// Files written (new bytes): in the site, and kept terms in the state folder.
        public var files = SearchIndexWriter.Files()
        /// Site files that no longer exist (a shard left without terms).
        public var removed: Set<String> = []
    }

    /// Patches the index that `read` reads (site paths), whose kept terms `readKept` reads
    /// (state folder paths), for pages `urls` (every page, in id order) of which `changed`
    /// (by id) may have changed; nil when the old index does not describe the same pages or
    /// cannot be read, or its kept terms are not the ones it was written with, and the
    /// caller builds it whole.
    public static func apply(
        read: (String) -> [UInt8]?, readKept: (String) -> [UInt8]?, urls: [String], changed: [Int: CountedDocument]
    ) -> Changes? {
        guard let manifestBytes = read(IndexLayout.manifest), var manifest = IndexManifest.decode(manifestBytes),
            manifest.documents == urls.count, manifest.key == IndexManifest.key(of: urls)
        else { return nil }
        var chunks: [Int: [ArraySlice<UInt8>]] = [:]
        var old: [Int: KeptTerms.Page] = [:]
        for id in changed.keys.sorted() {
            let chunk = id / IndexLayout.chunkSize
            if chunks[chunk] == nil {
                guard let records = keptRecords(of: id, read: read, readKept: readKept) else { return nil }
                chunks[chunk] = records
            }
            guard let records = chunks[chunk], id % IndexLayout.chunkSize < records.count, let current = changed[id] else { return nil }
            let record = KeptTerms.record(current)
            guard !records[id % IndexLayout.chunkSize].elementsEqual(record) else { continue }
            guard let previous = KeptTerms.page(records[id % IndexLayout.chunkSize]) else { return nil }
            old[id] = previous
            chunks[chunk]![id % IndexLayout.chunkSize] = record[...]
            manifest.length += current.length - previous.length
            manifest.lengths[id] = IndexManifest.lengthBucket(current.length)
        }
        guard !old.isEmpty else { return Changes() }
        var changes = Changes()
        let edits = termEdits(old: old, changed: changed)
        for key in edits.keys.sorted() {
            guard let shard = patchedShard(read(IndexLayout.shard(key)), edits: edits[key]!) else { return nil }
            if shard.isEmpty {
                changes.removed.insert(IndexLayout.shard(key))
            } else {
                changes.files.site.append((IndexLayout.shard(key), shard))
            }
        }
        for chunk in Set(old.keys.map { $0 / IndexLayout.chunkSize }).sorted() {
            guard let files = rewrittenChunk(chunk, records: chunks[chunk]!, urls: urls) else { return nil }
            changes.files.site.append(files.titles)
            changes.files.kept.append(files.kept)
        }
        changes.files.site.append((IndexLayout.manifest, manifest.encode()))
        return changes
    }

    /// The kept records of the chunk holding document `id`, when they are those its title
    /// chunk was written with (a build stopped between the site and the state folder, or a
    /// copied site, leaves them apart).
    private static func keptRecords(of id: Int, read: (String) -> [UInt8]?, readKept: (String) -> [UInt8]?) -> [ArraySlice<UInt8>]? {
        guard let titles = read(IndexLayout.chunk(of: id)).flatMap(ResultTitles.termsHash), let bytes = readKept(IndexLayout.keptTerms(of: id)),
            ContentHash.of(bytes) == titles
        else { return nil }
        return KeptTerms.records(bytes)
    }

    /// The title chunk and kept terms of chunk number `chunk`, whose pages' records are
    /// `records`; nil when a record cannot be read.
    private static func rewrittenChunk(
        _ chunk: Int, records: [ArraySlice<UInt8>], urls: [String]
    ) -> (titles: SearchIndexWriter.File, kept: SearchIndexWriter.File)? {
        let first = chunk * IndexLayout.chunkSize
        var pages: [(url: String, title: String)] = []
        for (offset, record) in records.enumerated() {
            guard first + offset < urls.count, let title = KeptTerms.title(record) else { return nil }
            pages.append((urls[first + offset], title))
        }
        return SearchIndexWriter.chunk(pages: pages, records: records, first: first)
    }

    /// The terms whose count changed on an edited page, by shard key: for each, the edited
    /// pages' new counts (0: the page no longer has the term).
    private static func termEdits(old: [Int: KeptTerms.Page], changed: [Int: CountedDocument]) -> [String: [String: [Int: Int]]] {
        var edits: [String: [String: [Int: Int]]] = [:]
        for (id, before) in old {
            let previous = Dictionary(before.terms.map { ($0.term, $0.count) }, uniquingKeysWith: +)
            let now = Dictionary(uniqueKeysWithValues: changed[id]!.terms.map { ($0.term, $0.count) })
            for term in Set(previous.keys).union(now.keys) where previous[term] != now[term] {
                edits[SearchTokenizer.shardKey(of: term), default: [:]][term, default: [:]][id] = now[term] ?? 0
            }
        }
        return edits
    }

    /// A shard with `edits` applied (term -> page -> new count, 0 to remove). Lines of other
    /// terms are copied as they are: a common term's line lists thousands of pages. Nil when
    /// the old shard cannot be read as one.
    private static func patchedShard(_ bytes: [UInt8]?, edits: [String: [Int: Int]]) -> [UInt8]? {
        var lines: [(term: ArraySlice<UInt8>, line: [UInt8])] = []
        var pending = edits
        for line in bytes.map(ShardCodec.lines) ?? [] {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
            let term = String(decoding: line[..<tab], as: UTF8.self)
            guard let edit = pending.removeValue(forKey: term) else {
                lines.append((line[..<tab], Array(line) + [UInt8(ascii: "\n")]))
                continue
            }
            guard let postings = ShardCodec.decodePostings(line[(tab + 1)...]) else { return nil }
            if let patched = patchedLine(term: term, postings: postings, edit: edit) { lines.append((line[..<tab], patched)) }
        }
        for (term, edit) in pending {
            if let patched = patchedLine(term: term, postings: [], edit: edit) { lines.append((Array(term.utf8)[...], patched)) }
        }
        lines.sort { $0.term.lexicographicallyPrecedes($1.term) }
        return lines.flatMap(\.line)
    }

    /// A term's line with the edited pages' counts replaced; nil when no page has it left.
    private static func patchedLine(term: String, postings: ShardCodec.Postings, edit: [Int: Int]) -> [UInt8]? {
        var postings = postings.filter { edit[$0.id] == nil }
        for (id, count) in edit where count > 0 { postings.append((id, count)) }
        guard !postings.isEmpty else { return nil }
        postings.sort { $0.id < $1.id }
        var line: [UInt8] = []
        ShardCodec.appendLine(term: term.utf8, postings: postings[...], to: &line)
        return line
    }
}

import Testing

@testable import SearchIndex

/// The index's files: their formats, and patching equal to building anew.
@Suite struct SearchIndexFilesTests {
    private func document(_ number: Int, _ text: String) -> CountedDocument {
        CountedDocument(
            SearchDocument(
                url: "n\(number).html", title: "Note \(number)",
                sections: [.init(anchor: "", heading: "", text: text), .init(anchor: "h", heading: "見出し \(number)", text: "")]))
    }

    @Test func shardsRoundTripWithDistancesAndCountsInBase36() throws {
        let terms: [(term: String, postings: ShardCodec.Postings)] = [("の", [(0, 1), (1, 3), (40, 1)]), ("a", [(7, 36)])]
        let bytes = ShardCodec.encode(terms)
        #expect(String(decoding: bytes, as: UTF8.self) == "a\t7:10\nの\t0,1:3,13\n")
        let decoded = try #require(ShardCodec.decode(bytes))
        #expect(decoded.map(\.term) == ["a", "の"])
        #expect(decoded[1].postings.map(\.id) == [0, 1, 40])
        #expect(decoded[1].postings.map(\.count) == [1, 3, 1])
        #expect(ShardCodec.decode(Array("no tab here\n".utf8)) == nil)
        #expect(ShardCodec.decode(Array("a\t!\n".utf8)) == nil)
    }

    @Test func chunksRoundTripAnyText() throws {
        let hostile = SearchDocument(
            url: "javascript%3Ax.html", title: "<script>alert(1)</script> \"q\" \\ \u{1} \u{2028} 😀 שלום",
            sections: [.init(anchor: "a\"b", heading: "</script>", text: "\n\t")])
        let bytes = DocumentChunk.encode([hostile])
        #expect(!String(decoding: bytes, as: UTF8.self).contains("<"))
        #expect(DocumentChunk.decode(bytes) == [hostile])
        #expect(DocumentChunk.decode(Array("[1]".utf8)) == nil)
    }

    @Test func lengthsAreBucketedOnALogarithmicScale() {
        #expect([0, 1, 2, 100, 10_000, 10_000_000].map { Character(Unicode.Scalar(IndexManifest.lengthBucket($0))) } == ["0", "0", "4", "L", "g", "_"])
    }

    @Test func patchingGivesTheBytesOfAFreshBuild() throws {
        let texts = (0..<30).map { "本文 \($0) は共通 shared text retries" + String(repeating: " extra", count: $0 % 4) }
        var documents = texts.enumerated().map { document($0.offset, $0.element) }
        let old = Dictionary(uniqueKeysWithValues: SearchIndexWriter.build(documents).map { ($0.path, $0.bytes) })
        // Edits: a new word, a removed word, a page emptied, a page unchanged.
        let edits: [Int: String] = [3: texts[3] + " zebra 新語", 17: "本文 17", 29: "", 8: texts[8]]
        for (id, text) in edits { documents[id] = document(id, text) }
        let fresh = Dictionary(uniqueKeysWithValues: SearchIndexWriter.build(documents).map { ($0.path, $0.bytes) })
        let changes = try #require(
            SearchIndexPatch.apply(
                read: { old[$0] }, urls: documents.map(\.document.url), changed: Dictionary(uniqueKeysWithValues: edits.keys.map { ($0, documents[$0]) })))
        var patched = old
        for path in changes.removed { patched[path] = nil }
        for file in changes.files { patched[file.path] = file.bytes }
        #expect(patched == fresh)
        #expect(changes.files.map(\.path).contains("search-index/d/0.json"))
        #expect(!changes.files.map(\.path).contains("search-index/d/1.json"))
    }

    @Test func anIndexOfOtherPagesIsNotPatched() {
        let old = Dictionary(uniqueKeysWithValues: SearchIndexWriter.build([document(0, "a")]).map { ($0.path, $0.bytes) })
        #expect(SearchIndexPatch.apply(read: { old[$0] }, urls: ["other.html"], changed: [0: document(0, "b")]) == nil)
        #expect(SearchIndexPatch.apply(read: { _ in nil }, urls: ["n0.html"], changed: [0: document(0, "b")]) == nil)
    }
}

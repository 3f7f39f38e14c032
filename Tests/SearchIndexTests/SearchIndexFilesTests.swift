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

    @Test func textsRoundTripAnyTextAndTitleChunksEscapeMarkup() throws {
        let hostile = SearchDocument(
            url: "javascript%3Ax.html", title: "<script>alert(1)</script> \"q\" \\ \u{1} \u{2028} 😀 שלום 12:3",
            sections: [.init(anchor: "a\"b", heading: "</script>", text: "\n\t0:"), .init(anchor: "", heading: "", text: "")])
        let bytes = DocumentTexts.encode([hostile, hostile])
        #expect(DocumentTexts.decode(bytes) == [hostile, hostile])
        #expect(DocumentTexts.decode(Array(bytes.dropLast())) == nil)
        #expect(DocumentTexts.decode(Array("[1]".utf8)) == nil)
        #expect(DocumentTexts.decode(Array("notesim search texts 1\n99999999999999999999:x".utf8)) == nil)
        let titles = String(decoding: ResultTitles.encode([hostile], texts: 0xAB), as: UTF8.self)
        #expect(!titles.contains("<"))
        #expect(titles.hasPrefix(#"{"texts":"00000000000000ab","pages":[["javascript%3Ax.html","\u003cscript\u003e"#))
        #expect(ResultTitles.textsHash(Array(titles.utf8)) == 0xAB)
    }

    @Test func lengthsAreBucketedOnALogarithmicScale() {
        #expect([0, 1, 2, 100, 10_000, 10_000_000].map { Character(Unicode.Scalar(IndexManifest.lengthBucket($0))) } == ["0", "0", "4", "L", "g", "_"])
    }

    @Test func patchingGivesTheBytesOfAFreshBuild() throws {
        let texts = (0..<70).map { "本文 \($0) は共通 shared text retries" + String(repeating: " extra", count: $0 % 4) }
        var documents = texts.enumerated().map { document($0.offset, $0.element) }
        let old = files(SearchIndexWriter.build(documents))
        // Edits: a new word, a removed word, a page emptied, a page unchanged.
        let edits: [Int: String] = [3: texts[3] + " zebra 新語", 17: "本文 17", 29: "", 8: texts[8]]
        for (id, text) in edits { documents[id] = document(id, text) }
        let fresh = files(SearchIndexWriter.build(documents))
        let changes = try #require(
            SearchIndexPatch.apply(
                read: { old.site[$0] }, readTexts: { old.texts[$0] }, urls: documents.map(\.document.url),
                changed: Dictionary(uniqueKeysWithValues: edits.keys.map { ($0, documents[$0]) })))
        var patched = old
        for path in changes.removed { patched.site[path] = nil }
        for file in changes.files.site { patched.site[file.path] = file.bytes }
        for file in changes.files.texts { patched.texts[file.path] = file.bytes }
        #expect(patched.site == fresh.site)
        #expect(patched.texts == fresh.texts)
        // Pages 3 to 29 are in the first chunk of 32; 32 to 63 and 64 to 69 are untouched.
        #expect(changes.files.site.map(\.path).filter { $0.hasPrefix("search-index/d/") } == ["search-index/d/0.json"])
        #expect(changes.files.texts.map(\.path) == ["search-texts/0"])
        #expect(fresh.texts.keys.sorted() == ["search-texts/0", "search-texts/1", "search-texts/2"])
    }

    @Test func anIndexOfOtherPagesOrWithOtherKeptTextsIsNotPatched() {
        let old = files(SearchIndexWriter.build([document(0, "a")]))
        let edit: [Int: CountedDocument] = [0: document(0, "b")]
        #expect(SearchIndexPatch.apply(read: { old.site[$0] }, readTexts: { old.texts[$0] }, urls: ["n0.html"], changed: edit) != nil)
        #expect(SearchIndexPatch.apply(read: { old.site[$0] }, readTexts: { old.texts[$0] }, urls: ["other.html"], changed: edit) == nil)
        #expect(SearchIndexPatch.apply(read: { _ in nil }, readTexts: { old.texts[$0] }, urls: ["n0.html"], changed: edit) == nil)
        // Texts missing, or not those the title chunk was written with (a build stopped
        // between the site and its state folder): the old terms are unknown.
        #expect(SearchIndexPatch.apply(read: { old.site[$0] }, readTexts: { _ in nil }, urls: ["n0.html"], changed: edit) == nil)
        let other = files(SearchIndexWriter.build([document(0, "c")]))
        #expect(SearchIndexPatch.apply(read: { old.site[$0] }, readTexts: { other.texts[$0] }, urls: ["n0.html"], changed: edit) == nil)
    }

    /// An index's files by path: those of the site and the kept texts.
    private func files(_ files: SearchIndexWriter.Files) -> (site: [String: [UInt8]], texts: [String: [UInt8]]) {
        (Dictionary(uniqueKeysWithValues: files.site.map { ($0.path, $0.bytes) }), Dictionary(uniqueKeysWithValues: files.texts.map { ($0.path, $0.bytes) }))
    }
}

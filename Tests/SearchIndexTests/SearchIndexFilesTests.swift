import NotesCore
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

    @Test func keptTermsRoundTripAnyTitleAndTermAndTitleChunksEscapeMarkup() throws {
        let title = "<script>alert(1)</script> \"q\" \\ \u{1} \u{2028} 😀 שלום 12:3"
        let hostile = CountedDocument(
            SearchDocument(url: "javascript%3Ax.html", title: title, sections: [.init(anchor: "a\"b", heading: "</script>", text: "Retries 再試行\n\t0:")]))
        let record = KeptTerms.record(hostile)
        let page = try #require(KeptTerms.page(record[...]))
        #expect(page.title == title)
        #expect(page.length == hostile.length)
        #expect(
            page.terms.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }.map { "\($0.term)=\($0.count)" }
                == hostile.terms.map { "\($0.term)=\($0.count)" })
        #expect(KeptTerms.title(record[...]) == title)
        // A chunk is its records, each after its length; anything else is no chunk.
        let chunk = KeptTerms.chunk([record, record])
        #expect(KeptTerms.records(chunk) == [record[...], record[...]])
        #expect(KeptTerms.records(Array(chunk.dropLast())) == nil)
        #expect(KeptTerms.records(Array("[1]".utf8)) == nil)
        #expect(KeptTerms.records(Array("notesim search terms 1\n".utf8) + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) == nil)
        #expect(KeptTerms.page(record.dropLast()) == nil)
        #expect(KeptTerms.page(record[...] + [0]) == nil)
        // A key no count makes (no kind, or no character) is no term.
        var noKind: [UInt8] = []
        for value: UInt64 in [0, 0, 1, 4, 1] { VarInt.append(value, to: &noKind) }
        #expect(KeptTerms.page(noKind[...]) == nil)
        var noCharacter: [UInt8] = []
        for value: UInt64 in [0, 0, 1, 0xD800 << 2 | 1, 1] { VarInt.append(value, to: &noCharacter) }
        #expect(KeptTerms.page(noCharacter[...]) == nil)
        let titles = String(decoding: ResultTitles.encode([("javascript%3Ax.html", title)], terms: 0xAB), as: UTF8.self)
        #expect(!titles.contains("<"))
        #expect(titles.hasPrefix(#"{"terms":"00000000000000ab","pages":[["javascript%3Ax.html","\u003cscript\u003e"#))
        #expect(ResultTitles.termsHash(Array(titles.utf8)) == 0xAB)
    }

    @Test func keptTermsOfEveryKindRoundTrip() throws {
        // Pairs and single characters (astral ones too: U+2000B), and words.
        let document = CountedDocument(
            SearchDocument(url: "a.html", title: "𠀋𠀋 title", sections: [.init(anchor: "", heading: "あ", text: "\u{10FFFF}\u{10FFFF} lambda Retry")]))
        let page = try #require(KeptTerms.page(KeptTerms.record(document)[...]))
        #expect(Set(page.terms.map { "\($0.term)=\($0.count)" }) == Set(document.terms.map { "\($0.term)=\($0.count)" }))
        #expect(page.terms.count == document.terms.count)
        #expect(page.terms.contains { $0.term == "𠀋𠀋" })
        #expect(page.terms.contains { $0.term == "lambda" })
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
        // And a page retitled, its text the same.
        documents[40] = CountedDocument(
            SearchDocument(
                url: "n40.html", title: "Renamed", sections: [.init(anchor: "", heading: "", text: texts[40]), .init(anchor: "h", heading: "見出し 40", text: "")])
        )
        let fresh = files(SearchIndexWriter.build(documents))
        let changes = try #require(
            SearchIndexPatch.apply(
                read: { old.site[$0] }, readKept: { old.kept[$0] }, urls: documents.map(\.url),
                changed: Dictionary(uniqueKeysWithValues: (Array(edits.keys) + [40]).map { ($0, documents[$0]) })))
        var patched = old
        for path in changes.removed { patched.site[path] = nil }
        for file in changes.files.site { patched.site[file.path] = file.bytes }
        for file in changes.files.kept { patched.kept[file.path] = file.bytes }
        #expect(patched.site == fresh.site)
        #expect(patched.kept == fresh.kept)
        // Pages 3 to 29 are in the first chunk of 32, page 40 in the second; 64 to 69 are untouched.
        #expect(changes.files.site.map(\.path).filter { $0.hasPrefix("search-index/d/") } == ["search-index/d/0.json", "search-index/d/1.json"])
        #expect(changes.files.kept.map(\.path) == ["search-terms/0", "search-terms/1"])
        #expect(fresh.kept.keys.sorted() == ["search-terms/0", "search-terms/1", "search-terms/2"])
    }

    @Test func anIndexOfOtherPagesOrWithOtherKeptTermsIsNotPatched() {
        let old = files(SearchIndexWriter.build([document(0, "a")]))
        let edit: [Int: CountedDocument] = [0: document(0, "b")]
        #expect(SearchIndexPatch.apply(read: { old.site[$0] }, readKept: { old.kept[$0] }, urls: ["n0.html"], changed: edit) != nil)
        #expect(SearchIndexPatch.apply(read: { old.site[$0] }, readKept: { old.kept[$0] }, urls: ["other.html"], changed: edit) == nil)
        #expect(SearchIndexPatch.apply(read: { _ in nil }, readKept: { old.kept[$0] }, urls: ["n0.html"], changed: edit) == nil)
        // Kept terms missing, or not those the title chunk was written with (a build stopped
        // between the site and its state folder): the old terms are unknown.
        #expect(SearchIndexPatch.apply(read: { old.site[$0] }, readKept: { _ in nil }, urls: ["n0.html"], changed: edit) == nil)
        let other = files(SearchIndexWriter.build([document(0, "c")]))
        #expect(SearchIndexPatch.apply(read: { old.site[$0] }, readKept: { other.kept[$0] }, urls: ["n0.html"], changed: edit) == nil)
    }

    /// An index's files by path: those of the site and the kept terms.
    private func files(_ files: SearchIndexWriter.Files) -> (site: [String: [UInt8]], kept: [String: [UInt8]]) {
        (Dictionary(uniqueKeysWithValues: files.site.map { ($0.path, $0.bytes) }), Dictionary(uniqueKeysWithValues: files.kept.map { ($0.path, $0.bytes) }))
    }
}

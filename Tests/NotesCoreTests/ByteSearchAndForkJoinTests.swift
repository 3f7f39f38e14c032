import NotesCore
import Testing

@Suite struct ByteSearchTests {
    @Test func findsByteRangesOfMultiByteText() {
        #expect(ByteSearch.firstRange(of: "</h1>\n", in: "<h1 id=\"見出し\">見出し</h1>\n本文") == 28..<34)
        #expect(ByteSearch.firstRange(of: "ab", in: "xxabab", from: 3) == 4..<6)
        #expect(ByteSearch.firstRange(of: "abc", in: "ab") == nil)
        #expect(ByteSearch.firstRange(of: "", in: "ab") == nil)
        #expect(ByteSearch.firstRange(of: "可視性", in: "SQS の可視性タイムアウト") == 7..<16)
    }
}

@Suite struct ForkJoinTests {
    @Test func resultsKeepInputOrder() {
        let items = Array(0..<10_000)
        #expect(ForkJoin.map(items) { $0 * 2 } == items.map { $0 * 2 })
        #expect(ForkJoin.map([Int]()) { $0 } == [])
        #expect(ForkJoin.map([7]) { $0 + 1 } == [8])
    }

    @Test func sharedCounterCountsEveryAdd() {
        let counter = SharedCounter()
        let totals = ForkJoin.map(Array(0..<1_000)) { _ in counter.add() }
        #expect(Set(totals) == Set(1...1_000))
    }
}

@Suite struct HTMLEscapingBytesTests {
    @Test func escapesAroundMultiByteCharacters() {
        #expect(HTMLEscaping.text("可視性 <タイム> & \"秒\" 'x'\u{01}") == "可視性 &lt;タイム&gt; &amp; &quot;秒&quot; &#39;x&#39;")
        #expect(HTMLEscaping.text("そのまま") == "そのまま")
        #expect(HTMLEscaping.text("a\tb\nc") == "a\tb\nc")
    }
}

import Foundation
import NotesCore
import Testing

@Suite struct ByteSearchTests {
    @Test func findsByteRangesOfMultiByteText() {
        #expect(ByteSearch.firstRange(of: "</h1>\n", in: "<h1 id=\"見出し\">見出し</h1>\n本文") == 28..<34)
        #expect(ByteSearch.firstRange(of: "ab", in: "xxabab", from: 3) == 4..<6)
        #expect(ByteSearch.firstRange(of: "abc", in: "ab") == nil)
        #expect(ByteSearch.firstRange(of: "", in: "ab") == nil)
        #expect(ByteSearch.firstRange(of: "可視性", in: "SQS の可視性タイムアウト") == 7..<16)
        #expect(ByteSearch.firstRange(of: "aab", in: "aaaab") == 2..<5)
        #expect(ByteSearch.firstRange(of: "b", in: "aaaab") == 4..<5)
        #expect(ByteSearch.firstRange(of: "abc", in: "xxabxab") == nil)
        #expect(ByteSearch.firstRange(of: "ab", in: "abab", from: 9) == nil)
    }

    @Test func findsWhetherBytesHoldAByte() {
        #expect(ByteSearch.contains(UInt8(ascii: "^"), in: Array("脚注[^1]".utf8)))
        #expect(ByteSearch.contains(0x9A, in: Array("脚".utf8)))
        #expect(!ByteSearch.contains(UInt8(ascii: "~"), in: Array("取り消し線なし".utf8)))
        #expect(!ByteSearch.contains(0, in: []))
        var text = "行末\r\n"
        #expect(text.withUTF8 { ByteSearch.contains(0x0D, in: $0) })
        #expect(!text.withUTF8 { ByteSearch.contains(UInt8(ascii: "~"), in: $0) })
    }

    @Test func findsEveryOffsetOfAByte() {
        let text = Array("a\nbc\n\nd".utf8)
        #expect(text.withUnsafeBufferPointer { ByteSearch.offsets(of: 0x0A, in: $0) } == [1, 4, 5])
        #expect([UInt8]().withUnsafeBufferPointer { ByteSearch.offsets(of: 0x0A, in: $0) } == [])
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

    @Test func markupWriterEscapesLikeAttribute() {
        for text in ["可視性 <タイム> & \"秒\" 'x'\u{01}", "", "plain", "<<>>", "a\u{1F}b\tc\n", String(repeating: "長い & ", count: 2_000)] {
            let out = MarkupWriter(capacity: 8)
            out.raw("[")
            out.text(text)
            #expect(out.string == "[" + HTMLEscaping.attribute(text))
        }
    }
}

@Suite struct MarkupWriterTests {
    @Test func writesNumbersRoundedToWholeNumbers() {
        let out = MarkupWriter(capacity: 4)
        for value in [0, 12, -3.5, 0.04, 0.5, -0.4, 1234.56, 99.45, -7, 123456789.12] as [Double] {
            out.number(value)
            out.raw(" ")
        }
        out.integer(-120)
        out.raw(" ")
        out.integer(Int.min)
        #expect(out.string == "0 12 -4 0 1 0 1235 99 -7 123456789 -120 -9223372036854775808")
    }

    /// Each length of number on each side of where the writer changes how it writes digits
    /// (one, two and three digits, then counted).
    @Test func writesIntegersOfEveryLength() {
        let out = MarkupWriter(capacity: 4)
        for value in [0, 7, 9, 10, 42, 99, 100, 305, 999, 1000, 9999, 10000, -10, -999, Int.max] {
            out.integer(value)
            out.raw(",")
        }
        #expect(out.string == "0,7,9,10,42,99,100,305,999,1000,9999,10000,-10,-999,9223372036854775807,")
    }

    @Test func writesMarkupAsIsAndTextEscaped() {
        let out = MarkupWriter()
        out.raw("<p title=\"")
        out.text("a \"b\" <c>")
        out.raw(string: "\">")
        out.text("ノート & メモ")
        out.raw("</p>")
        #expect(out.string == "<p title=\"a &quot;b&quot; &lt;c&gt;\">ノート &amp; メモ</p>")
    }

    /// Runs of every length from 0 to 40 bytes (each way of copying: byte by byte, two
    /// overlapping words of 4 or 8 bytes, and `memcpy`), appended through a buffer that grows
    /// from 64 bytes, read back exactly.
    @Test func runsOfEveryLengthAreCopiedWhole() {
        let out = MarkupWriter(capacity: 1)
        var expected: [UInt8] = []
        for length in 0...40 {
            let run = (0..<length).map { UInt8(ascii: "a") + UInt8((length + $0) % 26) }
            run.withUnsafeBufferPointer { out.raw(buffer: $0) }
            out.raw(byte: UInt8(ascii: "|"))
            expected += run + [UInt8(ascii: "|")]
        }
        #expect(out.bytes == expected)
        #expect(out.byteCount == 861)
    }
}

/// JSON string literals that are also safe inside an HTML `<script>` element.
@Suite struct JSONStringTests {
    @Test func escapesQuotesControlsMarkupAndLineSeparators() {
        #expect(JSONString.quote("") == "\"\"")
        #expect(JSONString.quote("a\"b\\c\nd\re\tf\u{1}") == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\"")
        #expect(JSONString.quote("<li class=\"x\">A & B</li>") == "\"\\u003cli class=\\\"x\\\"\\u003eA \\u0026 B\\u003c/li\\u003e\"")
        #expect(JSONString.quote("行\u{2028}区\u{2029}切") == "\"行\\u2028区\\u2029切\"")
        #expect(JSONString.quote("ノート — “quoted” \u{E2}") == "\"ノート — “quoted” \u{E2}\"")
    }

    @Test func aLiteralIsWrittenBetweenItsPrefixAndSuffix() {
        #expect(
            JSONString.quotedBytes("<li>目次</li>", prefix: "window.notesimTOC = ", suffix: ";\n")
                == Array("window.notesimTOC = \"\\u003cli\\u003e目次\\u003c/li\\u003e\";\n".utf8))
        #expect(JSONString.quotedBytes("", prefix: "x(", suffix: ")") == Array("x(\"\")".utf8))
    }

    /// Random strings of plain runs and characters that need escaping read back as
    /// themselves through Foundation's JSON parser, and contain no raw `<`, `>` or `&`.
    @Test func quotedStringsReadBackAsThemselves() throws {
        let palette: [String] = ["a", "ab", "行", "—", "\u{2028}", "\u{2029}", "\"", "\\", "\n", "\r", "\t", "\u{1}", "<", ">", "&", "é", "😀", " "]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<2_000 {
            let text = (0..<(next() % 40)).map { _ in palette[next() % palette.count] }.joined()
            let quoted = JSONString.quote(text)
            let parsed = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
            #expect(parsed == text)
            #expect(!quoted.contains("<") && !quoted.contains(">") && !quoted.contains("&"))
        }
    }
}

/// A value computed on another thread is read back whole, as often as asked.
@Suite struct BackgroundTests {
    @Test func theValueIsWaitedForAndKept() {
        let started = SharedCounter()
        let sum = Background { () -> Int in
            _ = started.add()
            return (1...100_000).reduce(0, +)
        }
        #expect(sum.value == 5_000_050_000)
        #expect(sum.value == 5_000_050_000)
        #expect(started.add() == 2, "computed once")
    }

    @Test func aReadyValueIsReadWithoutWaiting() {
        let ready = Background(ready: "目次")
        #expect(ready.value == "目次")
        #expect(ready.value == "目次")
    }

    @Test func anAbsentValueIsAValueToo() {
        #expect(Background { () -> [UInt8]? in nil }.value == nil)
    }
}

/// Values handed to `DeferredRelease` are freed, and not on the thread that handed them over.
@Suite struct DeferredReleaseTests {
    /// Signals, with the thread it ran on, when it is freed.
    private final class Tracked: @unchecked Sendable {
        let freed: DispatchSemaphore
        let thread: SharedThreadBox
        init(freed: DispatchSemaphore, thread: SharedThreadBox) {
            self.freed = freed
            self.thread = thread
        }
        deinit {
            thread.set(pthread_self())
            freed.signal()
        }
    }

    /// The thread a deinit ran on, read after the semaphore was signalled.
    private final class SharedThreadBox: @unchecked Sendable {
        private var value: pthread_t?
        func set(_ thread: pthread_t) { value = thread }
        func get() -> pthread_t? { value }
    }

    @Test func theValueIsFreedOnAnotherThread() {
        let freed = DispatchSemaphore(value: 0)
        let thread = SharedThreadBox()
        var values: [Tracked]? = (0..<3).map { _ in Tracked(freed: freed, thread: thread) }
        DeferredRelease.drop(values.take())
        for _ in 0..<3 { #expect(freed.wait(timeout: .now() + 10) == .success) }
        #expect(values == nil)
        #expect(thread.get().map { pthread_equal($0, pthread_self()) == 0 } == true)
    }
}

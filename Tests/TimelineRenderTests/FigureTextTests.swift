import LambdaSimulator
import NotesCore
import Testing
@testable import TimelineRender

/// A mark's text: interpolation pieces written as the figure's strings write them.
@Suite struct MarkTextTests {
    @Test func idsDurationsAndNumbersAreWrittenInPlace() {
        let text: MarkText = "\(items: [1, 2, 3, 5]) \(TimelineLabels.en.attempt) \(2): ok, \(duration: 1_500, TimelineLabels.en)"
        #expect(text.string == "#1-3,5 attempt 2: ok, 1.5 s")
    }

    @Test func durationsAreInTheLabelsLanguage() {
        let text: MarkText = "\(TimelineLabels.ja.retryIn) \(duration: 150_000, TimelineLabels.ja)"
        #expect(text.string == "再試行まで 2分30秒")
    }

    @Test func textIsKeptAsItIsNotEscaped() {
        let text: MarkText = "\("a & <b>") \(-305) \(items: [])"
        #expect(text.string == "a & <b> -305 none")
        let literal: MarkText = "429"
        #expect(literal.string == "429")
    }

    @Test func plainTextWritesWithoutEscaping() {
        let writer = MarkupWriter()
        var sink = PlainText(writer: writer)
        sink.literal("<")
        sink.integer(-12)
        sink.text("\"ok\" & 再試行")
        #expect(writer.string == "<-12\"ok\" & 再試行")
    }
}

/// Bars of several buckets add the buckets' counts up and keep their highest concurrency.
@Suite struct BucketCountsTests {
    /// An arrival every 10 ms for 3 s and a handler running from each arrival for 25 ms.
    private var aggregates: TraceAggregates {
        var entries: [TraceEntry] = []
        for item in 1...300 {
            let time = Int64(item) * 10
            entries.append(TraceEntry(time: time, event: .arrival(item: item, size: 1, shard: nil, group: nil), rules: []))
            entries.append(TraceEntry(time: time, event: .start(invocation: item, instance: 1, items: [item], attempt: 1), rules: []))
        }
        for item in 1...300 {
            let result: AttemptResult = item % 3 == 0 ? .error : .ok
            let end = TraceEntry(
                time: Int64(item) * 10 + 25, event: .end(invocation: item, instance: 1, items: [item], result: result, reported: []), rules: [])
            entries.append(end)
        }
        entries.sort { $0.time < $1.time }
        return TraceAggregates(entries: entries)
    }

    @Test func barsMatchTheirBuckets() {
        let aggregates = self.aggregates
        let counts = BucketCounts(aggregates, maximumBars: 16)
        #expect(counts.group == 6)
        #expect(counts.bars == 16)
        for bar in 0..<counts.bars {
            let buckets = bar * counts.group..<min((bar + 1) * counts.group, aggregates.usedBuckets)
            #expect(counts.concurrency(bar: bar) == buckets.map(aggregates.concurrency(bucket:)).max())
        }
        #expect((0..<counts.bars).map(counts.concurrency(bar:)).max() == 3)
        #expect((0..<counts.bars).reduce(0) { $0 + counts.count(.arrivals, bar: $1) } == 300)
        #expect((0..<counts.bars).reduce(0) { $0 + counts.count(.attemptsError, bar: $1) } == 100)
    }

    @Test func aRunOfNothingHasOneEmptyBar() {
        let counts = BucketCounts(TraceAggregates(), maximumBars: 64)
        #expect(counts.bars == 1)
        #expect(counts.count(.arrivals, bar: 0) == 0)
        #expect(counts.concurrency(bar: 0) == 0)
    }
}

/// The symbols labels open with are measured on the fast path, as characters.
@Suite struct LoneSymbolTests {
    private func reference(_ text: String) -> Double {
        text.reduce(0.0) { $0 + ($1.unicodeScalars.first.map(TextWidth.width(of:)) ?? 0) } * 11 * 1.05
    }

    @Test(arguments: ["✓ #1-3", "✗ #2", "⌛ #4", "×12", "→ DLQ", "← #1", "◆…", "✓\u{FE0F} #1", "✓\u{301}", "a…", "é 😀 ｶ"])
    func symbolsMeasureLikeCharacters(_ text: String) {
        #expect(TextWidth.estimate(text, fontSize: 11) == reference(text))
    }

    @Test func theSymbolsAreExactlyTheLabelGlyphs() {
        let symbols = "×…←→⌛◆✓✗".unicodeScalars.map(\.value)
        #expect(symbols.allSatisfy(TextWidth.isLoneSymbol))
        #expect(!TextWidth.isLoneSymbol(0xFE0F))
        #expect(!TextWidth.isLoneSymbol(0x301))
        #expect(!TextWidth.isLoneSymbol(0x200D))
        #expect(!TextWidth.isLoneSymbol(0x61))
    }
}

/// The facts pair starts with ends; what never ended is closed at the end, in invocation order.
@Suite struct TraceFactsPairingTests {
    @Test func openAttemptsCloseAtTheEndInInvocationOrder() {
        let entries = [
            TraceEntry(time: 0, event: .start(invocation: 3, instance: 2, items: [3], attempt: 1), rules: []),
            TraceEntry(time: 5, event: .start(invocation: 1, instance: 1, items: [1], attempt: 1), rules: []),
            TraceEntry(time: 7, event: .start(invocation: 2, instance: 2, items: [2], attempt: 1), rules: []),
            TraceEntry(time: 9, event: .end(invocation: 3, instance: 2, items: [3], result: .ok, reported: []), rules: []),
        ]
        let facts = TraceFacts(entries: entries, endTime: 20)
        #expect(facts.attempts.map(\.items) == [[3], [1], [2]])
        #expect(facts.attempts.map(\.end) == [9, 20, 20])
        #expect(facts.attempts.map(\.result) == [.ok, .error, .error])
        #expect(facts.instances == [2, 1])
    }

    @Test func shardsAreListedOnceInTheOrderSeen() {
        let entries = [2, 1, 2, 1, 3].enumerated().map { index, shard in
            TraceEntry(time: Int64(index), event: .arrival(item: index + 1, size: 1, shard: shard, group: nil), rules: [])
        }
        let facts = TraceFacts(entries: entries, endTime: 10)
        #expect(facts.shards == [2, 1, 3])
        #expect(facts.arrivals.count == 5)
    }

    /// Facts within the limits are the same as without them; past either limit there are none.
    @Test func limitsGiveTheFactsOrNothing() throws {
        let entries = [
            TraceEntry(time: 0, event: .arrival(item: 1, size: 1, shard: nil, group: nil), rules: []),
            TraceEntry(time: 1, event: .start(invocation: 1, instance: 1, items: [1], attempt: 1), rules: []),
            TraceEntry(time: 2, event: .arrival(item: 2, size: 1, shard: nil, group: nil), rules: []),
            TraceEntry(time: 3, event: .start(invocation: 2, instance: 2, items: [2], attempt: 1), rules: []),
            TraceEntry(time: 4, event: .end(invocation: 1, instance: 1, items: [1], result: .ok, reported: []), rules: []),
        ]
        // Two arrivals, the attempt that ended and the one still open at the end: four marks.
        let facts = try #require(TraceFacts(entries: entries, endTime: 9, markLimit: 4, laneLimit: 2))
        #expect(facts.markCount == 4)
        #expect(facts.attempts.map(\.end) == [4, 9])
        #expect(facts.instances == [1, 2])
        #expect(TraceFacts(entries: entries, endTime: 9, markLimit: 3, laneLimit: 2) == nil)
        #expect(TraceFacts(entries: entries, endTime: 9, markLimit: 4, laneLimit: 1) == nil)
    }
}

/// The writer escapes text byte for byte as `HTMLEscaping.attribute` does.
@Suite struct MarkupWriterEscapingTests {
    @Test func everyASCIIByteIsEscapedAsTheAttributeRuleSays() {
        let text = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self) + "再試行 & <é>"
        let writer = MarkupWriter()
        writer.text(text)
        #expect(writer.string == HTMLEscaping.attribute(text))
        #expect(writer.string.hasSuffix("再試行 &amp; &lt;é&gt;"))
    }

    @Test func numbersAreWrittenWhole() {
        let writer = MarkupWriter(capacity: 1)
        for value in [0, 7, 42, 999, 1_000, -5, Int.max, Int.min] {
            writer.integer(value)
            writer.raw(" ")
        }
        writer.number(12.5)
        writer.number(-3.4)
        #expect(writer.string == "0 7 42 999 1000 -5 9223372036854775807 -9223372036854775808 13-3")
    }
}

/// Every series' outline and the concurrency line go along the same bar edges.
@Suite struct BarEdgesTests {
    @Test func edgesAreTheAxisPositionsOfTheBarBounds() {
        let aggregates = TraceAggregates(entries: [TraceEntry(time: 1_000, event: .arrival(item: 1, size: 1, shard: nil, group: nil), rules: [])])
        let counts = BucketCounts(aggregates, maximumBars: 4)
        #expect(counts.bars == 4)
        let axis = TimeAxis(intervals: [(0, Int64(counts.bars) * counts.width)], linear: true, left: 100, right: 700)
        let edges = AggregateRows.barEdges(counts, axis: axis)
        #expect(edges.count == 5)
        #expect(edges == (0...4).map { axis.x(Int64($0) * counts.width) })
        #expect(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 })
    }
}

/// The log names the rules that explain an event after it, in reference order.
@Suite struct EventLogRuleTests {
    @Test func rulesFollowTheirEventInItalics() throws {
        var spec = ScenarioSpec(mode: .sqs)
        spec.arrivals = [ArrivalGroup(at: 0)]
        let log = EventLog.html(try Simulator.simulate(spec), options: TimelineOptions(language: "en"))
        #expect(log.contains(": #1 (window) <i>E1 E2</i>\n"))
        #expect(!log.contains("<i></i>"))
        #expect(!log.contains("<i> "))
    }
}

/// An event described into markup reads as the unpadded text line, escaped.
@Suite struct DescribeIntoMarkupTests {
    @Test(arguments: [
        TraceEvent.start(invocation: 2, instance: 1, items: [1], attempt: 2),
        .retryScheduled(items: [1, 2, 3, 7], reason: .throttled, delay: 1_500),
        .coldStart(invocation: 1, instance: 3, items: [4], duration: 250, failed: true),
        .provisioned(instances: [1, 2], initDuration: 61_000),
        .throttled(items: [9], reason: "Rate <exceeded> & \"more\""),
    ])
    func markupMatchesTheTextLine(_ event: TraceEvent) {
        let writer = MarkupWriter()
        Trace.describe(event, into: writer, shards: .shard)
        var line = ""
        Trace.describe(event, into: &line, padded: false, terse: true)
        #expect(writer.string == HTMLEscaping.attribute(line))
    }

    @Test func aStartReadsAsItsLine() {
        let writer = MarkupWriter()
        Trace.describe(.start(invocation: 2, instance: 1, items: [1], attempt: 2), into: writer, shards: .shard)
        #expect(writer.string == "start env 1: #1 (attempt 2)", "an event log's line: no invocation number")
        var dump = ""
        Trace.describe(.start(invocation: 2, instance: 1, items: [1], attempt: 1), into: &dump, padded: false)
        #expect(dump == "start inv 2 on env 1: #1 (attempt 1)", "the text dump keeps every number")
    }

    /// Each event's Japanese line (`TraceWords.japanese`), with a Kafka partition named so.
    @Test(arguments: [
        (TraceEvent.start(invocation: 2, instance: 1, items: [1], attempt: 2), "開始 環境 1: #1 (試行 2)"),
        (.start(invocation: 3, instance: 2, items: [5], attempt: 1), "開始 環境 2: #5"),
        (.end(invocation: 3, instance: 2, items: [5], result: .error, reported: [5]), "終了 環境 2: #5 error 失敗報告 #5"),
        (.batch(invocation: 3, items: [5, 6], trigger: .window, lane: 1), "バッチ レーン 1: #5-6 (window)"),
        (.retryScheduled(items: [1, 2, 3, 7], reason: .throttled, delay: 1_500), "再試行 #1-3,7 +1.5 s (throttled)"),
        (.coldStart(invocation: 1, instance: 3, items: [4], duration: 250, failed: true), "初期化 環境 3: #4 コールドスタート 250 ms 失敗"),
        (.provisioned(instances: [1, 2], initDuration: 61_000), "準備完了 プロビジョニングされた実行環境 #1-2 (Init 1 min 1 s は事前に実行済み)"),
        (.shardBlocked(shard: 1, items: [3]), "ブロック パーティション 0、原因 #3"),
        (.recursionStopped(items: [5], depth: 17), "停止 #5 再帰ループの 17 回目の呼び出し"),
        (.arrival(item: 4, size: 10, shard: 2, group: "k"), "到着 #4 10 B パーティション 1 キー k"),
        (.arrival(item: 5, size: 10, shard: nil, group: "g"), "到着 #5 10 B グループ g"),
    ])
    func japaneseLinesReadInJapanese(_ event: TraceEvent, _ line: String) {
        let writer = MarkupWriter()
        Trace.describe(event, into: writer, shards: .partition, words: .japanese)
        #expect(writer.string == line)
    }
}

/// A bucket starts at the level of handlers running the one before it ended with.
@Suite struct AggregateCountingTests {
    @Test func handlersRunningPeakWithinTheirBucket() {
        let entries = [
            TraceEntry(time: 0, event: .start(invocation: 1, instance: 1, items: [1], attempt: 1), rules: []),
            TraceEntry(time: 0, event: .start(invocation: 2, instance: 2, items: [2], attempt: 1), rules: []),
            TraceEntry(time: 1, event: .end(invocation: 1, instance: 1, items: [1], result: .ok, reported: []), rules: []),
            TraceEntry(time: 2, event: .end(invocation: 2, instance: 2, items: [2], result: .error, reported: []), rules: []),
        ]
        let aggregates = TraceAggregates(entries: entries)
        #expect(aggregates.peakConcurrency == 2)
        #expect(aggregates.usedBuckets == 3)
        #expect((0..<3).map(aggregates.concurrency(bucket:)) == [2, 2, 1])
        #expect(aggregates.total(.attemptsOK) == 1)
        #expect(aggregates.total(.attemptsError) == 1)
    }
}

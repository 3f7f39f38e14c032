import NotesCore

/// The words an event's line is written with (`Trace.describe`): English for the text dump,
/// `simulate --format text` and English pages; Japanese for the event logs of Japanese pages.
///
/// Why a table and not a second writer: a line's shape (which ids, numbers and names it
/// gives, in which order) is one thing, written once in `describe`; only its words change
/// with the page. The pieces are `StaticString`s, so a log of 2,000 lines copies no strings.
/// Durations keep their unit symbols in both languages (`1 min 3 s`, `DurationText.Units.english`):
/// they read alike in Japanese, where `1分3秒` costs eight bytes more on every line.
/// The ids and names that are the scenario's own vocabulary (`error`, `function-error`,
/// `DLQ`, an error's type) stay as the block and its claims spell them.
public struct TraceWords: Sendable {
    /// Each event's name, first on its line.
    public let arrival, response, enqueued, received, batch, start, end, throttled, retry, visible: StaticString
    public let blocked, unblocked, bisected, delivery, discarded, coldStart, stopped, ready, note: StaticString
    /// `env 1`, `lane 0`: an event log's terse lines name the environment and the lane alone
    /// (the text dump's `inv 2 on env 1` and `inv 2 lane 0`, in English only, are written
    /// where it is made).
    public let environment, laneAlone: StaticString
    /// `(attempt 2)`: its opening; the closing is `)`.
    public let attempt: StaticString
    /// `group g1`: an SQS FIFO message group's or a stream record's group, before its name.
    public let group: StaticString
    /// `key a`: a stream record's partition key, named when order is kept per key (K13).
    public let key: StaticString
    public let receiveCount, reported, count, failed: StaticString
    /// `retry #1 in 1 min`: the words before the wait (`再試行 #1 +1 min`).
    public let retryIn: StaticString
    /// `blocked shard 1 by #3`.
    public let blockedBy: StaticString
    /// `init … cold start 200 ms`.
    public let coldStartTook: StaticString
    /// `stopped #1 recursive loop, invocation 17`: the words before and after the depth.
    public let loopAt, loopAtEnd: StaticString
    /// `ready provisioned env #1-2 (Init 1 s ahead)`.
    public let provisioned, initAhead, initAheadEnd: StaticString
    /// An event log's runs of arrivals (`EventLog`): `arrivals #1-26, one every 50 ms, 1024 B
    /// each, shard 1`; a run at one instant is named `arrival`.
    public let arrivals: StaticString
    public let everyStart, everyEnd, sizeStart, sizeEnd, runSeparator: StaticString
    public let shard, partition: StaticString

    public static let english = TraceWords(
        arrival: "arrival", response: "response", enqueued: "enqueued", received: "received", batch: "batch", start: "start",
        end: "end", throttled: "throttled", retry: "retry", visible: "visible", blocked: "blocked", unblocked: "unblocked",
        bisected: "bisected", delivery: "delivery", discarded: "discarded", coldStart: "init", stopped: "stopped", ready: "ready",
        note: "note", environment: "env ", laneAlone: "lane ", attempt: " (attempt ",
        group: "group ", key: "key ",
        receiveCount: " receive count ", reported: " reported ", count: " count ", failed: " FAILED", retryIn: " in ",
        blockedBy: " by ", coldStartTook: " cold start ", loopAt: " recursive loop, invocation ", loopAtEnd: "",
        provisioned: "provisioned env ", initAhead: " (Init ", initAheadEnd: " ahead)", arrivals: "arrivals", everyStart: ", one every ", everyEnd: ",",
        sizeStart: " ", sizeEnd: " B each", runSeparator: ", ", shard: "shard", partition: "partition")

    public static let japanese = TraceWords(
        arrival: "到着", response: "応答", enqueued: "キューに追加", received: "受信", batch: "バッチ", start: "開始",
        end: "終了", throttled: "スロットリング", retry: "再試行", visible: "再び可視", blocked: "ブロック", unblocked: "ブロック解除",
        bisected: "二分割", delivery: "送信", discarded: "破棄", coldStart: "初期化", stopped: "停止", ready: "準備完了",
        note: "注記", environment: "環境 ", laneAlone: "レーン ", attempt: " (試行 ", group: "グループ ",
        key: "キー ",
        receiveCount: " 受信回数 ", reported: " 失敗報告 ", count: " 呼び出し回数 ", failed: " 失敗", retryIn: " +",
        blockedBy: "、原因 ", coldStartTook: " コールドスタート ", loopAt: " 再帰ループの ", loopAtEnd: " 回目の呼び出し",
        provisioned: "プロビジョニングされた実行環境 ", initAhead: " (Init ", initAheadEnd: " は事前に実行済み)", arrivals: "到着",
        everyStart: " (",
        everyEnd: "ごと)", sizeStart: " 各 ", sizeEnd: " B", runSeparator: " ", shard: "シャード", partition: "パーティション",
    )

    /// The words for a language tag: Japanese for `ja`, English otherwise.
    public static func forLanguage(_ tag: String) -> TraceWords {
        InterfaceLanguage.isJapanese(tag) ? .japanese : .english
    }

    /// What a trace's shard is called: a stream's shard or a Kafka topic's partition.
    public func shardWord(_ naming: ShardNaming) -> StaticString {
        naming.isPartition ? partition : shard
    }
}

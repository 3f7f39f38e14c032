import NotesCore

/// The words a figure uses, in the page's language.
public struct TimelineLabels: Sendable {
    public var caller: String
    public var service: String
    public var internalQueue: String
    public var queue: String
    public var shard: String
    /// A Kafka partition's lane (KF1).
    public var partition: String
    public var poller: String
    public var instance: String
    public var function: String
    public var onSuccess: String
    public var onFailure: String
    public var dlq: String
    public var redrive: String
    /// The calling service's dead-letter queue: an SNS subscription's or an EventBridge
    /// target's (R4, R7).
    public var callerDLQ: String
    public var ok: String
    public var error: String
    public var timeout: String
    /// The mark on a throttle (the status code, the same in every language).
    public var throttled: String
    /// What the throttle mark means, in the legend.
    public var throttledWord: String
    public var retryIn: String
    public var delivered: String
    public var deliveryFailed: String
    public var discarded: String
    public var blocked: String
    /// The `Init` phase of a cold start (X1).
    public var coldStart: String
    /// An invocation recursive loop detection stopped (L3).
    public var loopStopped: String
    public var window: String
    public var size: String
    public var payload: String
    public var retry: String
    public var axisCompressed: String
    public var axisLinear: String
    public var laneColumn: String
    public var attempt: String
    /// The word before a count of attempts or arrivals in a figure's description.
    public var attempts: String
    public var arrivals: String
    public var records: String
    /// One record, in a batch's tooltip (`#4 (1 record)`).
    public var record: String
    public var arrival: String
    public var response: String
    public var visible: String
    public var units: DurationText.Units

    /// English.
    public static let en = TimelineLabels(
        caller: "Caller", service: "Lambda", internalQueue: "Event queue", queue: "Queue", shard: "Shard", partition: "Partition",
        poller: "Poller", instance: "Env", function: "Function", onSuccess: "OnSuccess", onFailure: "OnFailure",
        dlq: "DLQ", redrive: "Queue DLQ", callerDLQ: "Caller DLQ", ok: "ok", error: "error", timeout: "timeout", throttled: "429", throttledWord: "throttled",
        retryIn: "retry in", delivered: "delivered", deliveryFailed: "delivery failed", discarded: "discarded",
        blocked: "blocked", coldStart: "cold start (Init)", loopStopped: "loop stopped", window: "window", size: "size", payload: "6 MB", retry: "retry",
        axisCompressed: "Time axis compressed: %d idle gaps hidden (%@).", axisLinear: "Linear time axis.",
        laneColumn: "Where", attempt: "attempt", attempts: "attempts", arrivals: "arrivals", records: "records", record: "record",
        arrival: "arrives", response: "response", visible: "visible again", units: .english
    )

    /// Japanese.
    public static let ja = TimelineLabels(
        caller: "呼び出し元", service: "Lambda", internalQueue: "内部キュー", queue: "キュー", shard: "シャード", partition: "パーティション",
        poller: "ポーラー", instance: "実行環境", function: "関数", onSuccess: "成功時の送信先", onFailure: "失敗時の送信先",
        dlq: "DLQ", redrive: "キューの DLQ", callerDLQ: "呼び出し元の DLQ", ok: "成功", error: "エラー", timeout: "タイムアウト", throttled: "429", throttledWord: "スロットリング",
        retryIn: "再試行まで", delivered: "送信", deliveryFailed: "送信失敗", discarded: "破棄",
        blocked: "ブロック中", coldStart: "コールドスタート (Init)", loopStopped: "ループ停止", window: "ウィンドウ", size: "サイズ", payload: "6 MB", retry: "再試行",
        axisCompressed: "時間軸を圧縮: 何も起きない %d 区間を省略 (%@)。", axisLinear: "時間軸は等間隔。",
        laneColumn: "場所", attempt: "試行", attempts: "試行", arrivals: "到着", records: "件", record: "件",
        arrival: "到着", response: "応答", visible: "再び可視", units: .japanese
    )

    /// The labels for a language tag; English for anything but Japanese.
    public static func forLanguage(_ tag: String) -> TimelineLabels {
        InterfaceLanguage.isJapanese(tag) ? .ja : .en
    }

    /// The figure description's note on a compressed axis: `axisCompressed` with `%d` and
    /// `%@` filled in (plain string work: Foundation's `replacingOccurrences` goes through
    /// NSString and UTF-16 on Linux, once per figure).
    public func compressedAxis(gaps: Int, hidden: String) -> String {
        // Scanned as UTF-8 bytes (`%` is ASCII, so every split falls between characters) and
        // written into one buffer: a Character-wise search would split the Japanese text into
        // graphemes for nothing, and walking the string's UTF-8 view by index cost more.
        var format = axisCompressed
        let text = MarkupWriter(capacity: format.utf8.count + hidden.utf8.count + 8)
        format.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let code = bytes[index] == UInt8(ascii: "%") && index + 1 < bytes.count ? bytes[index + 1] : nil
                switch code {
                case UInt8(ascii: "d"): text.integer(gaps)
                case UInt8(ascii: "@"): text.raw(string: hidden)
                default: text.raw(byte: bytes[index])
                }
                index += code == UInt8(ascii: "d") || code == UInt8(ascii: "@") ? 2 : 1
            }
        }
        return text.string
    }

    /// A duration in this language.
    public func duration(_ milliseconds: Int64) -> String {
        DurationText.format(milliseconds, units: units)
    }
}

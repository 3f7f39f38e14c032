import NotesCore
import LambdaSimulator

/// The words of the aggregate view, in the page's language (the marks' own words are
/// `TimelineLabels`').
public struct AggregateLabels: Sendable {
    public var arrivals: String
    public var attempts: String
    public var retries: String
    public var throttles: String
    public var concurrency: String
    public var first: String
    public var firstFailure: String
    /// "per %@" (a bar's width).
    public var perBarFormat: String
    /// The description's sentence on the compression: bars, their width, the entry count.
    public var compressionFormat: String
    public var exemplarsFormat: String

    public static let en = AggregateLabels(
        arrivals: "Arrivals", attempts: "Attempts", retries: "Retries", throttles: "Throttles", concurrency: "Running at once", first: "first",
        firstFailure: "first failure", perBarFormat: "per %@",
        compressionFormat: "Counts of %d entries drawn as %b bars of %@ each (one mark per attempt up to %m marks).",
        exemplarsFormat: "Drawn one by one: %@.")

    public static let ja = AggregateLabels(
        arrivals: "到着", attempts: "試行", retries: "再試行", throttles: "スロットリング", concurrency: "同時実行数", first: "最初",
        firstFailure: "最初の失敗", perBarFormat: "%@ あたり",
        compressionFormat: "%d 件のできごとを %@ ごとの %b 本の棒で集計 (%m 個以下なら 1 試行 1 個で描画)。",
        exemplarsFormat: "個別に描画: %@。")

    public static func forLanguage(_ tag: String) -> AggregateLabels {
        InterfaceLanguage.isJapanese(tag) ? .ja : .en
    }

    func perBar(_ width: String) -> String {
        Placeholders.fill(perBarFormat, [("@", width)])
    }

    /// An exemplar's lane name: `#37 first failure`, `#5 → DLQ`.
    func exemplarName(_ exemplar: Exemplar, labels: TimelineLabels) -> String {
        let reasons = exemplar.reasons.map { reason -> String in
            switch reason {
            case .first: first
            case .firstFailure: firstFailure
            case .firstOutcome(let outcome): "→ \(outcome.rawValue)"
            }
        }
        return "#\(exemplar.item) " + reasons.joined(separator: ", ")
    }

    /// The figure's description: the totals, how the figure compresses the run and which
    /// inputs are drawn one by one. Not the title: a screen reader reads the figure's title
    /// and then this (`aria-labelledby`), so a description opening with the title read it twice.
    func description(trace: Trace, bucket: String, bars: Int, exemplars: [String], labels: TimelineLabels) -> String {
        let ok = trace.stats.outcomes[.ok] ?? 0
        let count: (Int) -> String = GroupedDigits.text
        var parts = [
            "\(labels.attempts) \(count(trace.stats.attempts))", "\(labels.arrivals) \(count(trace.stats.inputs))", "\(labels.ok) \(count(ok))",
        ]
        if trace.stats.throttles > 0 { parts.append("429 × \(count(trace.stats.throttles))") }
        let delivered = trace.facts.delivered.values.reduce(0, +)
        if delivered > 0 { parts.append("\(labels.delivered) \(count(delivered))") }
        let compression = Placeholders.fill(
            compressionFormat, [("d", count(trace.entryCount)), ("b", count(bars)), ("@", bucket), ("m", count(TimelineView.markLimit))])
        var text = parts.joined(separator: "; ") + ". " + compression
        if !exemplars.isEmpty { text += " " + Placeholders.fill(exemplarsFormat, [("@", exemplars.joined(separator: "; "))]) }
        return text
    }
}

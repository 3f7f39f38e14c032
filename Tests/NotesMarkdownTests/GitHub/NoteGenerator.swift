/// Random study notes for the differential tests: mixes of tables, lists, task items,
/// emphasis, strikethrough, code, links, autolinks, footnotes and CJK text, from a seed.
///
/// Deterministic (SplitMix64), so that a difference found is reproducible by its number.
struct NoteGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    private mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    private mutating func pick<T>(_ choices: [T]) -> T {
        choices[below(choices.count)]
    }

    private static let words = ["Lambda", "invoke", "retry", "queue", "batch", "event", "timeout", "async", "sync", "limit", "SQS", "Kinesis"]
    private static let cjk = ["関数", "呼び出し", "非同期", "同期", "イベント", "キュー", "再試行", "同時実行数", "タイムアウト", "バッチ"]
    private static let fragments = [
        "*強調*", "**bold**", "_under_", "~~消す~~", "~one~", "~~~three~~~", "`code`", "`a|b`", "`a\\|b`", "[link](x.md)",
        "[ref][r]", "<https://aws.amazon.com>", "https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html",
        "https://example.com/a_(b).", "www.example.com/path?q=1,", "www.example.com.", "user@example.com", "a.b-c@example.co.jp",
        "(https://example.com)", "http://x", "ftp://files.example.org/x", "[^1]", "[^note]", "[^missing]", "~", "\\~~not~~",
        "&amp;", "\\|", "|", "!", ":", "1,000", "100 ms", "x@y", "mailto:x@y.z",
    ]

    /// Inline text of a few words and fragments.
    mutating func inline(maxPieces: Int = 6) -> String {
        var pieces: [String] = []
        for _ in 0..<(1 + below(maxPieces)) {
            switch below(4) {
            case 0: pieces.append(pick(Self.words))
            case 1: pieces.append(pick(Self.cjk) + pick(Self.cjk))
            default: pieces.append(pick(Self.fragments))
            }
        }
        // Words are joined as notes join them: CJK text without spaces, other words with one.
        var text = ""
        for piece in pieces {
            let wide = (text.unicodeScalars.last.map { $0.value > 0x3000 } ?? false) || piece.unicodeScalars.first!.value > 0x3000
            text += text.isEmpty || (wide && below(2) == 0) ? piece : " " + piece
        }
        return text
    }

    /// A note of several blocks.
    mutating func note() -> String {
        var blocks: [String] = []
        for _ in 0..<(2 + below(6)) {
            blocks.append(block())
        }
        if below(2) == 0 { blocks.append("[^1]: " + inline(maxPieces: 3)) }
        if below(3) == 0 { blocks.append("[^note]: " + inline(maxPieces: 3) + "\n" + inline(maxPieces: 2)) }
        if below(3) == 0 { blocks.append("[r]: https://example.com/r") }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private mutating func block() -> String {
        switch below(9) {
        case 0: return String(repeating: "#", count: 1 + below(3)) + " " + inline(maxPieces: 3)
        case 1, 2: return table()
        case 3: return list()
        case 4: return "> " + inline() + (below(2) == 0 ? "\n> " + inline() : "")
        case 5: return "```" + pick(["", "json", "yaml", "python"]) + "\n" + pick(["{\"a\": 1}", "a: b", "print(1)", "| x | y |"]) + "\n```"
        case 6: return inline() + "\n" + table()
        default: return inline() + (below(2) == 0 ? "\n" + inline() : "")
        }
    }

    private mutating func table() -> String {
        let columns = 1 + below(4)
        let aligns = [":--", "--:", ":-:", "---", "-"]
        var lines: [String] = []
        let outer = below(3) != 0
        func row(_ cells: [String]) -> String {
            outer ? "| " + cells.joined(separator: " | ") + " |" : cells.joined(separator: " | ")
        }
        lines.append(row((0..<columns).map { _ in inline(maxPieces: 2) }))
        lines.append(row((0..<columns).map { _ in pick(aligns) }))
        for _ in 0..<below(4) {
            let count = max(1, columns + below(3) - 1)
            lines.append(row((0..<count).map { _ in below(6) == 0 ? "" : inline(maxPieces: 3) }))
        }
        return lines.joined(separator: "\n")
    }

    private mutating func list() -> String {
        let ordered = below(3) == 0
        var lines: [String] = []
        for number in 1...(1 + below(4)) {
            let marker = ordered ? "\(number)." : pick(["-", "*", "+"])
            let task = pick(["", "", "[ ] ", "[x] ", "[X] "])
            lines.append("\(marker) \(task)\(inline(maxPieces: 4))")
            if below(4) == 0 { lines.append("   - " + pick(["", "[ ] "]) + inline(maxPieces: 2)) }
        }
        return lines.joined(separator: "\n")
    }
}

/// Hostile YAML and template structures, shared by the scenario, front matter, settings and
/// template generators: each is a few bytes of choice and can be megabytes of text, which is
/// how a fuzzer reaches the nesting and expansion bounds at all.
enum Hostile {
    /// Depths around the 100-level bound and far past it (20,000 crashed the YAML reader).
    static let depths = [2, 99, 100, 101, 1_000, 20_000]
    /// Lengths of a flow list around and far past what a line should hold (300,000 items
    /// were quadratic to read).
    static let lengths = [3, 1_000, 20_000, 300_000]

    /// YAML lines that give `key` a deep, wide or self-referencing value.
    static func structure(key: String, _ choices: inout Choices) -> [String] {
        let depth = choices.pick(depths)
        switch choices.below(6) {
        case 0: return ["\(key): " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)]
        case 1: return ["\(key): " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)]
        case 2: return blockNesting(key: key, depth: min(depth, 1_000))
        case 3: return aliasBomb(key: key, levels: 1 + choices.below(9))
        case 4: return ["\(key): [" + (1...choices.pick(lengths)).map(String.init).joined(separator: ", ") + "]"]
        default: return ["\(key): &a [*a]", "\(key)2: *undefined", "? *a", ": 1"]
        }
    }

    /// `key:` with a block mapping nested `depth` levels.
    private static func blockNesting(key: String, depth: Int) -> [String] {
        [key + ":"] + (1...depth).map { String(repeating: " ", count: $0) + "a:" } + [String(repeating: " ", count: depth + 1) + "1"]
    }

    /// The "billion laughs": each level a list of nine aliases to the level below.
    private static func aliasBomb(key: String, levels: Int) -> [String] {
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<max(2, levels) {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("\(key): *l\(max(1, levels - 1))")
        return lines
    }

    /// A template override (path inside `templates/`, text) that includes itself, nests
    /// deeply, or is left unclosed.
    static func template(_ choices: inout Choices) -> [(String, String)] {
        let depth = choices.pick(depths)
        switch choices.below(7) {
        case 0: return [("partials/footer.mustache", "<footer>{{> partials/footer}}</footer>")]
        case 1:
            return [("partials/footer.mustache", "{{> partials/a}}"), ("partials/a.mustache", "{{> partials/b}}"), ("partials/b.mustache", "{{> partials/a}}")]
        case 2: return [("layout.mustache", "{{<layout}}{{$main}}x{{/main}}{{/layout}}")]
        case 3:
            let open = String(repeating: "{{#page}}", count: depth)
            return [("partials/footer.mustache", open + "x" + String(repeating: "{{/page}}", count: depth))]
        case 4: return [("partials/footer.mustache", "<footer>\n  {{#page}}\n  never closed\n")]
        case 5: return [("partials/pager.mustache", "{{#page}}{{> partials/pager}}{{/page}}")]
        default: return [("partials/footer.mustache", "{{uppercased(page.title)}}{{%CONTENT_TYPE:TEXT}}{{=<% %>=}}<%page.title%>")]
        }
    }
}

/// Cuts code into classed tokens with a language's `LanguageRules`, one pass, left to right.
///
/// Each step looks at the current character and takes the longest thing the rules name
/// there (comment, string, number, variable, word); everything else is plain. Unclosed
/// strings and comments end at the end of the line (or of the code, when they may span
/// lines), so a typo never colours the rest of a block.
struct Tokenizer {
    let rules: LanguageRules
    let text: [Unicode.Scalar]
    private(set) var tokens: [(kind: TokenKind?, range: Range<Int>)] = []
    var position = 0
    /// Whether only white space (and a YAML `- `) precedes the position on its line.
    var atLineStart = true

    init(rules: LanguageRules, text: [Unicode.Scalar]) {
        self.rules = rules
        self.text = text
    }

    /// The tokens of the whole text, contiguous, plain runs merged.
    static func tokens(of code: String, rules: LanguageRules) -> [(kind: TokenKind?, range: Range<Int>)] {
        var tokenizer = Tokenizer(rules: rules, text: Array(code.unicodeScalars))
        tokenizer.run()
        return tokenizer.tokens
    }

    private mutating func run() {
        while position < text.count {
            let start = position
            let kind = step()
            if position == start { position += 1 }
            emit(kind, start..<position)
        }
    }

    private mutating func emit(_ kind: TokenKind?, _ range: Range<Int>) {
        if kind == nil, let last = tokens.last, last.kind == nil, last.range.upperBound == range.lowerBound {
            tokens[tokens.count - 1].range = last.range.lowerBound..<range.upperBound
        } else {
            tokens.append((kind, range))
        }
        // The last line end or other character of the token decides (read from its end).
        for index in range.reversed() {
            let scalar = text[index]
            if scalar == "\n" {
                atLineStart = true
                break
            } else if !(scalar == " " || scalar == "\t" || (rules.keys == .lineStartBeforeColon && scalar == "-" && kind == nil)) {
                atLineStart = false
                break
            }
        }
    }

    /// Takes one token at the position; returns its kind (nil: plain).
    private mutating func step() -> TokenKind? {
        let scalar = text[position]
        if rules.sectionHeaders, atLineStart, scalar == "[" {
            position = lineEnd(from: position)
            return .variable
        }
        if let comment = commentLength() {
            position += comment
            return .comment
        }
        if rules.quotes.contains(scalar) { return string() }
        if Self.isDigit(scalar), !previousIsWord() {
            while position < text.count, isWord(text[position]) || text[position] == "." { position += 1 }
            return .number
        }
        if rules.dollarVariables, scalar == "$", position + 1 < text.count { return variable() }
        if isWord(scalar), !Self.isDigit(scalar) { return word() }
        position += 1
        return nil
    }

    private func commentLength() -> Int? {
        if rules.commentsNeedSpaceBefore, position > 0, !(text[position - 1] == " " || text[position - 1] == "\t" || text[position - 1] == "\n") {
            return nil
        }
        if let block = rules.blockComment, matches(block.open, at: position) {
            let close = find(block.close, from: position + block.open.unicodeScalars.count)
            return (close.map { $0 + block.close.unicodeScalars.count } ?? text.count) - position
        }
        for marker in rules.lineComments where matches(marker, at: position) {
            return lineEnd(from: position) - position
        }
        return nil
    }

    private mutating func string() -> TokenKind {
        let quote = text[position]
        let triple = rules.tripleQuotes && position + 2 < text.count && text[position + 1] == quote && text[position + 2] == quote
        let spansLines = triple || rules.multilineQuotes.contains(quote)
        position += triple ? 3 : 1
        while position < text.count {
            let scalar = text[position]
            if scalar == "\\", rules.backslashEscapes {
                position += 2
                continue
            }
            if scalar == "\n", !spansLines { break }
            position += 1
            if scalar == quote, !triple || (position + 1 < text.count && text[position] == quote && text[position + 1] == quote) {
                if triple { position += 2 }
                break
            }
        }
        position = min(position, text.count)
        if rules.keys == .quotedBeforeColon {
            var next = position
            while next < text.count, text[next] == " " || text[next] == "\t" { next += 1 }
            if next < text.count, text[next] == ":" { return .key }
        }
        return .string
    }

    private mutating func variable() -> TokenKind? {
        position += 1
        if text[position] == "{" {
            while position < text.count, text[position] != "}", text[position] != "\n" { position += 1 }
            if position < text.count, text[position] == "}" { position += 1 }
            return .variable
        }
        let start = position
        while position < text.count, text[position] != "-", text[position] != ".", isWord(text[position]) { position += 1 }
        if position == start, position < text.count, "@#?*!$".unicodeScalars.contains(text[position]) { position += 1 }
        return position > start ? .variable : nil
    }
}

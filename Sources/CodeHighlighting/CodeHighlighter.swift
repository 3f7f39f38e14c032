/// Syntax highlighting for code blocks, at build time: code in, HTML with classed spans out.
///
/// Written in Swift rather than borrowed (no JavaScript library, nothing fetched, no other
/// program to install): a table of rules per language (`LanguageRules+Catalog.swift`)
/// drives one small tokenizer. Pages need no script to show colours, and the output is
/// the same on every machine.
public enum CodeHighlighter {
    /// The language names it knows (aliases included), sorted.
    public static let languages: [String] = [
        "bash", "cfg", "cjs", "conf", "console", "containerfile", "docker", "dockerfile", "dotenv", "env", "go", "golang",
        "hcl", "ini", "java", "javascript", "js", "json", "json5", "jsonc", "jsx", "mjs", "mysql", "node", "postgresql",
        "properties", "psql", "py", "python", "python3", "sh", "shell", "shell-session", "sql", "swift", "terraform", "tf",
        "toml", "ts", "tsx", "typescript", "yaml", "yml", "zsh",
    ]

    /// The code as HTML (escaped, with `<span class="hl-…">` around tokens), or nil when
    /// the language is not one it knows.
    public static func highlight(_ code: String, language: String) -> String? {
        let name = language.lowercased()
        if name == "console" || name == "shell-session" { return ConsoleSession.html(code) }
        guard let rules = LanguageRules.named(name) else { return nil }
        return html(code, rules: rules)
    }

    static func html(_ code: String, rules: LanguageRules) -> String {
        let scalars = Array(code.unicodeScalars)
        var html: [UInt8] = []
        html.reserveCapacity(code.utf8.count * 2)
        for token in Tokenizer.tokens(of: code, rules: rules) {
            append(scalars[token.range], kind: token.kind, to: &html)
        }
        return String(decoding: html, as: UTF8.self)
    }

    /// Appends escaped text, in a span of its kind's class when it has one (a span never
    /// crosses a line end, so each line of the HTML stands alone).
    static func append(_ text: ArraySlice<Unicode.Scalar>, kind: TokenKind?, to html: inout [UInt8]) {
        guard let kind else {
            escape(text, into: &html)
            return
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if !line.isEmpty {
                html += "<span class=\"hl-\(kind.rawValue)\">".utf8
                escape(line, into: &html)
                html += "</span>".utf8
            }
            if !lines.isEmpty { html.append(0x0A) }
        }
    }

    /// Appends the text as UTF-8, with `&`, `<`, `>` and `"` escaped as cmark escapes them.
    private static func escape(_ text: ArraySlice<Unicode.Scalar>, into html: inout [UInt8]) {
        for scalar in text {
            switch scalar {
            case "&": html += "&amp;".utf8
            case "<": html += "&lt;".utf8
            case ">": html += "&gt;".utf8
            case "\"": html += "&quot;".utf8
            default:
                if scalar.isASCII {
                    html.append(UInt8(scalar.value))
                } else {
                    UTF8.encode(scalar) { html.append($0) }
                }
            }
        }
    }
}

/// A console session: `$ ` lines are shell commands after a prompt, other lines output.
enum ConsoleSession {
    static func html(_ code: String) -> String {
        var html: [UInt8] = []
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            let scalars = Array(line.unicodeScalars)
            if line.hasPrefix("$ ") {
                CodeHighlighter.append(scalars[0..<2], kind: .prompt, to: &html)
                html += CodeHighlighter.html(String(line.dropFirst(2)), rules: .shell).utf8
            } else {
                CodeHighlighter.append(scalars[...], kind: .output, to: &html)
            }
            if number < lines.count - 1 { html.append(0x0A) }
        }
        return String(decoding: html, as: UTF8.self)
    }
}

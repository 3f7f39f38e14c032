import Foundation

/// Text renderings of diagnostics for terminals and CI logs.
extension Diagnostic {
    /// The compiler-style line `path:line:col: severity: message [id]`, plus a `note:` line
    /// for the hint when there is one.
    ///
    /// Control characters in the path, message, hint and id are escaped (`TerminalText`), so
    /// the diagnostic is always exactly these lines, whatever a note or file name holds.
    public var formatted: String { formatted(colored: false) }

    /// `formatted`, with the severity words in colour for a terminal (bold red `error`,
    /// bold yellow `warning`, bold cyan `note`), as compilers print them.
    public func formatted(colored: Bool) -> String {
        let location = TerminalText.escaped(location)
        func paint(_ word: String, _ code: String) -> String { colored ? "\u{1B}[1;\(code)m\(word)\u{1B}[0m" : word }
        let word = paint(severity.rawValue, severity == .error ? "31" : severity == .warning ? "33" : "36")
        var text = "\(location): \(word): \(TerminalText.escaped(message)) [\(TerminalText.escaped(id))]"
        if let hint {
            text += "\n\(location): \(paint("note", "36")): \(TerminalText.escaped(hint))"
        }
        return text
    }

    /// `path:line:col`, or `path` alone when the diagnostic has no position (not escaped).
    public var location: String {
        guard let position else { return path }
        return "\(path):\(position.line):\(position.column)"
    }

    /// A GitHub Actions workflow command (`::error file=…,line=…,col=…::message`), on one line.
    ///
    /// Control characters in the fields are first escaped as in `formatted` (a newline a note
    /// smuggled in shows as `\n`, it does not break the annotation); then the fields are encoded
    /// as GitHub documents: `%`, CR and LF in the message, and also `:` and `,` in properties.
    /// The one line break left is the one between the message and the hint, sent as `%0A`.
    public var githubAnnotation: String {
        let command: String
        switch severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties = ["file=\(Self.escapeProperty(TerminalText.escaped(path)))"]
        if let position {
            properties.append("line=\(position.line)")
            properties.append("col=\(position.column)")
        }
        properties.append("title=\(Self.escapeProperty(TerminalText.escaped(id)))")
        var body = TerminalText.escaped(message)
        if let hint { body += "\n" + TerminalText.escaped(hint) }
        return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(body))"
    }

    /// GitHub's encoding of a command's message: `%`, CR and LF as `%25`, `%0D`, `%0A`.
    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// GitHub's encoding of a property value: as the message, and `:` and `,` as `%3A`, `%2C`.
    private static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}

import Foundation

/// Text renderings of diagnostics for terminals and CI logs.
extension Diagnostic {
    /// The compiler-style line `path:line:col: severity: message [id]`, plus a `note:` line
    /// for the hint when there is one.
    public var formatted: String {
        var text = "\(location): \(severity.rawValue): \(message) [\(id)]"
        if let hint {
            text += "\n\(location): note: \(hint)"
        }
        return text
    }

    /// `path:line:col`, or `path` alone when the diagnostic has no position.
    public var location: String {
        guard let position else { return path }
        return "\(path):\(position.line):\(position.column)"
    }

    /// A GitHub Actions workflow command (`::error file=…,line=…,col=…::message`).
    public var githubAnnotation: String {
        let command: String
        switch severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties = ["file=\(Self.escapeProperty(path))"]
        if let position {
            properties.append("line=\(position.line)")
            properties.append("col=\(position.column)")
        }
        properties.append("title=\(Self.escapeProperty(id))")
        var body = message
        if let hint { body += "\n" + hint }
        return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(body))"
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}

import ArgumentParser
import Foundation
import NotesCore

/// Writes the tool's output: diagnostics to standard error, results to standard output.
enum Console {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints diagnostics compiler-style, one per line (with its `note:` hint line), their
    /// severities in colour when standard error is a terminal.
    static func report(_ diagnostics: [Diagnostic]) {
        let colored = colorsErrors
        for diagnostic in diagnostics { error(diagnostic.formatted(colored: colored)) }
    }

    /// Whether standard error / output take colour: a terminal, `NO_COLOR` unset or empty
    /// (no-color.org) and not `TERM=dumb`.
    static let colorsErrors = usesColor(isTerminal: isatty(STDERR_FILENO) != 0, environment: ProcessInfo.processInfo.environment)
    static let colorsOutput = usesColor(isTerminal: isatty(STDOUT_FILENO) != 0, environment: ProcessInfo.processInfo.environment)

    static func usesColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// A verdict line (`✓ attempts: 3`), green or red on a terminal.
    static func verdict(_ line: String, passed: Bool, colored: Bool) -> String {
        colored ? "\u{1B}[\(passed ? "32" : "31")m\(line)\u{1B}[0m" : line
    }

    /// Reports one error about a whole path and gives the exit to throw (status 1).
    ///
    /// Commands report their own failures through this, not as hand-made lines, so a path or
    /// a system message with a control character in it is escaped like any diagnostic.
    static func failure(_ id: String, path: String, _ message: String, hint: String? = nil) -> ExitCode {
        report([.error(id, path: path, at: nil, message, hint: hint)])
        return ExitCode(ExitStatus.failure)
    }

    /// `3 errors, 1 warning`.
    static func counts(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    /// `1 page`, `2 pages`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Seconds with two decimals, for summaries.
    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", value)
    }
}

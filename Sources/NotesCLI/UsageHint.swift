import NotesCore

/// "Did you mean …?" for a mistyped subcommand or option, added to ArgumentParser's message.
///
/// Why: ArgumentParser suggests near misses among a command's own options only; `notesim
/// biuld` got "Unexpected argument 'biuld'" and `--verison` (the version flag every command
/// takes) "Unknown option" with no hint.
enum UsageHint {
    /// `message` with a "Did you mean" line after its first line, when the word it rejects is
    /// close to a subcommand (`subcommands`) or to an option its usage lists (or `--help`,
    /// `--version`); `message` as it is otherwise, or when it already has a suggestion.
    static func adding(to message: String, subcommands: [String]) -> String {
        guard !message.contains("Did you mean"), let first = message.split(separator: "\n", omittingEmptySubsequences: false).first
        else { return message }
        let suggestion: String?
        if let word = quoted(in: first, after: "Unexpected argument '") {
            suggestion = Suggestion.closest(to: word, among: subcommands)
        } else if let option = quoted(in: first, after: "Unknown option '") {
            suggestion = Suggestion.closest(to: option, among: options(in: message) + ["--help", "--version"])
        } else {
            suggestion = nil
        }
        guard let suggestion else { return message }
        return first + "\nDid you mean '\(suggestion)'?" + message.dropFirst(first.count)
    }

    /// The text between `prefix` and the next `'` in `line`.
    private static func quoted(in line: Substring, after prefix: String) -> String? {
        guard let start = line.range(of: prefix)?.upperBound, let end = line[start...].firstIndex(of: "'") else { return nil }
        return String(line[start..<end])
    }

    /// The long options a usage text names (`[--no-search]`, `[--output <output>]`).
    private static func options(in usage: String) -> [String] {
        usage.split(whereSeparator: { $0 == " " || $0 == "[" || $0 == "]" || $0 == "\n" })
            .filter { $0.hasPrefix("--") && $0.count > 2 }
            .map { String($0.prefix { $0 != "=" && $0 != "'" && $0 != "." }) }
    }
}

import NotesCore
import NotesMarkdown

/// Code blocks meant as scenario blocks whose info string is not exactly `scenario`.
///
/// Why: ```` ```Scenario ```` or ```` ```scen ario ```` is valid Markdown, so the block would
/// silently become plain code and its claims would never be checked; a warning says so at
/// the fence.
enum ScenarioInfoString {
    /// The word that makes a fenced block a scenario block.
    static let word = "scenario"

    /// A warning for each code block whose info string looks meant as `scenario`: it differs
    /// by case or spacing, its first word is a misspelling (`scenaro`, `scenarios`) or
    /// `scenario` with something stuck to it (`scenario{.x}`), or a later word is `scenario`
    /// (`yaml scenario`). Why misspellings too: a one-letter typo is the usual one, and it
    /// turned a note with a wrong claim into one that passed.
    static func nearMisses(in page: MarkdownPage, path: String) -> [Diagnostic] {
        page.codeBlocks.compactMap { block in
            guard block.slot == nil, block.language != word, looksMeant(block.info, language: block.language) else { return nil }
            return .warning(
                "scenario.info-string", path: path, at: block.position,
                "this block is shown as code, not run: its info string is '\(block.info)'",
                hint: "write ```scenario (lower case, one word) to run it and check its claims")
        }
    }

    /// Whether an info string (whose first word is `language`) looks meant as `scenario`.
    static func looksMeant(_ info: String, language: String) -> Bool {
        let first = language.lowercased()
        if first.hasPrefix(word), first.dropFirst(word.count).first.map({ !$0.isLetter }) ?? true { return true }
        if info.filter({ !$0.isWhitespace }).lowercased() == word { return true }
        if info.split(whereSeparator: \.isWhitespace).dropFirst().contains(where: { $0.lowercased() == word }) { return true }
        return !first.isEmpty && Suggestion.editDistance(Array(first), Array(word)) <= 2
    }
}

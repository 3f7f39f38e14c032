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

    /// A warning for each code block whose info string differs from `scenario` only by case
    /// or spacing (its first word, or the whole info string with the spaces removed).
    static func nearMisses(in page: MarkdownPage, path: String) -> [Diagnostic] {
        page.codeBlocks.compactMap { block in
            guard block.slot == nil, block.language != word else { return nil }
            let squeezed = block.info.filter { !$0.isWhitespace }.lowercased()
            guard block.language.lowercased() == word || squeezed == word else { return nil }
            return .warning(
                "scenario.info-string", path: path, at: block.position,
                "this block is shown as code, not run: its info string is '\(block.info)'",
                hint: "write ```scenario (lower case, one word) to run it and check its claims")
        }
    }
}

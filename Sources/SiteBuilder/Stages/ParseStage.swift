import NotesCore
import NotesMarkdown

/// Stage 2, parse: note bytes -> `Note` values (UTF-8 check, front matter, Markdown).
public enum ParseStage {
    /// Code-block languages whose blocks become figure slots instead of code.
    public static let slotLanguages: Set<String> = ["scenario"]

    /// Parses one note; `sourcePath` is site-relative and starts with `content/`. Alerts are
    /// titled in the note's language: its front matter's `lang`, else `language` (the site's).
    /// `prose` gathers the text the search index is made from (`MarkdownPage.prose`).
    public static func parse(sourcePath: String, bytes: [UInt8], language: String = "en", prose: Bool = false) -> (Note?, [Diagnostic]) {
        let content: ArraySlice<UInt8>
        switch SourceDecoding.validate(bytes) {
        case .success(let valid): content = valid
        case .failure(let failure): return (nil, [LoadStage.decodingDiagnostic(failure, path: sourcePath)])
        }
        var diagnostics: [Diagnostic] = []
        var frontMatter = FrontMatter()
        let page: MarkdownPage
        if content.starts(with: "---".utf8) {
            let (split, splitProblem) = FrontMatter.split(content, path: sourcePath)
            if let splitProblem { diagnostics.append(splitProblem) }
            if let yaml = split.yaml {
                let (parsed, problems) = FrontMatter.parse(yaml, path: sourcePath)
                frontMatter = parsed
                diagnostics += problems
            }
            page = MarkdownParser.parse(utf8: split.body, options: options(language: frontMatter.lang ?? language, prose: prose))
        } else {
            // No front matter: the bytes go to cmark as they are, without a String between.
            page = MarkdownParser.parse(utf8: Array(content), options: options(language: language, prose: prose))
        }
        diagnostics += ScenarioInfoString.nearMisses(in: page, path: sourcePath)
        let contentPath = LoadStage.contentPath(ofSource: sourcePath)
        let note = Note(sourcePath: sourcePath, contentPath: contentPath, frontMatter: frontMatter, page: page)
        return (prose ? note.withSearchTerms() : note, diagnostics)
    }

    /// How notes in `language` are parsed: scenario slots, code blocks left as markers for
    /// the highlight step (`HighlightStep`), alert titles in that language, and note links
    /// pointing at pages.
    static func options(language: String, prose: Bool) -> MarkdownOptions {
        let strings = UIStrings.forLanguage(language)
        return MarkdownOptions(
            slotLanguages: slotLanguages, rewriteDestination: { destination, _ in OutputPaths.rewrite(destination) },
            alertTitle: { strings.alertTitle($0) }, backToContent: strings.backToContent, markCode: true, collectsProse: prose,
            slotProse: { SearchExtraction.claims(ofScenario: $0) })
    }
}

import NotesCore
import NotesMarkdown

/// Stage 2, parse: note bytes -> `Note` values (UTF-8 check, front matter, Markdown).
public enum ParseStage {
    /// Code-block languages whose blocks become figure slots instead of code.
    public static let slotLanguages: Set<String> = ["scenario"]

    /// Parses one note; `sourcePath` is site-relative and starts with `content/`.
    public static func parse(sourcePath: String, bytes: [UInt8]) -> (Note?, [Diagnostic]) {
        let text: String
        switch SourceDecoding.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(let failure): return (nil, [LoadStage.decodingDiagnostic(failure, path: sourcePath)])
        }
        var diagnostics: [Diagnostic] = []
        let (split, splitProblem) = FrontMatter.split(text, path: sourcePath)
        if let splitProblem { diagnostics.append(splitProblem) }
        var frontMatter = FrontMatter()
        if let yaml = split.yaml {
            let (parsed, problems) = FrontMatter.parse(yaml, path: sourcePath)
            frontMatter = parsed
            diagnostics += problems
        }
        let options = MarkdownOptions(slotLanguages: slotLanguages) { destination, _ in
            OutputPaths.rewrite(destination)
        }
        let page = MarkdownParser.parse(split.body, options: options)
        let contentPath = String(sourcePath.dropFirst(LoadStage.contentFolder.count + 1))
        let note = Note(sourcePath: sourcePath, contentPath: contentPath, frontMatter: frontMatter, page: page)
        return (note, diagnostics)
    }
}

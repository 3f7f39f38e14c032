import NotesCore
import NotesYAML

/// The optional YAML block at the top of a note, between `---` lines.
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    public var description: String?
    /// Position in the navigation: lower first; notes without one follow, by path.
    public var order: Int?
    /// A draft is left out of the site unless the build includes drafts.
    public var draft: Bool = false
    /// The note's language, when it differs from the site's.
    public var lang: String?
    /// Whether each scenario figure shows its YAML open (`scenario-source: open`), for notes
    /// that teach the scenario language; folded under the figure otherwise.
    public var scenarioSourceOpen = false

    public init(title: String? = nil, description: String? = nil, order: Int? = nil, draft: Bool = false, lang: String? = nil) {
        self.title = title
        self.description = description
        self.order = order
        self.draft = draft
        self.lang = lang
    }

    static let knownKeys = ["title", "description", "order", "draft", "lang", "scenario-source"]

    /// The values of `scenario-source`: open or folded under each figure.
    static let scenarioSourceWords = ["open", "folded"]

    /// A note split into front matter and Markdown body.
    public struct Split: Equatable, Sendable {
        /// The YAML between the fences, or nil when the note has no front matter.
        public var yaml: String?
        /// The Markdown as UTF-8, with the front-matter lines replaced by empty lines so that
        /// line numbers in the body are line numbers in the file.
        public var body: [UInt8]
    }

    /// Separates front matter from the body of a note's bytes (UTF-8, as
    /// `SourceDecoding.validate` passed them). A note whose first line is `---` and which
    /// has no closing `---` (or `...`) line gets an error, and is then read as all Markdown.
    ///
    /// Lines may end in `\n`, `\r\n` or a lone `\r` (CommonMark's line endings), and a
    /// byte-order mark may precede the first fence; only the front matter is scanned, never
    /// the rest of the note. Why bytes: the body goes to cmark as bytes, so the note is
    /// never made a String (whose making checks every byte again) only to be split.
    public static func split(_ note: ArraySlice<UInt8>, path: String) -> (Split, Diagnostic?) {
        let bytes = note.starts(with: [0xEF, 0xBB, 0xBF]) ? note.dropFirst(3) : note
        var lines = FenceLines(bytes)
        guard let opening = lines.next(), isFence(bytes[opening.content], dots: false) else { return (Split(yaml: nil, body: Array(bytes)), nil) }
        var yaml: [UInt8] = []
        var yamlLines = 0
        while let line = lines.next() {
            if isFence(bytes[line.content], dots: true) {
                // The fences and the YAML become empty lines: body lines keep their file line numbers.
                var body = [UInt8](repeating: UInt8(ascii: "\n"), count: yamlLines + 1 + (line.next > line.content.upperBound ? 1 : 0))
                body.append(contentsOf: bytes[line.next...])
                return (Split(yaml: String(decoding: yaml, as: UTF8.self), body: body), nil)
            }
            if yamlLines > 0 { yaml.append(UInt8(ascii: "\n")) }
            yaml.append(contentsOf: bytes[line.content])
            yamlLines += 1
        }
        let diagnostic = Diagnostic.error(
            "frontmatter.unclosed", path: path, at: SourcePosition(line: 1, column: 1),
            "front matter starts here but has no closing '---' line",
            hint: "end the front matter with a line of three dashes, or start the note with something else"
        )
        return (Split(yaml: nil, body: Array(bytes)), diagnostic)
    }

    /// `---` (or, to close, `...`) followed only by spaces and tabs.
    private static func isFence(_ line: ArraySlice<UInt8>, dots: Bool) -> Bool {
        let trimmed = line.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return trimmed.elementsEqual("---".utf8) || (dots && trimmed.elementsEqual("...".utf8))
    }

    /// Parses front-matter YAML that starts on file line 2.
    public static func parse(_ yamlText: String, path: String) -> (FrontMatter, [Diagnostic]) {
        var frontMatter = FrontMatter()
        let yaml = EmbeddedYAML(text: yamlText, firstLine: 2, path: path)
        let root: YAMLNode?
        switch yaml.compose(errorID: "frontmatter.syntax") {
        case .failure(let failure): return (frontMatter, failure.diagnostics)
        case .success(let node): root = node
        }
        guard let root else { return (frontMatter, []) }
        guard let pairs = root.stringKeyedPairs else {
            return (frontMatter, [.error("frontmatter.type", path: path, at: yaml.position(of: root), "front matter must be a mapping of keys to values")])
        }
        var diagnostics: [Diagnostic] = []
        func typeError(_ key: String, _ expected: String, _ node: YAMLNode) {
            diagnostics.append(
                .error("frontmatter.type", path: path, at: yaml.position(of: node), "'\(key)' must be \(expected)", hint: node.quotedBooleanHint))
        }
        for (key, keyNode, value) in pairs {
            // `title:` with nothing after it leaves the key at its default, as for any key.
            if value.isNull, knownKeys.contains(key) { continue }
            switch key {
            case "title":
                // A blank title would blank the page's `<title>`, sidebar link and pager:
                // the default (the first heading, else the file name) is taken instead.
                if let string = value.scalar?.string {
                    frontMatter.title = string.allSatisfy(\.isWhitespace) ? nil : string
                } else {
                    typeError(key, "a string", value)
                }
            case "description":
                if let string = value.scalar?.string { frontMatter.description = string } else { typeError(key, "a string", value) }
            case "lang":
                if let string = value.scalar?.string, SiteConfig.languages.contains(string) {
                    frontMatter.lang = string
                } else {
                    typeError(key, "\(SiteConfig.languages.joined(separator: " or ")) (the languages the theme has words for)", value)
                }
            case "order":
                if let number = value.int { frontMatter.order = number } else { typeError(key, "a whole number", value) }
            case "draft":
                if let flag = value.yamlBool { frontMatter.draft = flag } else { typeError(key, "true or false", value) }
            case "scenario-source":
                if let word = value.scalar?.string, scenarioSourceWords.contains(word) {
                    frontMatter.scenarioSourceOpen = word == "open"
                } else {
                    typeError(key, "open or folded (the YAML under each scenario figure)", value)
                }
            default:
                let suggestion = Suggestion.closest(to: key, among: knownKeys)
                diagnostics.append(
                    .error(
                        "frontmatter.unknown-key", path: path, at: yaml.position(of: keyNode),
                        "unknown front-matter key '\(key)'",
                        hint: suggestion.map { "did you mean '\($0)'?" } ?? "known keys: \(knownKeys.joined(separator: ", "))"
                    ))
            }
        }
        return (frontMatter, diagnostics)
    }
}

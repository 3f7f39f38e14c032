/// How one language's code is cut into tokens: the table a `Tokenizer` reads.
///
/// Highlighting is a reading aid, not a parser: a few rules per language (comments,
/// strings, numbers, words, keys) cover what study notes show, and anything the rules do
/// not know stays plain text, never wrong text.
struct LanguageRules: Sendable {
    /// How keys are recognised.
    enum KeyStyle: Sendable {
        case none
        /// A string followed by `:` (JSON).
        case quotedBeforeColon
        /// A word at the start of a line (after indentation and `- `) followed by `:` (YAML).
        case lineStartBeforeColon
        /// A word at the start of a line followed by `=` (TOML, INI, HCL).
        case lineStartBeforeEquals
    }

    var lineComments: [String] = []
    var blockComment: (open: String, close: String)?
    /// Characters that open (and close) a string.
    var quotes: [Unicode.Scalar] = ["\"", "'"]
    /// Quotes whose strings may span lines (JavaScript's `` ` ``, Go's raw strings).
    var multilineQuotes: [Unicode.Scalar] = []
    /// Python's `"""` and `'''`.
    var tripleQuotes = false
    /// Whether `\` escapes the next character inside strings.
    var backslashEscapes = true
    var keywords: Set<String> = []
    var literals: Set<String> = []
    /// Whether keywords and literals match in any case (SQL, Dockerfile).
    var caseInsensitive = false
    /// Keywords only count as the first word of a line (Dockerfile instructions).
    var keywordsAtLineStartOnly = false
    var keys: KeyStyle = .none
    /// `$name` and `${…}` are variables (shell, Dockerfile).
    var dollarVariables = false
    /// Characters besides letters, digits and `_` that may be part of a word.
    var wordCharacters: [Unicode.Scalar] = []
    /// A line that starts with `[` is a section header (TOML, INI).
    var sectionHeaders = false
    /// A comment starts only at a line start or after white space (shell's `#`, YAML's).
    var commentsNeedSpaceBefore = false
}

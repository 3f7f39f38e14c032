extension LanguageRules {
    /// The rules for a code block's language name (as written after the fence, any case);
    /// nil for a language notesim does not highlight.
    static func named(_ name: String) -> LanguageRules? {
        switch name.lowercased() {
        case "json", "jsonc", "json5": json
        case "yaml", "yml": yaml
        case "python", "py", "python3": python
        case "javascript", "js", "mjs", "cjs", "jsx", "node": javascript
        case "typescript", "ts", "tsx": typescript
        case "bash", "sh", "shell", "zsh": shell
        case "swift": swift
        case "java": java
        case "go", "golang": go
        case "sql", "mysql", "postgresql", "psql": sql
        case "toml": toml
        case "ini", "properties", "cfg", "conf", "env", "dotenv": ini
        case "dockerfile", "docker", "containerfile": dockerfile
        case "hcl", "terraform", "tf": hcl
        default: nil
        }
    }

    static let json = LanguageRules(quotes: ["\""], literals: ["true", "false", "null"], keys: .quotedBeforeColon)

    static let yaml = LanguageRules(
        lineComments: ["#"], literals: ["true", "false", "null", "yes", "no", "on", "off", "True", "False", "Null", "~"],
        keys: .lineStartBeforeColon, wordCharacters: ["-", "."], commentsNeedSpaceBefore: true)

    static let python = LanguageRules(
        lineComments: ["#"], tripleQuotes: true,
        keywords: [
            "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
            "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
            "raise", "return", "try", "while", "with", "yield", "match", "case",
        ],
        literals: ["True", "False", "None"])

    static let javascript = LanguageRules(
        lineComments: ["//"], blockComment: ("/*", "*/"), quotes: ["\"", "'", "`"], multilineQuotes: ["`"],
        keywords: javascriptKeywords, literals: ["true", "false", "null", "undefined", "NaN", "Infinity"],
        wordCharacters: ["$"])

    static let typescript = LanguageRules(
        lineComments: ["//"], blockComment: ("/*", "*/"), quotes: ["\"", "'", "`"], multilineQuotes: ["`"],
        keywords: javascriptKeywords.union([
            "interface", "type", "enum", "implements", "declare", "readonly", "namespace", "abstract", "private",
            "protected", "public", "keyof", "as", "satisfies", "string", "number", "boolean", "any", "unknown", "never", "void",
        ]),
        literals: ["true", "false", "null", "undefined", "NaN", "Infinity"], wordCharacters: ["$"])

    private static let javascriptKeywords: Set<String> = [
        "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "export", "extends", "finally", "for", "from", "function", "if", "import", "in", "instanceof", "let", "new",
        "of", "return", "static", "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while", "with", "yield",
    ]

    static let shell = LanguageRules(
        lineComments: ["#"],
        keywords: [
            "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in", "function",
            "return", "export", "local", "readonly", "set", "unset", "source", "exit", "echo", "cd", "sudo",
        ],
        dollarVariables: true, wordCharacters: ["-", "."], commentsNeedSpaceBefore: true)

    static let swift = LanguageRules(
        lineComments: ["//"], blockComment: ("/*", "*/"), quotes: ["\""],
        keywords: [
            "actor", "as", "async", "await", "break", "case", "catch", "class", "continue", "default", "defer", "do", "else",
            "enum", "extension", "fallthrough", "for", "func", "guard", "if", "import", "in", "init", "inout", "internal",
            "is", "let", "private", "protocol", "public", "repeat", "return", "self", "static", "struct", "switch", "throw",
            "throws", "try", "var", "where", "while", "some", "any", "mutating", "final", "override", "fileprivate",
        ],
        literals: ["true", "false", "nil"])

    static let java = LanguageRules(
        lineComments: ["//"], blockComment: ("/*", "*/"),
        keywords: [
            "abstract", "boolean", "break", "byte", "case", "catch", "char", "class", "continue", "default", "do", "double",
            "else", "enum", "extends", "final", "finally", "float", "for", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "new", "package", "private", "protected", "public", "record", "return", "short", "static",
            "super", "switch", "synchronized", "this", "throw", "throws", "try", "var", "void", "volatile", "while",
        ],
        literals: ["true", "false", "null"])

    static let go = LanguageRules(
        lineComments: ["//"], blockComment: ("/*", "*/"), quotes: ["\"", "'", "`"], multilineQuotes: ["`"],
        keywords: [
            "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
            "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
        ],
        literals: ["true", "false", "nil", "iota"])

    static let sql = LanguageRules(
        lineComments: ["--"], blockComment: ("/*", "*/"), backslashEscapes: false,
        keywords: [
            "select", "from", "where", "and", "or", "not", "insert", "into", "values", "update", "set", "delete", "create",
            "table", "index", "drop", "alter", "join", "left", "right", "inner", "outer", "on", "group", "by", "order",
            "having", "limit", "as", "distinct", "union", "all", "in", "is", "like", "between", "case", "when", "then",
            "else", "end", "primary", "key", "foreign", "references", "default", "with", "begin", "commit", "rollback",
        ],
        literals: ["null", "true", "false"], caseInsensitive: true)

    static let toml = LanguageRules(
        lineComments: ["#"], literals: ["true", "false"], keys: .lineStartBeforeEquals, wordCharacters: ["-", "."],
        sectionHeaders: true)

    static let ini = LanguageRules(
        lineComments: ["#", ";"], quotes: [], literals: ["true", "false"], keys: .lineStartBeforeEquals,
        wordCharacters: ["-", "."], sectionHeaders: true)

    static let dockerfile = LanguageRules(
        lineComments: ["#"],
        keywords: [
            "from", "run", "cmd", "label", "expose", "env", "add", "copy", "entrypoint", "volume", "user", "workdir", "arg",
            "onbuild", "stopsignal", "healthcheck", "shell", "maintainer", "as",
        ],
        caseInsensitive: true, keywordsAtLineStartOnly: true, dollarVariables: true, commentsNeedSpaceBefore: true)

    static let hcl = LanguageRules(
        lineComments: ["#", "//"], blockComment: ("/*", "*/"), quotes: ["\""],
        keywords: ["resource", "data", "variable", "output", "module", "provider", "locals", "terraform", "for_each", "for", "in", "if", "dynamic"],
        literals: ["true", "false", "null"], keys: .lineStartBeforeEquals, wordCharacters: ["-"])
}

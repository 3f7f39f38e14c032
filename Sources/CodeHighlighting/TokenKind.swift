/// What a highlighted piece of code is; each kind is a CSS class (`hl-k`, `hl-s` …) whose
/// colours the theme sets for light and dark.
enum TokenKind: String {
    /// A keyword, a Dockerfile instruction, a YAML tag or anchor.
    case keyword = "k"
    case string = "s"
    case number = "n"
    case comment = "c"
    /// `true`, `false`, `null`, `None`, `nil` …
    case literal = "l"
    /// A key: of a JSON object, a YAML mapping, an INI or TOML line, an HCL attribute.
    case key = "a"
    /// A shell variable (`$X`, `${X}`) or a section header (`[section]`).
    case variable = "v"
    /// The prompt of a console session line (`$ `).
    case prompt = "p"
    /// What a console session prints.
    case output = "o"
}

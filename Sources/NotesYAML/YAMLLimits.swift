/// The bounds on the shape of any YAML text notesim reads (front matter, `notesim.yml`,
/// scenario blocks), so that hostile YAML is an error instead of a crash or a hang.
///
/// Every reader (`FastYAML`, the Yams conversion) checks these same numbers, so a text gets
/// the same answer whichever path reads it. No note needs more: the deepest scenario in the
/// repository nests 4 levels and none uses an alias.
public enum YAMLLimits {
    /// Lists and mappings nested inside each other: the readers recurse once per level, and
    /// 20,000 levels overflow a thread's stack.
    public static let maximumDepth = 100
    /// Alias uses (`*name`), counting uses inside expanded aliases: many small aliases are
    /// as costly as a few large ones.
    public static let maximumAliases = 100
    /// Nodes that alias expansion may add to a document: a 316-byte "billion laughs" text
    /// otherwise expands to 10⁹ nodes (12 s and 3 GB).
    public static let maximumExpandedNodes = 10_000
}

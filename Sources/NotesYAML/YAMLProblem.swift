import NotesCore

/// A problem with YAML text that notesim finds itself rather than in libyaml's words: a
/// bound of `YAMLLimits` crossed, or a key written twice in one mapping.
///
/// The readers record a problem at a YAML mark; `EmbeddedYAML` turns it into a diagnostic at
/// the file position, in one `switch`, so every path words it the same.
struct YAMLProblem: Error, Equatable, Sendable {
    enum Reason: Equatable, Sendable {
        /// A list or mapping deeper than `YAMLLimits.maximumDepth`; the mark is its start.
        case tooDeep
        /// The alias use after `YAMLLimits.maximumAliases`; the mark is the alias.
        case tooManyAliases
        /// An alias whose expansion passes `YAMLLimits.maximumExpandedNodes`.
        case aliasesTooLarge
        /// An alias in a mapping key (see `AliasKeyScan`).
        case aliasInKey
        /// The second (or later) occurrence of a key; `first` is where the key first stands.
        case duplicateKey(String, first: YAMLNode.Mark?)
    }

    let reason: Reason
    let mark: YAMLNode.Mark

    /// The diagnostic, positioned by `yaml`; duplicate keys keep the reader's own `syntaxID`.
    func diagnostic(in yaml: EmbeddedYAML, syntaxID: String) -> Diagnostic {
        let position = yaml.position(of: mark)
        switch reason {
        case .tooDeep:
            return .error(
                "yaml.too-deep", path: yaml.path, at: position, "YAML nested more than \(YAMLLimits.maximumDepth) levels deep",
                hint: "notesim reads at most \(YAMLLimits.maximumDepth) nested lists and mappings; flatten the structure")
        case .tooManyAliases:
            return .error(
                "yaml.alias-limit", path: yaml.path, at: position, "more than \(YAMLLimits.maximumAliases) YAML aliases",
                hint: "notesim expands at most \(YAMLLimits.maximumAliases) aliases (*name) in one YAML text; write the values out")
        case .aliasesTooLarge:
            return .error(
                "yaml.alias-limit", path: yaml.path, at: position, "YAML aliases expand to more than \(YAMLLimits.maximumExpandedNodes) nodes",
                hint: "notesim expands aliases (*name) to at most \(YAMLLimits.maximumExpandedNodes) nodes in one YAML text; write the values out")
        case .aliasInKey:
            return .error(
                "yaml.alias-limit", path: yaml.path, at: position, "a YAML alias in a mapping key",
                hint: "notesim does not expand aliases (*name) in keys; write the key out")
        case .duplicateKey(let key, let first):
            let firstText = first.map { " (first at \(yaml.position(of: $0)))" } ?? ""
            return .error(syntaxID, path: yaml.path, at: position, "duplicate key '\(key)' in the same mapping\(firstText)")
        }
    }
}

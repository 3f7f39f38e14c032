import NotesCore

/// A YAML value as notesim's readers take it: scalars, lists and mappings in document
/// order, each with where it starts.
///
/// Yams' own `Node` carries tags, anchors and styles that no reader needs, and cannot be made
/// outside Yams; `FastYAML` builds these directly for the YAML most blocks use, and
/// everything else is converted from Yams.
public enum YAMLNode: Sendable, Equatable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// A position as YAML parsers count it: line and column from 1, columns in Unicode scalars.
    public struct Mark: Sendable, Equatable {
        public let line: Int
        public let column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// Text, and whether it was written plain (not quoted, not a block scalar).
    public struct Scalar: Sendable, Equatable {
        public let string: String
        public let isPlain: Bool
        public let mark: Mark
    }

    /// A list.
    public struct Sequence: Sendable, Equatable, RandomAccessCollection {
        public let nodes: [YAMLNode]
        public let mark: Mark
        public var startIndex: Int { nodes.startIndex }
        public var endIndex: Int { nodes.endIndex }
        public subscript(index: Int) -> YAMLNode { nodes[index] }
    }

    /// Key/value pairs in document order.
    public struct Mapping: Sendable, Equatable, RandomAccessCollection {
        public struct Pair: Sendable, Equatable {
            public let key: YAMLNode
            public let value: YAMLNode
        }

        public let pairs: [Pair]
        public let mark: Mark
        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(index: Int) -> Pair { pairs[index] }
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = self { scalar } else { nil }
    }

    public var sequence: Sequence? {
        if case .sequence(let sequence) = self { sequence } else { nil }
    }

    public var mapping: Mapping? {
        if case .mapping(let mapping) = self { mapping } else { nil }
    }

    /// The text of a scalar.
    public var string: String? { scalar?.string }

    public var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(let sequence): sequence.mark
        case .mapping(let mapping): mapping.mark
        }
    }

    /// The key/value pairs of a mapping node in document order, keys as strings.
    public var stringKeyedPairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard let mapping else { return nil }
        return mapping.pairs.map { (key: $0.key.flowText, keyNode: $0.key, value: $0.value) }
    }

    /// The node written on one line (a key that is not text: `[a, b]`, `{k: v}`).
    public var flowText: String {
        switch self {
        case .scalar(let scalar): scalar.string
        case .sequence(let sequence): "[" + sequence.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let mapping): "{" + mapping.map { "\($0.key.flowText): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }

    /// The node as a YAML 1.1 boolean, as Yams' default resolver reads one: a plain (not
    /// quoted) `true`, `false`, `yes`, `no`, `on` or `off`, in lower, title or upper case.
    public var yamlBool: Bool? {
        guard case .scalar(let scalar) = self, scalar.isPlain else { return nil }
        return Self.booleanWord(scalar.string)
    }

    /// For a boolean word written in quotes (`"false"`, text to YAML), the hint to write it
    /// without them; nil for any other node. Why: the quotes are the whole mistake, and a
    /// message saying only "must be true or false" about `"false"` reads as a contradiction.
    public var quotedBooleanHint: String? {
        guard case .scalar(let scalar) = self, !scalar.isPlain, Self.booleanWord(scalar.string) != nil else { return nil }
        return "write \(scalar.string) without quotes: quoted, it is text"
    }

    private static func booleanWord(_ word: String) -> Bool? {
        switch word {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// A human name for the node's kind, for type errors.
    public var kindDescription: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

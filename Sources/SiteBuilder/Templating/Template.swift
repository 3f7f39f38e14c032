/// A parsed Mustache template: text and tags as a tree, ready to render any number of times.
public struct Template: Sendable {
    /// One piece of a template.
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(TemplateName, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
        case section(TemplateName, [Node], inverted: Bool)
        /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides. A standalone
        /// tag carries its line's indentation, which every line of the partial gets.
        case partial(String, indentation: [UInt8]?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}`: replaced by an override from a `{{<parent}}`.
        case block(String, default: [Node], indentation: [UInt8])
        /// A block's override, directly inside `{{<parent}}`.
        case blockDefinition(String, [Node])
    }

    let nodes: [Node]
    /// The partials (`{{> name}}`) and parents (`{{< name}}`) the template names, in order.
    let references: [PartialReference]

    /// A partial or parent tag: what it names and where, for the theme's cycle check.
    struct PartialReference: Sendable, Equatable {
        var name: String
        let line: Int
        let column: Int
        /// Inside a section or block, so whether it renders depends on the data or on an
        /// override: a recursion through it may end (a table of contents of nested folders).
        let conditional: Bool
    }

    /// Parses Mustache source: variables, sections, inverted sections, comments, partials,
    /// set delimiters and inheritance (`{{<parent}}`, `{{$block}}`), with the spec's rules
    /// for standalone lines.
    public init(_ source: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(Array(source.utf8))
        nodes = try parser.parseTemplate()
        references = parser.references
    }
}

/// A variable or section name: `.` (the current value), `a.b.c` (looked up from the
/// innermost value outwards) or `.a.b` (in the current value only).
struct TemplateName: Sendable, Equatable {
    enum Scope: Sendable { case current, anchored, stack }
    let scope: Scope
    let components: [String]
    /// Each component's `TemplateObject.hash`, worked out when the template is parsed.
    let hashes: [UInt64]

    init(_ name: String) {
        let components = name.split(separator: ".").map(String.init)
        if name == "." || components.isEmpty {
            scope = .current
        } else {
            scope = name.first == "." ? .anchored : .stack
        }
        self.components = components
        hashes = components.map(TemplateObject.hash)
    }
}

/// A template that cannot be parsed, with where (line and column, in characters).
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// `{{/closing}}` came while `open` was still open: reported at `open`'s tag, with
        /// where the closing tag is (line and column).
        case closedOutOfOrder(open: String, closing: String, line: Int, column: Int)
        /// `{{/name}}` with no section open.
        case strayClose(String)
        case unfinishedName
        case expectedSectionEnd
        case invalidSetDelimiter
        case illegalTokenInsideInheritSection
        case unsupportedTransform
        case unsupportedPragma
        case nestedTooDeep

        /// What went wrong, for a diagnostic.
        public var message: String {
            switch self {
            case .closedOutOfOrder(let open, let closing, let line, let column):
                "'\(open)' is never closed: '{{/\(closing)}}' at \(line):\(column) closes another section while it is open"
            case .strayClose(let name): "'{{/\(name)}}' closes no open section"
            case .unfinishedName: "a tag is not closed ('}}' missing)"
            case .expectedSectionEnd: "this section is never closed"
            case .invalidSetDelimiter: "malformed set-delimiter tag"
            case .illegalTokenInsideInheritSection: "only {{$block}} overrides may appear inside {{<parent}}"
            case .unsupportedTransform: "function-style transforms such as {{uppercased(name)}} are not supported"
            case .unsupportedPragma: "pragmas ({{%…}}) are not supported"
            case .nestedTooDeep: "sections, blocks and parents are nested more than \(TemplateParser.maximumNesting) deep"
            }
        }
    }

    public let problem: Problem
    public let line: Int
    public let column: Int
}

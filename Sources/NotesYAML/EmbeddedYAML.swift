import NotesCore
// Yams (libyaml) stays an implementation detail: the rest of notesim sees `YAMLNode`s.
internal import Yams

/// YAML that sits inside a file at some line (front matter, a config file, a scenario
/// block), parsed with Yams, with every position mapped back to the file in character columns.
///
/// NotesYAML is the one module that turns YAML text into nodes: `FastYAML` for the plain
/// YAML most blocks use, Yams for the rest and for every error. Readers of a particular
/// language (front matter, `notesim.yml`, scenario blocks) live with their language.
public struct EmbeddedYAML: Sendable {
    /// The YAML text alone.
    public let text: String
    /// The file line on which the YAML's first line stands.
    public let firstLine: Int
    /// The column added to every position (a block indented inside a list item).
    public let columnOffset: Int
    /// The file, for diagnostics.
    public let path: String

    private let lines: LineIndex

    /// No implicit tags at all: the readers parse booleans (`YAMLNode.yamlBool`), numbers,
    /// durations and sizes from the text themselves, and every implicit-tag rule is a regular
    /// expression that Yams runs on each scalar, again whenever a key is hashed for its
    /// duplicate check (the default resolver's seven rules took a sixth of a build).
    static let resolver = Resolver.basic

    /// `text` may end its lines with `\n`, `\r\n` or a lone `\r`: they are read as `\n`
    /// (a `\r` only ever ends a line, so columns stay), and both readers count lines alike.
    public init(text: String, firstLine: Int, path: String, columnOffset: Int = 0) {
        let text = LineEndings.normalized(text)
        self.text = text
        self.firstLine = firstLine
        self.columnOffset = columnOffset
        self.path = path
        self.lines = LineIndex(text)
    }

    /// The root node, or the diagnostics for malformed YAML (syntax and duplicate keys with
    /// `errorID`; crossed `YAMLLimits` as `yaml.too-deep` and `yaml.alias-limit`).
    ///
    /// `FastYAML` reads the plain block-and-flow YAML that scenario blocks are written in;
    /// anything it does not fully understand, including every syntax error, goes to Yams.
    public func compose(errorID: String) -> Result<YAMLNode?, YAMLFailure> {
        switch FastYAML.read(text) {
        case .node(let node): return .success(node)
        case .problems(let problems): return .failure(YAMLFailure(problems.map { $0.diagnostic(in: self, syntaxID: errorID) }))
        case .declined: return composeWithYams(errorID: errorID)
        }
    }

    /// The root node as Yams (libyaml) reads it, or its diagnostics.
    func composeWithYams(errorID: String) -> Result<YAMLNode?, YAMLFailure> {
        if let mark = AliasKeyScan.firstAliasInKey(lines) {
            return .failure(YAMLFailure([YAMLProblem(reason: .aliasInKey, mark: mark).diagnostic(in: self, syntaxID: errorID)]))
        }
        do {
            // The parser owns the anchors that tell an alias from its anchor (`YamsConversion`).
            let parser = try Parser(yaml: text, resolver: Self.resolver, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return .success(nil) }
            var conversion = YamsConversion(lines: lines)
            let node = try conversion.convert(root)
            withExtendedLifetime(parser) {}
            return .success(node)
        } catch let problem as YAMLProblem {
            return .failure(YAMLFailure([problem.diagnostic(in: self, syntaxID: errorID)]))
        } catch let error as YamlError {
            return .failure(YAMLFailure(diagnostics(for: error, id: errorID)))
        } catch {
            return .failure(YAMLFailure([.error(errorID, path: path, at: SourcePosition(line: firstLine, column: 1), "invalid YAML: \(error)")]))
        }
    }

    /// The file position of a Yams mark (whose columns count Unicode scalars).
    func position(of mark: Mark?) -> SourcePosition {
        position(of: mark.map { YAMLNode.Mark(line: $0.line, column: $0.column) })
    }

    /// The file position of a mark (whose columns count Unicode scalars).
    public func position(of mark: YAMLNode.Mark?) -> SourcePosition {
        guard let mark else { return SourcePosition(line: firstLine, column: 1) }
        let line = max(mark.line, 1)
        // Most lines are ASCII up to the mark: then scalars, characters and bytes agree.
        let scalarsBefore = max(mark.column - 1, 0)
        let bytes = lines.lineBytes(line)
        if bytes.count >= scalarsBefore, !bytes.prefix(scalarsBefore).contains(where: { $0 >= 0x80 }) {
            return SourcePosition(line: firstLine + line - 1, column: scalarsBefore + 1 + columnOffset)
        }
        let lineText = lines.lineText(line)
        let scalars = lineText.unicodeScalars
        let prefixEnd = scalars.index(scalars.startIndex, offsetBy: max(mark.column - 1, 0), limitedBy: scalars.endIndex) ?? scalars.endIndex
        let column = String(scalars[scalars.startIndex..<prefixEnd]).count + 1
        return SourcePosition(line: firstLine + line - 1, column: column + columnOffset)
    }

    /// The position of a node.
    public func position(of node: YAMLNode) -> SourcePosition {
        position(of: node.mark)
    }

    private func diagnostics(for error: YamlError, id: String) -> [Diagnostic] {
        switch error {
        case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level reached"):
            // libyaml's own bound (1,000 levels) is met first only where the fast reader
            // declined the text: report it as the one bound notesim states.
            return [YAMLProblem(reason: .tooDeep, mark: YAMLNode.Mark(line: mark.line, column: mark.column)).diagnostic(in: self, syntaxID: id)]
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return [.error(id, path: path, at: position(of: mark), message, hint: Self.hint(forProblem: problem, at: character(at: mark)))]
        case .duplicatedKeysInMapping(let duplicates, let context):
            let mark = YAMLNode.Mark(line: context.mark.line, column: context.mark.column)
            let problems = DuplicateKeyLocator.problems(keys: duplicates, firstAt: mark, in: lines)
            guard problems.isEmpty else { return problems.map { $0.diagnostic(in: self, syntaxID: id) } }
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return [.error(id, path: path, at: position(of: context.mark), "duplicate key \(names) in the same mapping")]
        case .reader(let problem, _, _, _):
            return [.error(id, path: path, at: SourcePosition(line: firstLine, column: 1), "invalid YAML: \(problem)")]
        default:
            return [.error(id, path: path, at: SourcePosition(line: firstLine, column: 1), "invalid YAML: \(error)")]
        }
    }

    /// The hint for a parser's problem, by the character it stopped at. Why the character:
    /// "cannot start any token" is said of a tab and of a value that starts with `` ` `` or
    /// `@` alike, and only the tab wants re-indenting.
    private static func hint(forProblem problem: String, at character: Character?) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "a value that contains ': ' must be quoted, for example title: \"SQS: batching\""
        }
        if problem.contains("found character that cannot start any token") {
            if character == "\t" { return "YAML does not allow tabs for indentation; indent with spaces" }
            if let character { return "a value cannot start with '\(character)' in YAML: quote it, for example title: \"\(character)…\"" }
        }
        return nil
    }

    /// The character at a Yams mark (whose columns count Unicode scalars), nil past the line.
    private func character(at mark: Mark) -> Character? {
        let scalars = lines.lineText(max(mark.line, 1)).unicodeScalars
        guard let index = scalars.index(scalars.startIndex, offsetBy: max(mark.column - 1, 0), limitedBy: scalars.endIndex),
            index < scalars.endIndex
        else { return nil }
        return Character(scalars[index])
    }
}

extension YAMLNode {
    /// Whether the node is YAML's null: a plain empty value (`title:`), `~` or `null`, which a
    /// setting reads as "not set" (its default) rather than as the text "null" or "".
    public var isNull: Bool {
        guard let scalar, scalar.isPlain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A plain scalar as a YAML 1.1 integer (`12`, `-3`, `1_000`, `0x1F`, `0o17`, `1:30`), as Yams reads one.
    public var int: Int? {
        guard let scalar, scalar.isPlain else { return nil }
        return Int.construct(from: Node.Scalar(scalar.string, .implicit, .plain))
    }
}

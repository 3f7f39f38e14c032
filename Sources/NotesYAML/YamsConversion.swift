import NotesCore
internal import Yams

/// Yams' nodes as `YAMLNode`s, within `YAMLLimits`: nesting depth, alias uses, and the nodes
/// that alias expansion adds.
///
/// Yams' composer shares an anchored node among its aliases, so a "billion laughs" text
/// composes quickly and in little memory; copying it out node by node is what would take
/// 10⁹ steps. Yams does not keep where an alias stands, only the anchored node (whose
/// `anchor` object lives as long as the `Parser`), so an alias is recognised as an anchored
/// node met again and found in the text after the node read before it.
struct YamsConversion {
    /// The YAML's lines, to find an alias's `*name`.
    let lines: LineIndex
    private var depth = 0
    private var aliases = 0
    private var expandedNodes = 0
    /// Anchors met so far (an `Anchor` is a class: one object per `&name` in the text).
    private var anchors: Set<ObjectIdentifier> = []
    /// Where the alias being expanded stands (nil outside an expansion).
    private var expansion: YAMLNode.Mark?
    /// The last position read outside expansions: the next alias stands after it.
    private var cursor = YAMLNode.Mark(line: 1, column: 1)

    init(lines: LineIndex) {
        self.lines = lines
    }

    /// The node, or the first bound it crosses (with the mark of the offending node).
    mutating func convert(_ node: Node) throws(YAMLProblem) -> YAMLNode {
        let mark = Self.mark(node.mark)
        let outermostAlias = try enterAlias(node, at: mark)
        defer { if outermostAlias { expansion = nil } }
        if expansion != nil {
            expandedNodes += 1
            guard expandedNodes <= YAMLLimits.maximumExpandedNodes else { throw YAMLProblem(reason: .aliasesTooLarge, mark: expansion ?? mark) }
        } else {
            cursor = mark
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(YAMLNode.Scalar(string: scalar.string, isPlain: scalar.style == .plain, mark: mark))
        case .sequence(let sequence):
            try enterCollection(at: mark)
            defer { depth -= 1 }
            var nodes: [YAMLNode] = []
            nodes.reserveCapacity(sequence.count)
            for item in sequence { nodes.append(try convert(item)) }
            return .sequence(YAMLNode.Sequence(nodes: nodes, mark: mark))
        case .mapping(let mapping):
            try enterCollection(at: mark)
            defer { depth -= 1 }
            var pairs: [YAMLNode.Mapping.Pair] = []
            pairs.reserveCapacity(mapping.count)
            for pair in mapping { pairs.append(YAMLNode.Mapping.Pair(key: try convert(pair.key), value: try convert(pair.value))) }
            return .mapping(YAMLNode.Mapping(pairs: pairs, mark: mark))
        case .alias:
            return .scalar(YAMLNode.Scalar(string: "", isPlain: false, mark: mark))
        }
    }

    /// Counts an alias use (an anchored node met before); true when it starts an expansion.
    private mutating func enterAlias(_ node: Node, at mark: YAMLNode.Mark) throws(YAMLProblem) -> Bool {
        guard let anchor = node.anchor else { return false }
        guard !anchors.insert(ObjectIdentifier(anchor)).inserted else { return false }
        var outermost = false
        if expansion == nil {
            let position = aliasMark(named: anchor.rawValue) ?? cursor
            cursor = YAMLNode.Mark(line: position.line, column: position.column + 1)
            expansion = position
            outermost = true
        }
        aliases += 1
        guard aliases <= YAMLLimits.maximumAliases else { throw YAMLProblem(reason: .tooManyAliases, mark: expansion ?? mark) }
        return outermost
    }

    private mutating func enterCollection(at mark: YAMLNode.Mark) throws(YAMLProblem) {
        depth += 1
        guard depth <= YAMLLimits.maximumDepth else { throw YAMLProblem(reason: .tooDeep, mark: expansion ?? mark) }
    }

    /// The mark of the first `*name` at or after the cursor, not followed by a name character.
    private func aliasMark(named name: String) -> YAMLNode.Mark? {
        let needle = Array(("*" + name).utf8)
        guard cursor.line <= lines.lineCount else { return nil }
        for line in cursor.line...lines.lineCount {
            let bytes = lines.lineBytes(line)
            var column = 1
            var index = bytes.startIndex
            while index < bytes.endIndex {
                if (line > cursor.line || column >= cursor.column), bytes[index...].starts(with: needle) {
                    let after = index + needle.count
                    if after == bytes.endIndex || !Self.isNameByte(bytes[after]) { return YAMLNode.Mark(line: line, column: column) }
                }
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return nil
    }

    /// A byte of an anchor name as libyaml scans one: letters, digits, `-` and `_`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
            UInt8(ascii: "_"):
            true
        default: false
        }
    }

    private static func mark(_ mark: Yams.Mark?) -> YAMLNode.Mark {
        YAMLNode.Mark(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}

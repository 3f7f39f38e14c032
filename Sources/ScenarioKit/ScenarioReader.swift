import LambdaSimulator
import NotesCore
import NotesYAML

/// Typed access to a scenario's YAML nodes that reports every problem at its position.
struct ScenarioReader {
    let yaml: EmbeddedYAML
    var diagnostics: [Diagnostic] = []
    var positions: KeyPositions

    init(yaml: EmbeddedYAML) {
        self.yaml = yaml
        positions = KeyPositions(yaml: yaml)
    }

    var path: String { yaml.path }

    mutating func error(_ id: String, at node: YAMLNode, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(id, path: path, at: yaml.position(of: node), message, hint: hint))
    }

    /// The pairs of a mapping; unknown keys are errors with a suggestion.
    ///
    /// Read from the mapping's own pairs (each key's text as `stringKeyedPairs` gives it),
    /// without first copying them all into a list of their own.
    mutating func mapping(_ node: YAMLNode, at keyPath: String, known: [String]) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else {
            error("scenario.type", at: node, "'\(keyPath.isEmpty ? "scenario" : keyPath)' must be a mapping of keys to values, not \(node.kindDescription)")
            return []
        }
        var result: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        result.reserveCapacity(mapping.pairs.count)
        for pair in mapping.pairs {
            let key = pair.key.flowText
            guard known.contains(key) else {
                let message = Suggestion.closest(to: key, among: known).map { "unknown key '\(key)'; did you mean '\($0)'?" } ?? "unknown key '\(key)'"
                error("scenario.unknown-key", at: pair.key, message, hint: "keys here: \(known.joined(separator: ", "))")
                continue
            }
            positions.record(parent: keyPath, key: key, at: pair.value.mark)
            result.append((key, pair.key, pair.value))
        }
        return result
    }

    mutating func string(_ node: YAMLNode, _ keyPath: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("scenario.type", at: node, "'\(leaf(keyPath))' must be a single value, not \(node.kindDescription)")
            return nil
        }
        return scalar.string
    }

    mutating func int(_ node: YAMLNode, _ keyPath: String) -> Int? {
        guard let text = string(node, keyPath) else { return nil }
        guard let value = Int(text.replacingUnderscores) else {
            if !outOfRange(text, node, keyPath) {
                error("scenario.type", at: node, "'\(leaf(keyPath))' must be a whole number, not '\(text)'")
            }
            return nil
        }
        return value
    }

    mutating func int64(_ node: YAMLNode, _ keyPath: String) -> Int64? {
        guard let text = string(node, keyPath) else { return nil }
        guard let value = Int64(text.replacingUnderscores) else {
            if !outOfRange(text, node, keyPath) {
                error("scenario.type", at: node, "'\(leaf(keyPath))' must be a whole number (AWS counts it in its own unit), not '\(text)'")
            }
            return nil
        }
        return value
    }

    /// Reports a whole number too large for 64 bits as a range error (it is a number, just
    /// not one anything can count to); false when `text` is not a whole number at all.
    private mutating func outOfRange(_ text: String, _ node: YAMLNode, _ keyPath: String) -> Bool {
        let digits = text.replacingUnderscores
        let unsigned = digits.first == "-" || digits.first == "+" ? digits.dropFirst() : Substring(digits)
        guard !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let bound = digits.first == "-" ? "less than \(Int64.min)" : "more than \(Int64.max)"
        error("scenario.range", at: node, "'\(leaf(keyPath))' is out of range: \(text) is \(bound)")
        return true
    }

    mutating func bool(_ node: YAMLNode, _ keyPath: String) -> Bool? {
        if let value = node.yamlBool { return value }
        error("scenario.type", at: node, "'\(leaf(keyPath))' must be true or false", hint: node.quotedBooleanHint)
        return nil
    }

    /// A duration such as `150ms`, `1.5s`, `2min`; negative durations are errors, and so are
    /// durations beyond `Quantity.maximumDuration` either way (range errors: the text is a
    /// duration, one the simulator cannot add up).
    mutating func duration(_ node: YAMLNode, _ keyPath: String, allowNegative: Bool = false) -> Int64? {
        guard let text = string(node, keyPath) else { return nil }
        let value: Int64
        switch Quantity.readDuration(text) {
        case .value(let read): value = read
        case .outOfRange:
            error("scenario.range", at: node, "'\(leaf(keyPath))' is out of range: \(text) is longer than \(Quantity.maximumDurationText)")
            return nil
        case .fractional:
            error("scenario.duration", at: node, "'\(text)' is finer than a millisecond, the simulator's step", hint: "write whole milliseconds, such as 1ms")
            return nil
        case .invalid:
            error("scenario.duration", at: node, "'\(text)' is not a duration", hint: "write a number with a unit: 150ms, 1.5s, 1m, 2min, 1h")
            return nil
        }
        if value < 0, !allowNegative {
            error("scenario.duration", at: node, "'\(leaf(keyPath))' must not be negative")
            return nil
        }
        return value
    }

    /// A size such as `512B`, `1KB`, `6MB` (MB = 1,048,576 bytes), at most `Quantity.maximumSize`.
    mutating func size(_ node: YAMLNode, _ keyPath: String) -> Int64? {
        guard let text = string(node, keyPath) else { return nil }
        if Quantity.readSize(text) == .outOfRange {
            error("scenario.range", at: node, "'\(leaf(keyPath))' is out of range: \(text) is more than \(Quantity.maximumSizeText)")
            return nil
        }
        guard let value = Quantity.size(text), value >= 0 else {
            error("scenario.size", at: node, "'\(text)' is not a size", hint: "write a number of bytes or a unit: 512B, 1KB, 6MB (1 MB = 1,048,576 bytes)")
            return nil
        }
        return value
    }

    /// A destination or DLQ short name.
    mutating func target(_ node: YAMLNode, _ keyPath: String) -> TargetKind? {
        guard let text = string(node, keyPath) else { return nil }
        if let kind = TargetKind(rawValue: text) { return kind }
        let names = TargetKind.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
        error("scenario.value", at: node, "unknown target '\(text)'\(suggestion)", hint: "targets: \(names.joined(separator: ", "))")
        return nil
    }

    func leaf(_ keyPath: String) -> String {
        String(keyPath.split(separator: ".").last ?? Substring(keyPath))
    }
}

extension String {
    var replacingUnderscores: String { filter { $0 != "_" && $0 != "," } }
}

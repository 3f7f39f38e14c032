import NotesCore
import NotesYAML

/// Reads `expect:` into expectations with positions (the keys and their meaning are
/// `ClaimKey`'s; `Checker` checks them).
enum ExpectationParser {
    static let keys = ClaimKey.allCases.map(\.name)

    static func parse(_ node: YAMLNode, reader: inout ScenarioReader) -> [Expectation] {
        var expectations: [Expectation] = []
        for (name, keyNode, value) in reader.mapping(node, at: "expect", known: keys) {
            guard let key = ClaimKey(rawValue: name) else { continue }
            // A tolerance without a unit (`tolerance: 5`) was ignored; it is a duration.
            if key == .tolerance, reader.duration(value, "expect.tolerance") == nil { continue }
            var tolerance: Int64?
            var body = value
            if key.takesTolerance, let pairs = value.stringKeyedPairs, pairs.contains(where: { $0.key == "value" }) {
                for (field, _, fieldValue) in pairs {
                    if field == "value" { body = fieldValue }
                    if field == "tolerance" { tolerance = reader.duration(fieldValue, "expect.\(key).tolerance") }
                }
            }
            expectations.append(Expectation(key: key, value: convert(body, reader.yaml), position: reader.yaml.position(of: keyNode), tolerance: tolerance))
        }
        return expectations
    }

    static func convert(_ node: YAMLNode, _ yaml: EmbeddedYAML) -> ExpectationValue {
        let position = yaml.position(of: node)
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, position)
        case .sequence(let sequence):
            return .list(sequence.map { convert($0, yaml) }, position)
        case .mapping:
            return .map((node.stringKeyedPairs ?? []).map { ($0.key, convert($0.value, yaml), yaml.position(of: $0.keyNode)) }, position)
        }
    }
}

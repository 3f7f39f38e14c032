import NotesCore

/// Reads `expect:` into expectations with positions (the meaning of each key is in
/// `Verifier`).
enum ExpectationParser {
    static let keys = [
        "attempts", "attempts-at", "ends-at", "results", "outcome", "outcomes", "delivered", "deliveries", "responses",
        "throttles-at", "max-concurrency", "batches", "batches-at", "triggers", "receive-counts", "retried", "order",
        "rejected", "assumptions", "tolerance",
    ]

    static func parse(_ node: YAMLNode, reader: inout ScenarioReader) -> [Expectation] {
        var expectations: [Expectation] = []
        for (key, keyNode, value) in reader.mapping(node, at: "expect", known: keys) {
            var tolerance: Int64?
            var body = value
            if key.hasSuffix("-at"), let pairs = value.stringKeyedPairs, pairs.contains(where: { $0.key == "value" }) {
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
            return .map((node.stringKeyedPairs ?? []).map { ($0.key, convert($0.value, yaml)) }, position)
        }
    }
}

import LambdaSimulator
import NotesCore
import NotesYAML

extension ScenarioParser {
    /// `broker: {engine, queue}`: the Amazon MQ broker of an `mq` scenario (M1, M3, M4). Its
    /// own section because the engine, not a mapping setting, decides concurrency and
    /// redelivery.
    static func readBroker(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: "broker", known: ["engine", "queue", "deployment", "maintenance"]) {
            if key == "maintenance" {
                readMaintenance(value, into: &spec, &reader)
                continue
            }
            guard let text = reader.string(value, "broker.\(key)") else { continue }
            if key == "queue" {
                spec.broker.queue = text
            } else if key == "deployment" {
                if let deployment = BrokerSpec.Deployment(rawValue: text) {
                    spec.broker.deployment = deployment
                } else {
                    let names = BrokerSpec.Deployment.allCases.map(\.rawValue)
                    reader.error("scenario.value", at: value, "deployment must be \(names.joined(separator: ", ")), not '\(text)'")
                }
            } else if let engine = BrokerSpec.Kind(rawValue: text.lowercased()) {
                spec.broker.engine = engine
            } else {
                let names = BrokerSpec.Kind.allCases.map(\.rawValue)
                let suggestion = Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
                reader.error("scenario.value", at: value, "engine must be activemq or rabbitmq, not '\(text)'\(suggestion)")
            }
        }
    }

    /// `broker.maintenance: {at, duration}`: when the broker's weekly maintenance falls in
    /// the scenario (M1).
    private static func readMaintenance(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        var start: Int64?
        var duration: Int64?
        for (key, _, value) in reader.mapping(node, at: "broker.maintenance", known: ["at", "duration"]) {
            let time = reader.duration(value, "broker.maintenance.\(key)", allowNegative: key == "at")
            if key == "at" { start = time } else { duration = time }
        }
        guard let start, let duration else {
            reader.error("scenario.missing-key", at: node, "maintenance needs 'at' and 'duration', such as { at: 10s, duration: 30min }")
            return
        }
        spec.broker.maintenance = start..<(start + duration)
    }
}

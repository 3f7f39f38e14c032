import LambdaSimulator
import NotesCore
import NotesYAML

extension ScenarioParser {
    /// `broker: {engine, queue}`: the Amazon MQ broker of an `mq` scenario (M1, M3, M4). Its
    /// own section because the engine, not a mapping setting, decides concurrency and
    /// redelivery.
    static func readBroker(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        guard spec.mode == .mq else {
            reader.error("scenario.unsupported", at: node, "'broker' describes the Amazon MQ broker of an mq scenario, not a \(spec.mode.rawValue) one")
            return
        }
        for (key, _, value) in reader.mapping(node, at: "broker", known: ["engine", "queue"]) {
            guard let text = reader.string(value, "broker.\(key)") else { continue }
            if key == "queue" {
                spec.broker.queue = text
            } else if let engine = BrokerSpec.Kind(rawValue: text.lowercased()) {
                spec.broker.engine = engine
            } else {
                let names = BrokerSpec.Kind.allCases.map(\.rawValue)
                let suggestion = Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
                reader.error("scenario.value", at: value, "engine must be activemq or rabbitmq, not '\(text)'\(suggestion)")
            }
        }
    }
}

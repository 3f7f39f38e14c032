import LambdaSimulator
import NotesCore
import NotesYAML

/// The issue-24 assumptions a scenario may change: `kafka-batch-scope: partition | mixed`
/// (KF1), `topic-expiry: exact | segment DURATION` (KF4) and
/// `rabbitmq-redelivery: unlimited | limit N` (M4).
///
/// Why one reader: each value is a word, some followed by a number; an unknown word is
/// refused with the words there are and the closest, as every word-valued assumption is.
extension ScenarioParser {
    /// The words each of these assumptions takes, the default first.
    static func sourceAssumptionWords(_ name: Assumptions.Name) -> [String] {
        switch name {
        case .kafkaBatchScope: Assumptions.KafkaBatchScope.allCases.map(\.rawValue)
        case .topicExpiry: ["exact", "segment"]
        default: ["unlimited", "limit"]
        }
    }

    static func readSourceAssumption(_ name: Assumptions.Name, _ value: YAMLNode, _ path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader)
    {
        guard let text = reader.string(value, path) else { return }
        let parts = text.trimmingSpaces.split(separator: " ", maxSplits: 1).map { String($0).trimmingSpaces }
        let word = (parts.first ?? "").lowercased()
        let argument = parts.count > 1 ? parts[1] : nil
        let words = sourceAssumptionWords(name)
        guard words.contains(word) else {
            let guess = Suggestion.closest(to: word, among: words).map { "; did you mean '\($0)'?" } ?? ""
            reader.error("scenario.value", at: value, "\(name.rawValue) must be \(Self.spelled(name)), not '\(text)'\(guess)")
            return
        }
        let takesArgument = word == "segment" || word == "limit"
        if !takesArgument, argument != nil {
            reader.error("scenario.value", at: value, "\(name.rawValue): '\(word)' takes no value, not '\(text)'")
            return
        }
        switch (name, word) {
        case (.kafkaBatchScope, _):
            spec.assumptions.kafkaBatchScope = Assumptions.KafkaBatchScope(rawValue: word) ?? .partition
        case (.topicExpiry, "segment"):
            // KF4: a segment of no length would be the default, exact expiry.
            guard let length = argument.flatMap(Quantity.duration), length > 0 else {
                reader.error("scenario.value", at: value, "topic-expiry: segment takes a length above 0 (segment.ms), for example 'segment 1h', not '\(text)'")
                return
            }
            spec.assumptions.topicSegment = length
        case (.topicExpiry, _):
            spec.assumptions.topicSegment = nil
        case (_, "limit"):
            guard let limit = argument.flatMap({ Int($0) }), limit >= 0 else {
                reader.error(
                    "scenario.value", at: value,
                    "rabbitmq-redelivery: limit takes a whole number of redeliveries, 0 or more (x-delivery-limit), for example 'limit 20', not '\(text)'")
                return
            }
            spec.assumptions.rabbitmqDeliveryLimit = limit
        default:
            spec.assumptions.rabbitmqDeliveryLimit = nil
        }
    }

    /// How the guide writes the values of one of these assumptions, for an error.
    private static func spelled(_ name: Assumptions.Name) -> String {
        switch name {
        case .kafkaBatchScope: "partition or mixed"
        case .topicExpiry: "exact or segment DURATION"
        default: "unlimited or limit N"
        }
    }
}

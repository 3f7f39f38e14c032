import LambdaSimulator
import NotesCore
import NotesYAML

/// The `caller` keys of the services that hand events to Lambda (R2–R4, R6–R9):
/// `hand-off-fails`, `hand-off-failure`, SNS's `RedrivePolicy: { deadLetterTargetArn }`,
/// EventBridge's `RetryPolicy`, `DeadLetterConfig: { Arn }` and `bus`.
///
/// Why a file of its own: these describe SNS, EventBridge and S3, not an SDK; AWS's own field
/// names are kept so that a note reads like the subscription or target it describes.
extension ScenarioParser {
    static let serviceCallerKeys = ["hand-off-fails", "hand-off-failure", "RedrivePolicy", "RetryPolicy", "DeadLetterConfig", "bus"]

    /// Reads one of `serviceCallerKeys`.
    static func readServiceCallerKey(_ key: String, _ value: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        let path = "caller.\(key)"
        switch key {
        case "hand-off-fails":
            guard let plan = readFailurePlan(value, path, &reader) else { return }
            if case .records = plan {
                reader.error("scenario.value", at: value, "hand-off-fails counts the service's attempts: never, always, [n] or { rate: 10% }, not records")
                return
            }
            spec.caller.service.handOffFails = plan
        case "hand-off-failure":
            spec.caller.service.handOffFailure = readWord(value, path, noun: "a hand-off failure", &reader) ?? spec.caller.service.handOffFailure
        case "bus":
            spec.caller.service.setsEventBridgePolicy = true
            spec.caller.service.bus = readWord(value, path, noun: "an EventBridge bus", &reader) ?? spec.caller.service.bus
        case "RedrivePolicy":
            spec.caller.service.deadLetterField = key
            for (field, _, target) in reader.mapping(value, at: path, known: ["deadLetterTargetArn"]) where field == "deadLetterTargetArn" {
                spec.caller.service.deadLetterQueue = reader.target(target, path + ".deadLetterTargetArn")
            }
        case "DeadLetterConfig":
            spec.caller.service.deadLetterField = key
            for (field, _, target) in reader.mapping(value, at: path, known: ["Arn"]) where field == "Arn" {
                spec.caller.service.deadLetterQueue = reader.target(target, path + ".Arn")
            }
        default:
            spec.caller.service.setsEventBridgePolicy = true
            readRetryPolicy(value, into: &spec, &reader)
        }
    }

    /// EventBridge `RetryPolicy`: the classic names (R6) or the 2025 bus's (R8).
    private static func readRetryPolicy(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        let known = ["MaximumRetryAttempts", "MaximumEventAgeInSeconds", "MaxRetryAttempts", "MaxEventAgeInSeconds"]
        for (field, _, value) in reader.mapping(node, at: "caller.RetryPolicy", known: known) {
            let path = "caller.RetryPolicy.\(field)"
            if field.hasPrefix("Max"), !field.hasPrefix("Maximum") { spec.caller.service.usedBusV2Names = true }
            if field.hasSuffix("RetryAttempts") {
                if let count = reader.int(value, path) { spec.caller.service.maximumRetryAttempts = count }
            } else if let seconds = reader.int64(value, path) {
                spec.caller.service.maximumEventAgeSeconds = seconds
            }
        }
    }

    /// A word of a `CaseIterable` enum, read without regard to case; an unknown one is an
    /// error that lists the words and the closest.
    static func readWord<Word: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ path: String, noun: String, _ reader: inout ScenarioReader) -> Word?
    where Word.RawValue == String {
        guard let text = reader.string(node, path) else { return nil }
        let words = ClaimWords(noun: noun, words: Word.allCases.map(\.rawValue))
        guard let word = words.canonical(text).flatMap(Word.init(rawValue:)) else {
            reader.error("scenario.value", at: node, "\(path): " + words.refusal(text))
            return nil
        }
        return word
    }
}

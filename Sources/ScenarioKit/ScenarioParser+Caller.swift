import LambdaSimulator
import NotesCore
import NotesYAML

/// The SDK and CLI retry modes of `caller` (R10–R13): `caller: standard`, or
/// `caller: { retry-mode: legacy, max-attempts: 4, timeout: 30s }`, and their assumptions.
///
/// Why a file of its own: the hand-written caller (`retries`, `retry-on`) predates the
/// documented SDK policies; both shapes are read here and in `readCaller` without mixing.
extension ScenarioParser {
    static let sdkCallerKeys = ["retry-mode", "max-attempts", "Retry"]

    /// A Step Functions Task's `Retry`: a list of retriers with AWS's field names (R14).
    static func readRetriers(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        guard let items = node.sequence?.nodes else {
            reader.error("scenario.value", at: node, "Retry is a list of retriers: [{ ErrorEquals: [States.ALL], MaxAttempts: 2 }]")
            return
        }
        let known = ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy"]
        var retriers: [StepFunctionsRetrier] = []
        for (index, item) in items.enumerated() {
            let path = "caller.Retry[\(index)]"
            var retrier = StepFunctionsRetrier(errorEquals: [])
            for (key, _, value) in reader.mapping(item, at: path, known: known) {
                switch key {
                case "ErrorEquals": retrier.errorEquals = (value.sequence?.nodes ?? [value]).compactMap { reader.string($0, path + ".ErrorEquals") }
                case "IntervalSeconds": if let v = reader.int64(value, path + ".IntervalSeconds") { retrier.intervalSeconds = v }
                case "MaxAttempts": if let v = reader.int(value, path + ".MaxAttempts") { retrier.maxAttempts = v }
                case "MaxDelaySeconds": retrier.maxDelaySeconds = reader.int64(value, path + ".MaxDelaySeconds")
                case "BackoffRate":
                    if let text = reader.string(value, path + ".BackoffRate"), let rate = Double(text), rate.isFinite {
                        retrier.backoffRate = rate
                    } else {
                        reader.error("scenario.value", at: value, "BackoffRate is a number such as 2.0")
                    }
                default:
                    switch reader.string(value, path + ".JitterStrategy") {
                    case "FULL": retrier.fullJitter = true
                    case "NONE": retrier.fullJitter = false
                    case let other?: reader.error("scenario.value", at: value, "JitterStrategy must be FULL or NONE, not '\(other)'")
                    case nil: break
                    }
                }
            }
            retriers.append(retrier)
        }
        spec.caller.retriers = retriers
    }

    /// `legacy`, `standard` or `adaptive`; an unknown word is an error with a did-you-mean.
    static func readRetryMode(_ node: YAMLNode, _ path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        guard let text = reader.string(node, path) else { return }
        guard let mode = SDKRetryPolicy.Mode(rawValue: text) else {
            let names = SDKRetryPolicy.Mode.allCases.map(\.rawValue)
            let guess = Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
            reader.error("scenario.value", at: node, "'\(text)' is not a retry mode (\(names.joined(separator: ", ")))\(guess)")
            return
        }
        let attempts = spec.caller.sdk.map { $0.maxAttempts == SDKRetryPolicy(mode: $0.mode).maxAttempts ? nil : $0.maxAttempts } ?? nil
        spec.caller.sdk = SDKRetryPolicy(mode: mode, maxAttempts: attempts)
    }

    /// `max-attempts`: the first call included, at least 1 (R10).
    static func readMaxAttempts(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        guard let count = reader.int(node, "caller.max-attempts") else { return }
        guard count >= 1 else {
            reader.error("scenario.range", at: node, "max-attempts counts the first call too: at least 1, not \(count)")
            return
        }
        spec.caller.sdk = SDKRetryPolicy(mode: spec.caller.sdk?.mode ?? .standard, maxAttempts: count)
    }

    /// `sdk-jitter: seeded | none` and `sdk-retry-generation: pre-2026 | 2026` (R11, R12, §17).
    static func readCallerAssumption(_ name: Assumptions.Name, _ value: YAMLNode, _ path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader)
    {
        guard let text = reader.string(value, path) else { return }
        let words = name == .sdkJitter ? ["seeded", "none"] : ["pre-2026", "2026"]
        guard let index = words.firstIndex(of: text) else {
            let guess = Suggestion.closest(to: text, among: words).map { "; did you mean '\($0)'?" } ?? ""
            reader.error("scenario.value", at: value, "\(name.rawValue) must be \(words.joined(separator: " or ")), not '\(text)'\(guess)")
            return
        }
        if name == .sdkJitter { spec.assumptions.sdkJitter = index == 0 } else { spec.assumptions.sdkRetries2026 = index == 1 }
    }
}

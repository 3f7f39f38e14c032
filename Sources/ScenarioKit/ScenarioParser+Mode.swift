import LambdaSimulator
import NotesCore

extension ScenarioParser {
    /// The invocation mode a scenario chose, and what else the keys that choose it say.
    struct ModeChoice {
        var mode: InvocationMode
        /// `InvocationType: DryRun`.
        var dryRun: Bool
        /// The trigger preset, when the mode came from one.
        var trigger: Trigger?
    }

    /// Reads the mode from `trigger`, AWS's `InvocationType` and `mode`, in that order (a
    /// `mode` that contradicts the other two is an error). Nil when the scenario cannot be
    /// read further: an unknown mode, or no mode (reported unless something else was).
    /// Split out of `parse` because every other section depends on the mode.
    static func readMode(_ keys: TopLevelKeys, path: String, start: SourcePosition, _ reader: inout ScenarioReader) -> ModeChoice? {
        var mode: InvocationMode?
        var dryRun = false
        var trigger: Trigger?
        if let node = keys.value("trigger"), let text = reader.string(node, "trigger") {
            if let preset = Trigger(rawValue: text) {
                trigger = preset
                mode = preset.mode
            } else {
                let names = Trigger.allCases.map(\.rawValue)
                reader.error(
                    "scenario.value", at: node,
                    "unknown trigger '\(text)'" + (Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""),
                    hint: "triggers: \(names.joined(separator: ", "))")
            }
        }
        if let node = keys.value("InvocationType"), let text = reader.string(node, "InvocationType") {
            switch text {
            case "RequestResponse": mode = .sync
            case "Event": mode = .async
            case "DryRun": mode = .sync; dryRun = true
            default:
                reader.error(
                    "scenario.value", at: node, "InvocationType must be RequestResponse, Event or DryRun, not '\(text)'",
                    hint: "for event source mappings use mode: sqs, sqs-fifo, kinesis, dynamodb, kafka, mq or documentdb")
            }
        }
        if let node = keys.value("mode"), let text = reader.string(node, "mode") {
            // The simulation's own words are read without regard to case (`SQS` is `sqs`).
            guard let parsed = InvocationMode(rawValue: text.lowercased()) else {
                let names = InvocationMode.allCases.map(\.rawValue)
                reader.error(
                    "scenario.value", at: node, "unknown mode '\(text)'" + (Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""),
                    hint: "modes: \(names.joined(separator: ", "))")
                return nil
            }
            if let implied = mode, implied != parsed {
                reader.error(
                    "scenario.combination", at: node,
                    "mode '\(text)' contradicts the \(trigger != nil ? "trigger" : "InvocationType"), which implies '\(implied.rawValue)'")
            }
            mode = parsed
        }
        guard let mode else {
            if reader.diagnostics.isEmpty {
                reader.diagnostics.append(
                    .error(
                        "scenario.missing-key", path: path, at: start, "the scenario has no mode",
                        hint: "add mode: sync | async | sqs | sqs-fifo | kinesis | dynamodb | kafka | mq | documentdb (or trigger: s3, api-gateway, …)"))
            }
            return nil
        }
        return ModeChoice(mode: mode, dryRun: dryRun, trigger: trigger)
    }
}

import LambdaSimulator
import NotesCore
import NotesYAML

/// The sections read in a few lines each (and the choice between `events` and `records`),
/// split out of `parse` so that it lists the sections instead of reading them.
extension ScenarioParser {
    /// Reads `events` (sync and async) or `records` (event source mappings): the wrong one
    /// for the mode is an error, and so is neither.
    static func readInputs(
        _ keys: TopLevelKeys, mode: InvocationMode, path: String, start: SourcePosition,
        into spec: inout ScenarioSpec, _ reader: inout ScenarioReader
    ) {
        let inputKey = mode.inputsKey
        let wrongKey = inputKey == "events" ? "records" : "events"
        if let node = keys.value(wrongKey) {
            reader.error(
                "scenario.unsupported", at: keys.keyNode(wrongKey) ?? node,
                "'\(wrongKey)' is for \(inputKey == "events" ? "event source mapping" : "sync and async") scenarios; this \(mode.rawValue) scenario takes '\(inputKey)'"
            )
        }
        if let node = keys.value(inputKey) {
            let problems = reader.diagnostics.count
            readArrivals(node, key: inputKey, into: &spec, &reader)
            // An empty list, or entries that all have count 0: nothing would arrive, and the
            // figure would be an axis around nothing.
            if reader.diagnostics.count == problems, spec.inputCount == 0 {
                reader.error(
                    "scenario.missing-key", at: keys.keyNode(inputKey) ?? node, "the scenario has no \(inputKey): the list is empty or every count is 0",
                    hint: "give at least one entry, for example - at: 0s")
            }
        } else if keys.value(wrongKey) == nil {
            reader.diagnostics.append(
                .error(
                    "scenario.missing-key", path: path, at: start, "the scenario has no \(inputKey)",
                    hint: "add \(inputKey): with at least one entry, for example - at: 0s"))
        }
    }

    /// `DeadLetterConfig: {TargetArn: …}`: where failed async events go.
    static func readDeadLetterConfig(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: "DeadLetterConfig", known: ["TargetArn"]) where key == "TargetArn" {
            spec.deadLetter = reader.target(value, "DeadLetterConfig.TargetArn")
        }
    }

    /// `stream: {shards, RetentionPeriodHours}`: the Kinesis or DynamoDB stream.
    static func readStream(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: "stream", known: ["shards", "RetentionPeriodHours"]) {
            if key == "shards", let count = reader.int(value, "stream.shards") { spec.stream.shards = count }
            if key == "RetentionPeriodHours", let hours = reader.int64(value, "stream.RetentionPeriodHours") { spec.stream.retentionHours = hours }
        }
    }

    /// `account: {ConcurrentExecutions}`: the account's concurrency limit.
    static func readAccount(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: "account", known: ["ConcurrentExecutions"]) where key == "ConcurrentExecutions" {
            if let count = reader.int(value, "account.ConcurrentExecutions") { spec.accountConcurrency = count }
        }
    }

    /// `faults: {duplicate, drop}`: the items delivered twice or lost.
    static func readFaults(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: "faults", known: ["duplicate", "drop"]) {
            let ids = Set(readIDs(value, "faults.\(key)", &reader))
            if key == "duplicate" { spec.faults.duplicate = ids } else { spec.faults.drop = ids }
        }
    }

    /// `show: {axis, language}`: how the figure is drawn (not part of the simulation).
    static func readShow(_ node: YAMLNode, into document: inout ScenarioDocument, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: "show", known: ["axis", "language"]) {
            let text = reader.string(value, "show.\(key)") ?? ""
            if key == "axis" {
                if text == "linear" {
                    document.linearAxis = true
                } else if text != "auto" {
                    reader.error("scenario.value", at: value, "show.axis must be auto or linear, not '\(text)'")
                }
            } else if InterfaceLanguage.codes.contains(text) {
                document.language = text
            } else {
                reader.error(
                    "scenario.value", at: value,
                    "show.language must be \(InterfaceLanguage.codes.joined(separator: " or ")) (the languages figures have words for), not '\(text)'")
            }
        }
    }
}

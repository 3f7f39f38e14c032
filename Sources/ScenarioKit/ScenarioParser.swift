import LambdaSimulator
import NotesCore

/// Reads a scenario block (YAML, scenario-format.md v1) into a `ScenarioDocument`, reporting
/// every problem at its line and column in the note.
public enum ScenarioParser {
    static let topLevelKeys = [
        "title", "mode", "InvocationType", "trigger", "function", "events", "records", "EventInvokeConfig",
        "DeadLetterConfig", "queue", "stream", "EventSourceMapping", "account", "caller", "faults", "until",
        "assume", "show", "seed", "expect",
    ]

    /// Parses `text`, whose first line is file line `firstLine` of `path`; the simulation
    /// runs within `limits` (the site's `limits:` setting).
    public static func parse(_ text: String, path: String, firstLine: Int, columnOffset: Int = 0,
                             limits: SimulationLimits = SimulationLimits()) -> (ScenarioDocument?, [Diagnostic]) {
        let yaml = EmbeddedYAML(text: text, firstLine: firstLine, path: path, columnOffset: columnOffset)
        let start = SourcePosition(line: firstLine, column: 1 + columnOffset)
        let root: YAMLNode
        switch yaml.compose(errorID: "scenario.syntax") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil): return (nil, [.error("scenario.empty", path: path, at: start, "the scenario block is empty", hint: "a scenario needs at least a mode and events or records")])
        case .success(let node?): root = node
        }
        var reader = ScenarioReader(yaml: yaml)
        let pairs = reader.mapping(root, at: "", known: topLevelKeys)
        // The first pair of a key (at most twenty: searched in order, no dictionary).
        let values = { (key: String) in pairs.first { $0.key == key }?.value }
        let keyNodes = { (key: String) in pairs.first { $0.key == key }?.keyNode }

        // Mode: `mode`, AWS's `InvocationType`, or a trigger preset.
        var mode: InvocationMode?
        var dryRun = false
        var trigger: Trigger?
        if let node = values("trigger"), let text = reader.string(node, "trigger") {
            if let preset = Trigger(rawValue: text) {
                trigger = preset
                mode = preset.mode
            } else {
                let names = Trigger.allCases.map(\.rawValue)
                reader.error("scenario.value", at: node, "unknown trigger '\(text)'" + (Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""),
                             hint: "triggers: \(names.joined(separator: ", "))")
            }
        }
        if let node = values("InvocationType"), let text = reader.string(node, "InvocationType") {
            switch text {
            case "RequestResponse": mode = .sync
            case "Event": mode = .async
            case "DryRun": mode = .sync; dryRun = true
            default: reader.error("scenario.value", at: node, "InvocationType must be RequestResponse, Event or DryRun, not '\(text)'", hint: "for event source mappings use mode: sqs, sqs-fifo, kinesis or dynamodb")
            }
        }
        if let node = values("mode"), let text = reader.string(node, "mode") {
            if let parsed = InvocationMode(rawValue: text) {
                if let implied = mode, implied != parsed {
                    reader.error("scenario.combination", at: node, "mode '\(text)' contradicts the \(trigger != nil ? "trigger" : "InvocationType"), which implies '\(implied.rawValue)'")
                }
                mode = parsed
            } else {
                let names = InvocationMode.allCases.map(\.rawValue)
                reader.error("scenario.value", at: node, "unknown mode '\(text)'" + (Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""),
                             hint: "modes: \(names.joined(separator: ", "))")
                return (nil, reader.diagnostics)
            }
        }
        guard let mode else {
            if reader.diagnostics.isEmpty {
                reader.diagnostics.append(.error("scenario.missing-key", path: path, at: start, "the scenario has no mode", hint: "add mode: sync | async | sqs | sqs-fifo | kinesis | dynamodb (or trigger: s3, api-gateway, …)"))
            }
            return (nil, reader.diagnostics)
        }
        var spec = ScenarioSpec(mode: mode)
        spec.limits = limits
        spec.dryRun = dryRun
        spec.trigger = trigger
        var document = ScenarioDocument(title: "", spec: spec, expectations: [], linearAxis: false, language: nil, positions: KeyPositions(), start: start, namedAssumptions: [])

        if let node = values("title") { document.title = reader.string(node, "title") ?? "" }
        if let node = values("function") { readFunction(node, into: &document.spec, &reader) }
        let inputKey = mode.inputsKey
        let wrongKey = inputKey == "events" ? "records" : "events"
        if let node = values(wrongKey) {
            reader.error("scenario.unsupported", at: keyNodes(wrongKey) ?? node, "'\(wrongKey)' is for \(inputKey == "events" ? "event source mapping" : "sync and async") scenarios; this \(mode.rawValue) scenario takes '\(inputKey)'")
        }
        if let node = values(inputKey) {
            readArrivals(node, key: inputKey, into: &document.spec, &reader)
        } else if values(wrongKey) == nil {
            reader.diagnostics.append(.error("scenario.missing-key", path: path, at: start, "the scenario has no \(inputKey)", hint: "add \(inputKey): with at least one entry, for example - at: 0s"))
        }
        if let node = values("EventInvokeConfig") { readEventInvokeConfig(node, into: &document.spec, &reader) }
        if let node = values("DeadLetterConfig") {
            for (key, _, value) in reader.mapping(node, at: "DeadLetterConfig", known: ["TargetArn"]) where key == "TargetArn" {
                document.spec.deadLetter = reader.target(value, "DeadLetterConfig.TargetArn")
            }
        }
        if let node = values("queue") { readQueue(node, into: &document.spec, &reader) }
        if let node = values("stream") {
            for (key, _, value) in reader.mapping(node, at: "stream", known: ["shards", "RetentionPeriodHours"]) {
                if key == "shards", let count = reader.int(value, "stream.shards") { document.spec.stream.shards = count }
                if key == "RetentionPeriodHours", let hours = reader.int64(value, "stream.RetentionPeriodHours") { document.spec.stream.retentionHours = hours }
            }
        }
        if let node = values("EventSourceMapping") { readMapping(node, into: &document.spec, &reader) }
        if let node = values("account") {
            for (key, _, value) in reader.mapping(node, at: "account", known: ["ConcurrentExecutions"]) where key == "ConcurrentExecutions" {
                if let count = reader.int(value, "account.ConcurrentExecutions") { document.spec.accountConcurrency = count }
            }
        }
        if let node = values("caller") { readCaller(node, into: &document.spec, &reader) }
        if let node = values("faults") {
            for (key, _, value) in reader.mapping(node, at: "faults", known: ["duplicate", "drop"]) {
                let ids = Set(readIDs(value, "faults.\(key)", &reader))
                if key == "duplicate" { document.spec.faults.duplicate = ids } else { document.spec.faults.drop = ids }
            }
        }
        if let node = values("until"), let value = reader.duration(node, "until") { document.spec.until = value }
        if let node = values("seed"), let value = reader.int(node, "seed") { document.spec.seed = UInt64(truncatingIfNeeded: value) }
        if let node = values("assume") { document.namedAssumptions = readAssumptions(node, into: &document.spec, &reader) }
        if let node = values("show") {
            for (key, _, value) in reader.mapping(node, at: "show", known: ["axis", "language"]) {
                let text = reader.string(value, "show.\(key)") ?? ""
                if key == "axis" {
                    if text == "linear" { document.linearAxis = true } else if text != "auto" {
                        reader.error("scenario.value", at: value, "show.axis must be auto or linear, not '\(text)'")
                    }
                } else {
                    document.language = text
                }
            }
        }
        if let node = values("expect") {
            document.expectations = ExpectationParser.parse(node, reader: &reader)
        }
        document.positions = reader.positions

        // AWS's ranges and combination rules live in the simulator; the verifier turns them
        // into errors, unless the note claims the rejection (`expect: rejected`).
        document.validationIssues = ScenarioValidator.validate(document.spec)
        return (document, reader.diagnostics)
    }
}

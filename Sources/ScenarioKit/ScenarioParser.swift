import LambdaSimulator
import NotesCore
import NotesYAML

/// Reads a scenario block (YAML, scenario-format.md v1) into a `ScenarioDocument`, reporting
/// every problem at its line and column in the note.
public enum ScenarioParser {
    static let topLevelKeys = [
        "title", "mode", "InvocationType", "trigger", "function", "events", "records", "EventInvokeConfig",
        "DeadLetterConfig", "queue", "stream", "topic", "broker", "cluster", "EventSourceMapping", "account", "caller", "faults", "until",
        "assume", "show", "seed", "expect",
    ]

    /// The block's `title` when its YAML has one at the top, whatever else is wrong with it:
    /// a block that cannot run is still named by its title where it is listed or drawn.
    public static func title(of text: String) -> String? {
        topLevelValue("title", of: text)?.string
    }

    /// How many claims (keys of the top-level `expect:` but `tolerance`) the block's YAML
    /// writes, whatever else is wrong with it: a block that cannot run fails each of them,
    /// also when its mode could not be read.
    public static func claimCount(of text: String) -> Int {
        guard let expect = topLevelValue("expect", of: text)?.stringKeyedPairs else { return 0 }
        return expect.count { ClaimKey(rawValue: $0.key)?.hasVerdict ?? true }
    }

    /// The value of top-level key `key` in the block's YAML, read on its own (for a block
    /// whose other keys may not be readable).
    private static func topLevelValue(_ key: String, of text: String) -> YAMLNode? {
        let yaml = EmbeddedYAML(text: text, firstLine: 1, path: "")
        guard case .success(let root?) = yaml.compose(errorID: "scenario.syntax") else { return nil }
        return root.stringKeyedPairs?.first { $0.key == key }?.value
    }

    /// Parses `text`, whose first line is file line `firstLine` of `path`; the simulation
    /// runs within `limits` (the site's `limits:` setting).
    public static func parse(
        _ text: String, path: String, firstLine: Int, columnOffset: Int = 0,
        limits: SimulationLimits = SimulationLimits()
    ) -> (ScenarioDocument?, [Diagnostic]) {
        let yaml = EmbeddedYAML(text: text, firstLine: firstLine, path: path, columnOffset: columnOffset)
        let start = SourcePosition(line: firstLine, column: 1 + columnOffset)
        let root: YAMLNode
        switch yaml.compose(errorID: "scenario.syntax") {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(nil):
            return (
                nil,
                [.error("scenario.empty", path: path, at: start, "the scenario block is empty", hint: "a scenario needs at least a mode and events or records")]
            )
        case .success(let node?): root = node
        }
        var reader = ScenarioReader(yaml: yaml)
        let keys = TopLevelKeys(pairs: reader.mapping(root, at: "", known: topLevelKeys))
        // Mode: `mode`, AWS's `InvocationType`, or a trigger preset.
        guard let choice = readMode(keys, path: path, start: start, &reader) else { return (nil, reader.diagnostics) }
        let mode = choice.mode
        var spec = ScenarioSpec(mode: mode)
        spec.limits = limits
        spec.dryRun = choice.dryRun
        spec.trigger = choice.trigger
        var document = ScenarioDocument(
            title: "", spec: spec, expectations: [], linearAxis: false, language: nil, positions: KeyPositions(), start: start, namedAssumptions: [])

        if let node = keys.value("title") { document.title = reader.string(node, "title") ?? "" }
        if let node = keys.value("function") { readFunction(node, into: &document.spec, &reader) }
        readInputs(keys, mode: mode, path: path, start: start, into: &document.spec, &reader)
        warnAboutMissingFailingRecords(document.spec, path: path, &reader)
        readScopedSections(keys, mode: mode, into: &document.spec, &reader)
        if let node = keys.value("account") { readAccount(node, into: &document.spec, &reader) }
        if let node = keys.value("caller") { readCaller(node, into: &document.spec, &reader) }
        if let node = keys.value("faults") { readFaults(node, into: &document.spec, &reader) }
        if let node = keys.value("until"), let value = reader.duration(node, "until") { document.spec.until = value }
        if let node = keys.value("seed"), let value = reader.int(node, "seed") { document.spec.seed = UInt64(truncatingIfNeeded: value) }
        if let node = keys.value("assume") { document.namedAssumptions = readAssumptions(node, into: &document.spec, &reader) }
        if let node = keys.value("show") { readShow(node, into: &document, &reader) }
        if let node = keys.value("expect") {
            document.expectations = ExpectationParser.parse(node, reader: &reader)
        }
        document.positions = reader.positions

        // AWS's ranges and combination rules live in the simulator; the verifier turns them
        // into errors, unless the note claims the rejection (`expect: rejected`).
        document.validationIssues = ScenarioValidator.validate(document.spec)
        return (document, reader.diagnostics)
    }

    /// A warning when `fails: { records: [...] }` names a record beyond the scenario's last.
    ///
    /// Records are numbered 1…N in arrival order, so a larger number names no record: the
    /// figure shows no failure where one was meant, most likely a typo. A warning, not an error: the
    /// scenario still runs as written.
    static func warnAboutMissingFailingRecords(_ spec: ScenarioSpec, path: String, _ reader: inout ScenarioReader) {
        let count = spec.inputCount
        guard case .records(let ids, _) = spec.function.fails, count > 0, let largest = ids.max(), largest > count else { return }
        let noun = spec.mode.inputsKey
        let has = count == 1 ? "1 \(noun.dropLast())" : "\(count) \(noun)"
        reader.diagnostics.append(
            .warning(
                "scenario.value", path: path, at: reader.positions["function.fails.records"],
                "\(noun.dropLast()) \(largest) in fails does not exist: the scenario has \(has)"))
    }

    /// The top-level pairs of a scenario, looked up by key: a key's first pair (at most
    /// twenty pairs, searched in order, no dictionary). A type so that the functions that
    /// read the mode and the inputs can look keys up as `parse` does.
    ///
    /// The names are kept apart from the nodes: `parse` asks for some twenty keys of which
    /// a block has five or so, and a search over the pairs themselves copied (and retained)
    /// both nodes of each pair it passed, several times what comparing the names costs.
    struct TopLevelKeys {
        private let names: [String]
        /// Each name's length in UTF-8 bytes: the names are ASCII (`mapping` kept only keys
        /// equal to `topLevelKeys`, and no other text is canonically equal to one of those),
        /// so a name of another length is another name, passed over without comparing text.
        private let lengths: [Int]
        private let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

        /// The keys of these pairs (as `ScenarioReader.mapping` kept them), looked up by name.
        init(pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]) {
            names = pairs.map(\.key)
            lengths = names.map(\.utf8.count)
            self.pairs = pairs
        }

        /// The value of the first pair with this key.
        func value(_ key: String) -> YAMLNode? { index(of: key).map { pairs[$0].value } }

        /// The key node of the first pair with this key (where an unwanted key is reported).
        func keyNode(_ key: String) -> YAMLNode? { index(of: key).map { pairs[$0].keyNode } }

        /// The index of the first pair with this key (one of `topLevelKeys`).
        private func index(of key: String) -> Int? {
            let length = key.utf8.count
            for index in names.indices where lengths[index] == length && names[index] == key {
                return index
            }
            return nil
        }
    }
}

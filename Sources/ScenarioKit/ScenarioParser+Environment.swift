import LambdaSimulator
import NotesYAML

/// The `function` keys of execution environments (X1–X11): `init`, `init-fails` and
/// `ProvisionedConcurrentExecutions`.
///
/// Why a file of its own: these keys describe where the function runs, not what its
/// handler does, and they come with their own shapes (a count, or a count and a time).
extension ScenarioParser {
    static let environmentKeys = ["init", "init-fails", "ProvisionedConcurrentExecutions", "SnapStart", "last-invoked", "loop", "RecursiveLoop"]

    static func readEnvironmentKey(_ key: String, _ value: YAMLNode, _ path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        switch key {
        case "init":
            if let duration = reader.duration(value, path) { spec.function.initDuration = duration }
        case "init-fails":
            if let plan = readFailurePlan(value, path, &reader) {
                if case .records = plan {
                    reader.error("scenario.value", at: value, "init-fails counts Init runs: never, always, [n] or { rate: 10% }, not records")
                } else {
                    spec.function.initFails = plan
                }
            }
        case "ProvisionedConcurrentExecutions":
            readProvisioned(value, path, into: &spec, &reader)
        case "SnapStart":
            // X13: AWS's `SnapStart: { ApplyOn: PublishedVersions | None }`.
            for (field, _, item) in reader.mapping(value, at: path, known: ["ApplyOn"]) where field == "ApplyOn" {
                switch reader.string(item, path + ".ApplyOn") {
                case "PublishedVersions": spec.function.snapStart = true
                case "None": spec.function.snapStart = false
                case let other?: reader.error("scenario.value", at: item, "ApplyOn must be PublishedVersions or None, not '\(other)'")
                case nil: break
                }
            }
        case "last-invoked":
            // X13: 14 days without an invocation make a SnapStart version Inactive.
            if let duration = reader.duration(value, path) { spec.function.lastInvoked = duration }
        case "loop":
            // L1: each successful run sends its event back to the service that invoked it.
            if let loops = reader.bool(value, path) { spec.function.loops = loops }
        case "RecursiveLoop":
            // L6: Terminate (default) or Allow.
            switch reader.string(value, path) {
            case "Terminate": spec.function.recursiveLoopAllowed = false
            case "Allow": spec.function.recursiveLoopAllowed = true
            case let other?: reader.error("scenario.value", at: value, "RecursiveLoop must be Terminate or Allow, not '\(other)'")
            case nil: break
            }
        default:
            break
        }
    }

    /// A count (configured before the scenario, READY at 0 s), or `{ count, at }`
    /// (configured at `at`, READY `provisioned-ready-after` later, X11).
    private static func readProvisioned(_ value: YAMLNode, _ path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        guard value.mapping != nil else {
            if let count = reader.int(value, path) { spec.function.provisionedConcurrency = count }
            return
        }
        for (key, _, item) in reader.mapping(value, at: path, known: ["count", "at"]) {
            switch key {
            case "count": if let count = reader.int(item, path + ".count") { spec.function.provisionedConcurrency = count }
            default: if let at = reader.duration(item, path + ".at") { spec.function.provisionedAt = at }
            }
        }
        if spec.function.provisionedConcurrency == nil {
            reader.error("scenario.value", at: value, "ProvisionedConcurrentExecutions needs a count: { count: 2, at: 30s }")
        }
    }
}

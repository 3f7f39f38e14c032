import LambdaSimulator
import NotesCore
import NotesYAML
import ScenarioKit

/// The site's settings, from `notesim.yml` at the site root; every key is optional.
public struct SiteConfig: Equatable, Sendable {
    /// The config file's name.
    public static let fileName = "notesim.yml"

    /// The site's title, shown in every page's header and `<title>`.
    public var title: String
    /// The site's language (`ja` or `en`): `<html lang>` and the UI strings.
    public var language: String
    /// Where the site will be published (`https://example.org/notes/`); empty when unknown.
    public var baseURL: String
    /// A one-line description of the site: `site.description` in templates, and the home
    /// page's `<meta name="description">` when its note has none of its own.
    public var description: String
    /// Whether pages get a search box and the build writes the search index (`search-index/`).
    public var search: Bool
    /// The address of a note's source for editing (`edit-url`), with `{path}` standing for
    /// the note's path from the site root (`content/…`); empty: pages get no edit link.
    public var editURL = ""
    /// Caps that keep every build bounded: records per scenario, simulated time, note size.
    public var limits = Limits()

    /// The `limits:` setting.
    public struct Limits: Equatable, Sendable {
        /// Input events or records per scenario (`records`).
        public var records = SimulationLimits().maximumInputs
        /// Simulated time per scenario in ms (`horizon`, a duration such as `7d`... `30d`).
        public var horizon: Int64 = SimulationLimits().horizon
        /// The largest note in bytes (`note-size`, such as `10MB`).
        public var noteSize = 10 * 1_048_576
        /// Simulation steps per scenario (`steps`): bounds the work of long retry chains.
        public var steps = SimulationLimits().maximumSteps

        public init() {}

        /// The simulator's limits.
        public var simulation: SimulationLimits {
            var limits = SimulationLimits()
            limits.maximumInputs = records
            limits.horizon = horizon
            limits.maximumSteps = steps
            return limits
        }
    }

    public init(title: String = "Notes", language: String = "ja", baseURL: String = "", description: String = "", search: Bool = true) {
        self.title = title
        self.language = language
        self.baseURL = baseURL
        self.description = description
        self.search = search
    }

    /// The edit link of the note at `sourcePath`: `edit-url` with `{path}` replaced (or the
    /// path appended, after a `/` unless it ends in one or has a query, when it has no
    /// `{path}`); nil when there is no `edit-url`.
    public func editLink(sourcePath: String) -> String? {
        guard !editURL.isEmpty else { return nil }
        let path = PercentEncoding.encodePath(sourcePath)
        // A path after a query (`?file=`) or a slash needs no slash of its own.
        guard editURL.contains("{path}") else { return editURL.hasSuffix("/") || editURL.contains("?") ? editURL + path : editURL + "/" + path }
        return editURL.split(separator: "{path}", omittingEmptySubsequences: false).joined(separator: path)
    }

    /// The keys `notesim.yml` accepts.
    static let knownKeys = ["title", "language", "base-url", "description", "search", "edit-url", "limits"]
    static let limitKeys = ["records", "horizon", "note-size", "steps"]

    /// Reads a config file's text; unknown keys and wrong types are errors at their position.
    public static func parse(_ text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let yaml = EmbeddedYAML(text: text, firstLine: 1, path: path)
        let root: YAMLNode?
        switch yaml.compose(errorID: "config.syntax") {
        case .failure(let failure): return (config, failure.diagnostics)
        case .success(let node): root = node
        }
        guard let root else { return (config, []) }
        guard let pairs = root.stringKeyedPairs else {
            return (config, [.error("config.type", path: path, at: yaml.position(of: root), "the config file must be a mapping of keys to values")])
        }
        var diagnostics: [Diagnostic] = []
        for (key, keyNode, value) in pairs {
            guard knownKeys.contains(key) else {
                let suggestion = Suggestion.closest(to: key, among: knownKeys)
                diagnostics.append(
                    .error(
                        "config.unknown-key", path: path, at: yaml.position(of: keyNode),
                        "unknown key '\(key)' in \(fileName)",
                        hint: suggestion.map { "did you mean '\($0)'? Known keys: \(knownKeys.joined(separator: ", "))" }
                            ?? "known keys: \(knownKeys.joined(separator: ", "))"
                    ))
                continue
            }
            // `title:` with nothing after it leaves the setting at its default.
            if value.isNull { continue }
            if key == "limits" {
                diagnostics += parseLimits(value, into: &config.limits, yaml: yaml, path: path)
                continue
            }
            guard case .scalar(let scalar) = value else {
                diagnostics.append(.error("config.type", path: path, at: yaml.position(of: value), "'\(key)' must be a string, not \(value.kindDescription)"))
                continue
            }
            if let problem = valueProblem(key, scalar.string) {
                diagnostics.append(.error("config.type", path: path, at: yaml.position(of: value), problem))
                continue
            }
            switch key {
            // A blank title would leave every page's header link empty: the default stays.
            case "title": if !scalar.string.allSatisfy(\.isWhitespace) { config.title = scalar.string }
            case "language": config.language = scalar.string
            case "base-url": config.baseURL = scalar.string
            case "description": config.description = scalar.string
            case "edit-url": config.editURL = scalar.string
            case "search":
                // Booleans are read as in front matter and scenario blocks (`YAMLNode.yamlBool`):
                // a quoted "false" is text, not a boolean.
                if let flag = value.yamlBool {
                    config.search = flag
                } else {
                    diagnostics.append(
                        .error(
                            "config.type", path: path, at: yaml.position(of: value), "'search' must be true or false, not '\(scalar.string)'",
                            hint: value.quotedBooleanHint))
                }
            default: break
            }
        }
        return (config, diagnostics)
    }

    /// Reads `limits: { records: N, horizon: 7d, note-size: 10MB }`.
    private static func parseLimits(_ node: YAMLNode, into limits: inout Limits, yaml: EmbeddedYAML, path: String) -> [Diagnostic] {
        guard let pairs = node.stringKeyedPairs else {
            return [
                .error(
                    "config.type", path: path, at: yaml.position(of: node),
                    "'limits' must be a mapping, such as { records: 100000, horizon: 1d, note-size: 10MB }")
            ]
        }
        var diagnostics: [Diagnostic] = []
        for (key, keyNode, value) in pairs where !value.isNull || !limitKeys.contains(key) {
            let text = value.scalar?.string ?? ""
            func invalid(_ expected: String) {
                diagnostics.append(.error("config.type", path: path, at: yaml.position(of: value), "'limits.\(key)' must be \(expected), not '\(text)'"))
            }
            switch key {
            case "records":
                if let number = Int(text), number > 0 { limits.records = number } else { invalid("a positive whole number") }
            case "horizon":
                switch Quantity.readDuration(text) {
                case .value(let duration) where duration > 0: limits.horizon = duration
                // A valid duration too long to simulate: the maximum is the problem, not the form.
                case .outOfRange where !text.contains("-"): invalid("at most \(Quantity.maximumDurationText)")
                default: invalid("a positive duration such as 7d")
                }
            case "steps":
                if let number = Int(text), number > 0 { limits.steps = number } else { invalid("a positive whole number") }
            case "note-size":
                // A bare number would be bytes (`10` made every note too large): a unit is needed.
                if text.hasSuffix("B"), let size = Quantity.size(text), size > 0, size <= Int64(Int32.max) {
                    limits.noteSize = Int(size)
                } else {
                    invalid("a size with its unit, such as 10MB")
                }
            default:
                let suggestion = Suggestion.closest(to: key, among: limitKeys)
                diagnostics.append(
                    .error(
                        "config.unknown-key", path: path, at: yaml.position(of: keyNode), "unknown key 'limits.\(key)'",
                        hint: suggestion.map { "did you mean '\($0)'? Known keys: \(limitKeys.joined(separator: ", "))" }
                            ?? "known keys: \(limitKeys.joined(separator: ", "))"))
            }
        }
        return diagnostics
    }
}

import NotesCore
import ScenarioKit
import Yams

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
    /// A one-line description for the home page and `<meta name="description">`.
    public var description: String
    /// Whether pages get a search box and the build indexes them with Pagefind.
    public var search: Bool

    public init(title: String = "Notes", language: String = "ja", baseURL: String = "", description: String = "", search: Bool = true) {
        self.title = title
        self.language = language
        self.baseURL = baseURL
        self.description = description
        self.search = search
    }

    /// The keys `notesim.yml` accepts.
    static let knownKeys = ["title", "language", "base-url", "description", "search"]

    /// Reads a config file's text; unknown keys and wrong types are errors at their position.
    public static func parse(_ text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let yaml = EmbeddedYAML(text: text, firstLine: 1, path: path)
        let root: Node?
        switch yaml.compose(errorID: "config.syntax") {
        case .failure(let diagnostic): return (config, [diagnostic])
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
                diagnostics.append(.error(
                    "config.unknown-key", path: path, at: yaml.position(of: keyNode),
                    "unknown key '\(key)' in \(fileName)",
                    hint: suggestion.map { "did you mean '\($0)'? Known keys: \(knownKeys.joined(separator: ", "))" }
                        ?? "known keys: \(knownKeys.joined(separator: ", "))"
                ))
                continue
            }
            guard case .scalar(let scalar) = value else {
                diagnostics.append(.error("config.type", path: path, at: yaml.position(of: value), "'\(key)' must be a string, not \(value.kindDescription)"))
                continue
            }
            switch key {
            case "title": config.title = scalar.string
            case "language": config.language = scalar.string
            case "base-url": config.baseURL = scalar.string
            case "description": config.description = scalar.string
            case "search":
                switch scalar.string {
                case "true", "True", "TRUE": config.search = true
                case "false", "False", "FALSE": config.search = false
                default:
                    diagnostics.append(.error("config.type", path: path, at: yaml.position(of: value), "'search' must be true or false, not '\(scalar.string)'"))
                }
            default: break
            }
        }
        return (config, diagnostics)
    }
}

import NotesCore
import NotesYAML

/// Where each key path of a scenario stands in the note (`EventInvokeConfig.MaximumRetryAttempts`).
///
/// Recorded for every key as the YAML is read, but needed only for a diagnostic: entries keep
/// the parent path, the key and the YAML mark, and become a file position (and a joined
/// path) only when looked up: a dictionary of positions would cost every scenario what only
/// a diagnostic needs.
public struct KeyPositions: Sendable {
    private struct Entry: Sendable {
        let parent: String
        let key: String
        let mark: YAMLNode.Mark
    }

    private let yaml: EmbeddedYAML?
    private var entries: [Entry] = []

    /// No positions (a document made without reading YAML).
    public init() {
        yaml = nil
    }

    init(yaml: EmbeddedYAML) {
        self.yaml = yaml
        entries.reserveCapacity(32)
    }

    /// Records that `key` of the mapping at `parent` ("" for the top level) has its value at `mark`.
    mutating func record(parent: String, key: String, at mark: YAMLNode.Mark) {
        entries.append(Entry(parent: parent, key: key, mark: mark))
    }

    /// The position of the value of `path`, as last recorded.
    public subscript(path: String) -> SourcePosition? {
        guard let yaml else { return nil }
        for entry in entries.reversed() where (entry.parent.isEmpty ? entry.key : entry.parent + "." + entry.key) == path {
            return yaml.position(of: entry.mark)
        }
        return nil
    }
}

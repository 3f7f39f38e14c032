import LambdaSimulator
import NotesCore
import NotesYAML

extension ScenarioParser {
    /// `cluster: {version, type, change-stream-retention}`: the DocumentDB cluster of a
    /// `documentdb` scenario (D3, D4). Its own section because AWS checks the cluster, not a
    /// mapping setting, and the change stream's retention decides when a mapping is disabled.
    static func readCluster(_ node: YAMLNode, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: "cluster", known: ["version", "type", "change-stream-retention"]) {
            let path = "cluster.\(key)"
            switch key {
            case "version": if let text = reader.string(value, path) { spec.changeStream.version = text }
            case "change-stream-retention": if let time = reader.duration(value, path) { spec.changeStream.retention = time }
            default:
                guard let text = reader.string(value, path) else { continue }
                if let type = ChangeStreamSpec.ClusterType(rawValue: text) {
                    spec.changeStream.clusterType = type
                } else {
                    let names = ChangeStreamSpec.ClusterType.allCases.map(\.rawValue)
                    let suggestion = Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
                    reader.error("scenario.value", at: value, "type must be \(names.joined(separator: ", ")), not '\(text)'\(suggestion)")
                }
            }
        }
    }

    /// `EventSourceMapping.DocumentDBEventSourceConfig: {DatabaseName, CollectionName,
    /// FullDocument}` (D2).
    static func readDocumentDBConfig(_ node: YAMLNode, path: String, into spec: inout ScenarioSpec, _ reader: inout ScenarioReader) {
        for (key, _, value) in reader.mapping(node, at: path, known: ["DatabaseName", "CollectionName", "FullDocument"]) {
            guard let text = reader.string(value, "\(path).\(key)") else { continue }
            switch key {
            case "DatabaseName": spec.changeStream.databaseName = text
            case "CollectionName": spec.changeStream.collectionName = text
            default:
                if let choice = ChangeStreamSpec.FullDocument(rawValue: text) {
                    spec.changeStream.fullDocument = choice
                } else {
                    reader.error("scenario.value", at: value, "FullDocument must be UpdateLookup or Default, not '\(text)'")
                }
            }
        }
    }
}

import Foundation
import LambdaSimulator
import NotesCore

/// What running one scenario block produced, as kept in `.notesim-cache/`.
public struct CachedScenario: Codable, Sendable, Equatable {
    /// The full key, compared on read so that a hash collision can never return a wrong result.
    public var key: String
    public var figureHTML: String
    /// The event log's own page, when the figure links to one.
    public var log: ScenarioLog?
    public var passed: Int
    public var failed: Int
    public var diagnostics: [Diagnostic]
}

/// Where scenario results are remembered between builds.
public protocol ScenarioResultCache: Sendable {
    func load(_ key: String) -> CachedScenario?
    func save(_ value: CachedScenario)
}

/// The cache key of a block: everything its result depends on, and the build of notesim that
/// produced it (`BuildIdentity`: any change to the simulator or the renderer invalidates every
/// entry, with no version number to raise by hand).
public enum ScenarioCacheKey {
    public static func make(text: String, path: String, line: Int, column: Int, slot: Int, language: String, build: String = BuildIdentity.current) -> String {
        "notesim \(build); \(path):\(line):\(column) slot \(slot); \(language)\n\(text)"
    }

    /// A short, stable file name for a key (FNV-1a, 64 bits, hex).
    public static func fileName(_ key: String) -> String {
        FNV1a.hex(FNV1a.hash(key.utf8)) + ".json"
    }
}

/// Scenario results as JSON files in `SITE/.notesim-cache/scenarios/`.
public struct FileScenarioCache: ScenarioResultCache {
    let folder: String
    let fileSystem: any FileSystem

    public init(siteDirectory: String, fileSystem: any FileSystem) {
        self.folder = Path.join(siteDirectory, ".notesim-cache", "scenarios")
        self.fileSystem = fileSystem
    }

    public func load(_ key: String) -> CachedScenario? {
        let path = Path.join(folder, ScenarioCacheKey.fileName(key))
        guard let bytes = try? fileSystem.readFile(path),
            let value = try? JSONDecoder().decode(CachedScenario.self, from: Data(bytes)), value.key == key
        else { return nil }
        return value
    }

    public func save(_ value: CachedScenario) {
        guard let data = try? JSONEncoder().encode(value) else { return }
        let path = Path.join(folder, ScenarioCacheKey.fileName(value.key))
        // Written under a temporary name and renamed, so a kill never leaves half an entry.
        let temporary = path + ".tmp"
        do {
            try fileSystem.createDirectory(folder)
            try fileSystem.writeFile(temporary, contents: [UInt8](data))
            try? fileSystem.removeItem(path)
            try fileSystem.moveItem(temporary, to: path)
        } catch {
            try? fileSystem.removeItem(temporary)
        }
    }
}

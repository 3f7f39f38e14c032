import NotesCore
import SiteBuilder

/// Notices edits: a fingerprint of every file under content/ and templates/ and of the
/// config file (path, size and a hash of the bytes), compared on every poll.
public struct SiteWatcher: Sendable {
    let siteDirectory: String
    let fileSystem: any FileSystem

    public init(siteDirectory: String, fileSystem: any FileSystem) {
        self.siteDirectory = siteDirectory
        self.fileSystem = fileSystem
    }

    /// A value that changes whenever a watched file changes.
    public func fingerprint() -> UInt64 {
        var hasher = FNV1a()
        func mix(_ bytes: some Sequence<UInt8>) { hasher.combine(bytes) }
        var pending = [LoadStage.contentFolder, LoadStage.templatesFolder]
        let config = Path.join(siteDirectory, SiteConfig.fileName)
        if let bytes = try? fileSystem.readFile(config) { mix(Array(config.utf8)); mix(bytes) }
        while let relative = pending.popLast() {
            let folder = Path.join(siteDirectory, relative)
            for name in (try? fileSystem.contents(ofDirectory: folder)) ?? [] where !name.hasPrefix(".") {
                let child = Path.join(relative, name)
                switch fileSystem.kind(of: Path.join(siteDirectory, child)) {
                case .directory: pending.append(child)
                case .file:
                    mix(Array(child.utf8))
                    if let bytes = try? fileSystem.readFile(Path.join(siteDirectory, child)) { mix(bytes) }
                default: break
                }
            }
        }
        return hasher.value
    }
}

import NotesCore
import SiteBuilder

/// Notices edits: a fingerprint of every file under content/ and templates/ and of the
/// config file (path, size and modification time), compared on every poll.
///
/// Only metadata is read (one `stat` per file), so polling a 10,000-note site four times a
/// second costs milliseconds; the build itself then compares bytes.
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
        func mix(_ stamp: FileStamp) {
            withUnsafeBytes(of: stamp.size) { mix($0) }
            withUnsafeBytes(of: stamp.modified) { mix($0) }
        }
        var pending = [LoadStage.contentFolder, LoadStage.templatesFolder]
        let config = Path.join(siteDirectory, SiteConfig.fileName)
        if let stamp = fileSystem.stamp(of: config) { mix(Array(config.utf8)); mix(stamp) }
        while let relative = pending.popLast() {
            let folder = Path.join(siteDirectory, relative)
            for (name, kind) in (try? fileSystem.entries(ofDirectory: folder)) ?? [] where !name.hasPrefix(".") {
                let child = Path.join(relative, name)
                switch kind {
                case .directory: pending.append(child)
                case .file:
                    mix(Array(child.utf8))
                    if let stamp = fileSystem.stamp(of: Path.join(siteDirectory, child)) { mix(stamp) }
                default: break
                }
            }
        }
        return hasher.value
    }
}

import NotesCore
import SiteBuilder

/// Notices edits: a fingerprint of every file under content/ and templates/ and of the
/// config file (path, size and modification time), compared on every poll.
///
/// Only metadata is read (one `stat` per file, on every core), so polling a 10,000-note site
/// four times a second costs milliseconds; the build itself then compares bytes. The listing
/// of content/ that a poll made goes to the build that follows it, which then does not list
/// and stamp the notes again.
public struct SiteWatcher: Sendable {
    let siteDirectory: String
    let fileSystem: any FileSystem

    public init(siteDirectory: String, fileSystem: any FileSystem) {
        self.siteDirectory = siteDirectory
        self.fileSystem = fileSystem
    }

    /// What one poll saw.
    public struct Snapshot: Sendable {
        /// A value that changes whenever a watched file changes.
        public var fingerprint: UInt64
        /// content/ as listed and stamped (nil when there is no content folder).
        public var listing: LoadStage.Listing?
    }

    /// Lists and stamps the watched files.
    public func snapshot() -> Snapshot {
        var hasher = FNV1a()
        func mix(_ path: String, _ stamp: FileStamp?) {
            hasher.combine(path)
            hasher.combine(byte: 0)
            guard let stamp else { return hasher.combine(byte: 1) }
            hasher.combine(UInt64(bitPattern: stamp.size))
            hasher.combine(UInt64(bitPattern: stamp.modified))
        }
        let config = Path.join(siteDirectory, SiteConfig.fileName)
        mix(config, fileSystem.stamp(of: config))
        let listing = LoadStage.list(siteDirectory: siteDirectory, fileSystem: fileSystem)
        let templates = LoadStage.list(LoadStage.templatesFolder, siteDirectory: siteDirectory, fileSystem: fileSystem)
        for (folder, folderListing) in [(LoadStage.contentFolder, listing), (LoadStage.templatesFolder, templates)] {
            for (path, stamp) in zip(folderListing?.files ?? [], folderListing?.stamps ?? []) { mix(Path.join(folder, path), stamp) }
        }
        return Snapshot(fingerprint: hasher.value, listing: listing)
    }
}

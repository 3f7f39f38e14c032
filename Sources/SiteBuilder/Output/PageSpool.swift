import Foundation
import NotesCore

/// The staging folder of a full build, taking pages as they are rendered, from every core.
///
/// Writing each page as soon as it exists, instead of holding the whole site in memory and
/// writing it in turn at the end, keeps both cores busy while the kernel creates files and
/// keeps memory flat (the pages of 10,000 notes weigh 300 MB). `WriteStage.finish` adds the
/// remaining files and swaps the folder in; until then the previous output is untouched.
public final class PageSpool: @unchecked Sendable {
    /// The staging folder.
    public let folder: String
    private let siteDirectory: String
    private let fileSystem: any FileSystem
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var hashes: [String: UInt64] = [:]
    private var failure: (any Error)?

    init(folder: String, siteDirectory: String, fileSystem: any FileSystem) {
        self.folder = folder
        self.siteDirectory = siteDirectory
        self.fileSystem = fileSystem
    }

    /// Writes one file into the staging folder (a copy is read from the site directory).
    public func put(_ file: OutputFile) {
        let parent = Path.directory(of: file.path)
        do {
            try lock.withLock {
                if !folders.contains(parent) {
                    try fileSystem.createDirectory(Path.join(folder, parent))
                    folders.insert(parent)
                }
            }
            let bytes: [UInt8] =
                switch file.content {
                case .bytes(let generated): generated
                case .copy(let source): try fileSystem.readFile(Path.join(siteDirectory, source))
                }
            try fileSystem.writeFile(Path.join(folder, file.path), contents: bytes)
            let hash = ContentHash.of(bytes)
            lock.withLock { hashes[file.path] = hash }
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }

    /// The content hash of every file written, by path.
    public var written: [String: UInt64] {
        lock.withLock { hashes }
    }

    /// The first write that failed, if any.
    public var error: (any Error)? {
        lock.withLock { failure }
    }
}

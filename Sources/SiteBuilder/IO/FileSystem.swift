import NotesCore

/// The file operations the pipeline's two ends need, so tests can run on memory.
///
/// Paths are plain strings, absolute or relative to the process's working directory,
/// joined with `Path.join`. Errors are `FileSystemError` values.
public protocol FileSystem: Sendable {
    /// What is at `path`, without following a final symbolic link to a directory.
    func kind(of path: String) -> FileKind?
    /// The names in a directory, sorted.
    func contents(ofDirectory path: String) throws -> [String]
    /// The names in a directory, sorted, each with what it names (as `kind(of:)` says).
    func entries(ofDirectory path: String) throws -> [(name: String, kind: FileKind?)]
    /// A file's bytes.
    func readFile(_ path: String) throws -> [UInt8]
    /// A file's bytes, mapped into memory where the file system can (see `SharedBytes` for
    /// what the file must not undergo while they are in use).
    func mapFile(_ path: String) throws -> SharedBytes
    /// A file's bytes and its stamp as it was opened (one `fstat` instead of a separate `stat`).
    func readFileStamped(_ path: String) throws -> (bytes: [UInt8], stamp: FileStamp?)
    /// Creates a directory and its missing parents.
    func createDirectory(_ path: String) throws
    /// Writes a file, replacing any file already there.
    func writeFile(_ path: String, contents: [UInt8]) throws
    /// Removes a file or a directory tree; no error when nothing is there.
    func removeItem(_ path: String) throws
    /// Replaces a file's contents atomically: readers see the old file or the new one,
    /// never a part (a temporary file renamed over it).
    func replaceFile(_ path: String, contents: [UInt8]) throws
    /// Adds bytes at the end of a file (created when missing): not atomic, so only for a file
    /// that a marker protects from being trusted half-written.
    func appendFile(_ path: String, contents: [UInt8]) throws
    /// A file's size and modification time, to notice changes without reading it.
    func stamp(of path: String) -> FileStamp?
    /// The stamps of many files, by paths relative to `root` (nil where there is none).
    func stamps(of relativePaths: [String], under root: String) -> [FileStamp?]
    /// Renames `source` to `destination` (which must not exist).
    func moveItem(_ source: String, to destination: String) throws
    /// Swaps two existing paths atomically, so no observer sees neither.
    func exchangeItems(_ first: String, _ second: String) throws
    /// Takes an exclusive lock on a lock file, waiting for another holder to release it.
    func lock(_ path: String) throws -> any FileLock
    /// The canonical absolute form of a path (symbolic links resolved), if it exists.
    func canonicalPath(_ path: String) -> String?
    /// The user's home directory.
    var homeDirectory: String { get }
}

extension FileSystem {
    public func entries(ofDirectory path: String) throws -> [(name: String, kind: FileKind?)] {
        try contents(ofDirectory: path).map { ($0, kind(of: Path.join(path, $0))) }
    }

    public func stamps(of relativePaths: [String], under root: String) -> [FileStamp?] {
        ForkJoin.map(relativePaths) { stamp(of: Path.join(root, $0)) }
    }

    public func mapFile(_ path: String) throws -> SharedBytes {
        SharedBytes(try readFile(path))
    }

    public func appendFile(_ path: String, contents: [UInt8]) throws {
        let old = kind(of: path) == nil ? [] : try readFile(path)
        try writeFile(path, contents: old + contents)
    }

    /// Removes the folders (relative to `root`) that deletions left empty, and their parents
    /// that are then empty, deepest first; a folder that still holds anything stays. Why: a
    /// tool that deletes the files it no longer writes would otherwise leave their folders.
    public func removeEmptyFolders(_ folders: Set<String>, under root: String) {
        var pending = folders.filter { !$0.isEmpty }
        while let folder = pending.max(by: { $0.utf8.count < $1.utf8.count || ($0.utf8.count == $1.utf8.count && $0 < $1) }) {
            pending.remove(folder)
            let path = Path.join(root, folder)
            guard kind(of: path) == .directory, (try? contents(ofDirectory: path))?.isEmpty == true else { continue }
            try? removeItem(path)
            let parent = Path.directory(of: folder)
            if !parent.isEmpty { pending.insert(parent) }
        }
    }

    public func readFileStamped(_ path: String) throws -> (bytes: [UInt8], stamp: FileStamp?) {
        let stamp = stamp(of: path)
        return (try readFile(path), stamp)
    }
}

/// What identifies a version of a file cheaply: its size and a time every write moves.
public struct FileStamp: Sendable, Hashable {
    public var size: Int64
    /// A time in nanoseconds that every write moves and no program can set back (the
    /// status-change time, on a local disk).
    public var modified: Int64

    public init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }
}

/// What a path names.
public enum FileKind: Sendable, Equatable {
    case file
    case directory
    /// A symbolic link (never followed when listing a tree).
    case symbolicLink
    /// A FIFO, socket or device: never read, since a read could block or never end.
    case special
}

/// A held lock; released by `unlock()` (or when the process ends).
public protocol FileLock: Sendable {
    func unlock()
}

/// A failed file operation, with the path it concerned.
public struct FileSystemError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case notFound
        case permissionDenied
        case notADirectory
        case alreadyExists
        case other(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notFound: "\(path): no such file or directory"
        case .permissionDenied: "\(path): permission denied"
        case .notADirectory: "\(path): not a directory"
        case .alreadyExists: "\(path): already exists"
        case .other(let message): "\(path): \(message)"
        }
    }
}

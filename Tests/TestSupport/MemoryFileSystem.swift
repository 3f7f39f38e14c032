import Foundation
import SiteBuilder

/// A file system in memory, for tests: permission failures and write failures on demand.
///
/// CI runs as root, where a file cannot be made unreadable on disk; here it can.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]
    /// A write counter per file: the memory file system's modification time.
    private var versions: [String: Int64] = [:]
    private var clock: Int64 = 0
    private var directories: Set<String> = ["", "/"]
    private var symbolicLinks: Set<String> = []
    private var unreadable: Set<String> = []
    /// Writes that still succeed before every later write fails (nil: never fail).
    private var writesBeforeFailure: Int?

    public init(files: [String: String] = [:]) {
        for (path, text) in files { add(path, text) }
    }

    /// Adds a text file (and its folders).
    public func add(_ path: String, _ text: String) {
        add(path, bytes: Array(text.utf8))
    }

    /// Adds a file (and its folders).
    public func add(_ path: String, bytes: [UInt8]) {
        lock.withLock {
            files[path] = bytes
            clock += 1
            versions[path] = clock
            addParents(of: path)
        }
    }

    /// Adds a symbolic link entry (never followed).
    public func addSymbolicLink(_ path: String) {
        lock.withLock {
            symbolicLinks.insert(path)
            addParents(of: path)
        }
    }

    /// Makes reading a file fail with "permission denied".
    public func makeUnreadable(_ path: String) {
        lock.withLock { _ = unreadable.insert(path) }
    }

    /// Lets `count` more writes succeed, then fails every write.
    public func failWrites(after count: Int) {
        lock.withLock { writesBeforeFailure = count }
    }

    /// Every file under `folder`, relative to it, with its text.
    public func tree(under folder: String) -> [String: String] {
        lock.withLock {
            var result: [String: String] = [:]
            for (path, bytes) in files where path.hasPrefix(folder + "/") {
                result[String(path.dropFirst(folder.count + 1))] = String(decoding: bytes, as: UTF8.self)
            }
            return result
        }
    }

    public func kind(of path: String) -> FileKind? {
        lock.withLock {
            let path = normalize(path)
            if directories.contains(path) { return .directory }
            if symbolicLinks.contains(path) { return .symbolicLink }
            return files[path] != nil ? .file : nil
        }
    }

    public func contents(ofDirectory path: String) throws -> [String] {
        try lock.withLock {
            let path = normalize(path)
            guard directories.contains(path) else { throw FileSystemError(path: path, reason: .notFound) }
            if unreadable.contains(path) { throw FileSystemError(path: path, reason: .permissionDenied) }
            let prefix = path.isEmpty ? "" : path + "/"
            var names: Set<String> = []
            for candidate in Array(files.keys) + Array(directories) + Array(symbolicLinks) where candidate.hasPrefix(prefix) && candidate != path {
                let rest = candidate.dropFirst(prefix.count)
                if let name = rest.split(separator: "/").first { names.insert(String(name)) }
            }
            return names.sorted()
        }
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        try lock.withLock {
            let path = normalize(path)
            if unreadable.contains(path) { throw FileSystemError(path: path, reason: .permissionDenied) }
            guard let bytes = files[path] else { throw FileSystemError(path: path, reason: .notFound) }
            return bytes
        }
    }

    public func createDirectory(_ path: String) throws {
        lock.withLock {
            let path = normalize(path)
            directories.insert(path)
            addParents(of: path)
        }
    }

    public func writeFile(_ path: String, contents: [UInt8]) throws {
        try lock.withLock {
            let path = normalize(path)
            if let remaining = writesBeforeFailure {
                if remaining <= 0 { throw FileSystemError(path: path, reason: .other("no space left on device")) }
                writesBeforeFailure = remaining - 1
            }
            guard directories.contains(parent(of: path)) else { throw FileSystemError(path: path, reason: .notFound) }
            files[path] = contents
            clock += 1
            versions[path] = clock
        }
    }

    public func replaceFile(_ path: String, contents: [UInt8]) throws {
        try writeFile(path, contents: contents)
    }

    public func stamp(of path: String) -> FileStamp? {
        lock.withLock {
            let path = normalize(path)
            guard let bytes = files[path] else { return nil }
            return FileStamp(size: Int64(bytes.count), modified: versions[path] ?? 0)
        }
    }

    public func removeItem(_ path: String) throws {
        lock.withLock {
            let path = normalize(path)
            let prefix = path + "/"
            files = files.filter { $0.key != path && !$0.key.hasPrefix(prefix) }
            directories = directories.filter { $0 != path && !$0.hasPrefix(prefix) }
            symbolicLinks = symbolicLinks.filter { $0 != path && !$0.hasPrefix(prefix) }
        }
    }

    public func moveItem(_ source: String, to destination: String) throws {
        try lock.withLock {
            let source = normalize(source)
            let destination = normalize(destination)
            guard files[destination] == nil, !directories.contains(destination) else {
                throw FileSystemError(path: destination, reason: .alreadyExists)
            }
            rename(source, to: destination)
        }
    }

    public func exchangeItems(_ first: String, _ second: String) throws {
        lock.withLock {
            let first = normalize(first)
            let second = normalize(second)
            let temporary = first + ".\u{0}swap"
            rename(first, to: temporary)
            rename(second, to: first)
            rename(temporary, to: second)
        }
    }

    public func lock(_ path: String) throws -> any FileLock {
        NoLock()
    }

    public func canonicalPath(_ path: String) -> String? {
        let path = normalize(path)
        guard kind(of: path) != nil else { return nil }
        return path.hasPrefix("/") ? path : "/work/" + path
    }

    public var homeDirectory: String { "/home/user" }

    private struct NoLock: FileLock {
        func unlock() {}
    }

    // MARK: - Helpers (called with the lock held)

    private func rename(_ source: String, to destination: String) {
        let prefix = source + "/"
        func moved(_ path: String) -> String {
            path == source ? destination : destination + "/" + path.dropFirst(prefix.count)
        }
        var newFiles: [String: [UInt8]] = [:]
        for (path, bytes) in files {
            newFiles[path == source || path.hasPrefix(prefix) ? moved(path) : path] = bytes
        }
        files = newFiles
        var newVersions: [String: Int64] = [:]
        for (path, version) in versions {
            newVersions[path == source || path.hasPrefix(prefix) ? moved(path) : path] = version
        }
        versions = newVersions
        directories = Set(directories.map { $0 == source || $0.hasPrefix(prefix) ? moved($0) : $0 })
    }

    private func addParents(of path: String) {
        var folder = parent(of: path)
        while !folder.isEmpty, folder != "/", directories.insert(folder).inserted {
            folder = parent(of: folder)
        }
    }

    private func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private func normalize(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        if path == "." { return "" }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

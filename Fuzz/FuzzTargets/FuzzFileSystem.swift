import Foundation
import NotesCore
import SiteBuilder

/// A file system in memory that holds every kind of file a site can contain and remembers
/// what a build did to it: which paths it changed, which it read, and any read that on a
/// real disk would block (a FIFO) or follow a symbolic link.
///
/// The structured fuzzer builds each generated site on one of these, so a build needs no
/// disk and its confinement can be checked exactly: every change must be inside the output
/// folder, its staging folder, or the site's cache.
final class FuzzFileSystem: FileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: GeneratedSite.Entry] = ["": .directory]
    private var clock: Int64 = 0
    private var stamps: [String: Int64] = [:]
    /// Every path created, written, removed or renamed (both ends), in order.
    private(set) var changed: [String] = []
    /// Every path a file was written to, in order (a path twice is an overwrite).
    private(set) var written: [String] = []
    /// Reads that a real disk would have blocked on (FIFOs) or that went through a link.
    private(set) var forbiddenReads: [String] = []

    init(site: [String: GeneratedSite.Entry], root: String) {
        for (path, entry) in site { put(Path.join(root, path), entry) }
    }

    /// Every regular file and its bytes (to compare before and after a build).
    var files: [String: [UInt8]] {
        lock.withLock { entries.compactMapValues { if case .file(let bytes) = $0 { bytes } else { nil } } }
    }

    /// Changes the site between two builds, as its author would (not recorded as a build's
    /// change): `entry` at `path`, or nothing there when nil.
    func edit(_ path: String, _ entry: GeneratedSite.Entry?) {
        lock.withLock {
            if let entry { put(path, entry) } else { entries[path] = nil }
        }
    }

    private func put(_ path: String, _ entry: GeneratedSite.Entry) {
        var folder = Path.directory(of: path)
        while !folder.isEmpty, entries[folder] == nil {
            entries[folder] = .directory
            folder = Path.directory(of: folder)
        }
        entries[path] = entry
        clock += 1
        stamps[path] = clock
    }

    /// The entry at `path`, or a forbidden read noted when a folder on the way is a link.
    private func entry(_ path: String) -> GeneratedSite.Entry? {
        var folder = Path.directory(of: path)
        while !folder.isEmpty {
            if entries[folder] == .symbolicLink { forbiddenReads.append(path + " (through a symbolic link)") }
            folder = Path.directory(of: folder)
        }
        return entries[path]
    }

    func kind(of path: String) -> FileKind? {
        lock.withLock {
            switch entries[Self.normalized(path)] {
            case .file: .file
            case .directory: .directory
            case .symbolicLink: .symbolicLink
            #if FUZZ_PRE_FIX
                // notesim before issue 18 had no kind for these: lstat said "not a folder".
                case .fifo: .file
            #else
                case .fifo: .special
            #endif
            case nil: nil
            }
        }
    }

    func contents(ofDirectory path: String) throws -> [String] {
        try lock.withLock {
            let path = Self.normalized(path)
            guard entry(path) == .directory else { throw FileSystemError(path: path, reason: .notADirectory) }
            let prefix = path.isEmpty ? "" : path + "/"
            return entries.keys.filter { $0.hasPrefix(prefix) && $0.count > prefix.count && !$0.dropFirst(prefix.count).contains("/") }
                .map { String($0.dropFirst(prefix.count)) }.sorted()
        }
    }

    func readFile(_ path: String) throws -> [UInt8] {
        try lock.withLock {
            let path = Self.normalized(path)
            switch entry(path) {
            case .file(let bytes): return bytes
            case .fifo:
                forbiddenReads.append(path + " (a FIFO: the read would block)")
                throw FileSystemError(path: path, reason: .other("would block"))
            case .symbolicLink:
                forbiddenReads.append(path + " (a symbolic link, followed)")
                throw FileSystemError(path: path, reason: .other("symbolic link"))
            case .directory: throw FileSystemError(path: path, reason: .other("is a directory"))
            case nil: throw FileSystemError(path: path, reason: .notFound)
            }
        }
    }

    func stamp(of path: String) -> FileStamp? {
        lock.withLock {
            let path = Self.normalized(path)
            guard case .file(let bytes) = entries[path] else { return nil }
            return FileStamp(size: Int64(bytes.count), modified: stamps[path] ?? 0)
        }
    }

    func createDirectory(_ path: String) throws {
        try change(path) { path in
            guard entries[path] == nil || entries[path] == .directory else { throw FileSystemError(path: path, reason: .alreadyExists) }
            put(path, .directory)
        }
    }

    func writeFile(_ path: String, contents: [UInt8]) throws {
        try change(path) { path in
            guard entries[Path.directory(of: path)] == .directory else { throw FileSystemError(path: path, reason: .notFound) }
            written.append(path)
            put(path, .file(contents))
        }
    }

    func replaceFile(_ path: String, contents: [UInt8]) throws {
        try writeFile(path, contents: contents)
    }

    func removeItem(_ path: String) throws {
        try change(path) { path in
            for key in entries.keys where key == path || key.hasPrefix(path + "/") { entries[key] = nil }
        }
    }

    func moveItem(_ source: String, to destination: String) throws {
        try change(source, destination) { source, destination in
            guard entries[destination] == nil else { throw FileSystemError(path: destination, reason: .alreadyExists) }
            guard entries[source] != nil else { throw FileSystemError(path: source, reason: .notFound) }
            rename(source, to: destination)
        }
    }

    func exchangeItems(_ first: String, _ second: String) throws {
        try change(first, second) { first, second in
            guard entries[first] != nil, entries[second] != nil else { throw FileSystemError(path: first, reason: .notFound) }
            rename(first, to: "\u{0}swap")
            rename(second, to: first)
            rename("\u{0}swap", to: second)
        }
    }

    func lock(_ path: String) throws -> any FileLock { NoLock() }

    func canonicalPath(_ path: String) -> String? {
        let path = Self.normalized(path)
        return kind(of: path) == nil ? nil : "/fuzz/" + path
    }

    var homeDirectory: String { "/home/fuzz" }

    private struct NoLock: FileLock {
        func unlock() {}
    }

    /// Runs a change of `paths` with the lock held, and records them.
    private func change(_ path: String, _ body: (String) throws -> Void) throws {
        try lock.withLock {
            let path = Self.normalized(path)
            changed.append(path)
            try body(path)
        }
    }

    private func change(_ first: String, _ second: String, _ body: (String, String) throws -> Void) throws {
        try lock.withLock {
            let (first, second) = (Self.normalized(first), Self.normalized(second))
            changed += [first, second]
            try body(first, second)
        }
    }

    private func rename(_ source: String, to destination: String) {
        for key in Array(entries.keys) where key == source || key.hasPrefix(source + "/") {
            entries[destination + key.dropFirst(source.count)] = entries.removeValue(forKey: key)
        }
    }

    /// A path as the map keys it: relative, without `./`, `//` or a trailing `/`.
    static func normalized(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}

import CSystemShims
import Foundation
import NotesCore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real disk, through POSIX calls (pointer code for C interop: directory entries'
/// names, read and write buffers, mapped files).
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func kind(of path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFREG: return .file
        default: return .special
        }
    }

    public func contents(ofDirectory path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw Self.error(path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Kinds come from the directory entries themselves (`d_type`), one `lstat` only where
    /// the file system does not say: listing 10,000 notes costs no extra system calls.
    public func entries(ofDirectory path: String) throws -> [(name: String, kind: FileKind?)] {
        guard let directory = opendir(path) else { throw Self.error(path) }
        defer { closedir(directory) }
        var entries: [(name: String, kind: FileKind?)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            let kind: FileKind? =
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): .directory
                case Int32(DT_LNK): .symbolicLink
                case Int32(DT_REG): .file
                default: self.kind(of: Path.join(path, name))
                }
            entries.append((name, kind))
        }
        return entries.sorted { $0.name < $1.name }
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        try readFileStamped(path).bytes
    }

    public func readFileStamped(_ path: String) throws -> (bytes: [UInt8], stamp: FileStamp?) {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Self.error(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.error(path) }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw FileSystemError(path: path, reason: .other("is a directory"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw FileSystemError(path: path, reason: .other(Self.notRegular)) }
        // One byte more than the size shows the end of the file without growing the array
        // (growing it zero-filled as much again: it doubled the cost of every read).
        let size = max(Int(info.st_size), 0)
        var bytes = try [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = try Self.readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), path: path)
        }
        // A file that grew while it was read: the rest in chunks.
        while bytes.count > size {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = try chunk.withUnsafeMutableBytes { try Self.readFully(descriptor, into: $0, path: path) }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return (bytes, Self.stamp(info))
    }

    /// Maps the file read-only (populated at once: the pages come from the page cache, neither
    /// copied nor zeroed first, as a read into new memory would).
    public func mapFile(_ path: String) throws -> SharedBytes {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Self.error(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.error(path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw FileSystemError(path: path, reason: .other(Self.notRegular)) }
        let size = Int(info.st_size)
        guard size > 0 else { return SharedBytes([]) }
        #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE
        #else
            let flags = MAP_PRIVATE
        #endif
        guard let start = mmap(nil, size, PROT_READ, flags, descriptor, 0), start != MAP_FAILED else { throw Self.error(path) }
        return SharedBytes(mapping: start, count: size)
    }

    /// Reads until `buffer` is full or the file ends; returns the bytes read.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        var total = 0
        while total < buffer.count {
            let count = read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            if count < 0 {
                if errno == EINTR { continue }
                throw error(path)
            }
            if count == 0 { break }
            total += count
        }
        return total
    }

    public func createDirectory(_ path: String) throws {
        if kind(of: path) == .directory { return }
        let parent = Path.directory(of: path)
        if !parent.isEmpty, parent != path, kind(of: parent) == nil {
            try createDirectory(parent)
        }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw Self.error(path) }
    }

    public func writeFile(_ path: String, contents: [UInt8]) throws {
        try writeWhole(path, contents: contents, flags: O_TRUNC)
    }

    public func appendFile(_ path: String, contents: [UInt8]) throws {
        try writeWhole(path, contents: contents, flags: O_APPEND)
    }

    /// Opens (creating) and writes the whole of `contents`: over the old contents (`O_TRUNC`)
    /// or after them (`O_APPEND`).
    private func writeWhole(_ path: String, contents: [UInt8], flags: Int32) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0o644)
        guard descriptor >= 0 else { throw Self.error(path) }
        defer { close(descriptor) }
        var written = 0
        while written < contents.count {
            let count = contents.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.error(path)
            }
            written += count
        }
    }

    /// Writes `contents` beside `path` and renames it over `path`. The temporary file has a
    /// short name made from the file's (`.notesim-tmp.` and the hash of its name): named
    /// after the page itself, a page whose name was near the system's 255-byte limit could not
    /// be replaced; and being the same for the same file every time, one left by a killed
    /// build is written over and renamed away by the next, never left behind.
    public func replaceFile(_ path: String, contents: [UInt8]) throws {
        let name = Path.lastComponent(of: path)
        let temporary = Path.join(Path.directory(of: path), ".notesim-tmp." + FNV1a.hex(FNV1a.hash(name.utf8)))
        do {
            try writeFile(temporary, contents: contents)
            guard rename(temporary, path) == 0 else { throw Self.error(path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    public func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Self.stamp(info)
    }

    /// Stats each file relative to the root folder opened once (`fstatat`): the kernel then
    /// walks one or two path components per file instead of the whole path.
    public func stamps(of relativePaths: [String], under root: String) -> [FileStamp?] {
        let folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return relativePaths.map { _ in nil } }
        defer { close(folder) }
        return ForkJoin.map(relativePaths) { relative -> FileStamp? in
            var info = stat()
            guard fstatat(folder, relative, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return Self.stamp(info)
        }
    }

    /// The file's size and its status-change time (ctime), not its modification time: a
    /// program may set the modification time back (`touch -r`, `cp -p`, `rsync -t`, tar), and
    /// an edit of the same size stamped with the old time was never parsed again. No program
    /// can set the ctime; every write moves it.
    private static func stamp(_ info: stat) -> FileStamp {
        FileStamp(size: Int64(info.st_size), modified: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    public func removeItem(_ path: String) throws {
        switch kind(of: path) {
        case nil:
            return
        case .directory:
            for name in try contents(ofDirectory: path) {
                try removeItem(Path.join(path, name))
            }
            if rmdir(path) != 0 { throw Self.error(path) }
        case .file, .symbolicLink, .special:
            if unlink(path) != 0 { throw Self.error(path) }
        }
    }

    public func moveItem(_ source: String, to destination: String) throws {
        if rename(source, destination) != 0 { throw Self.error(source) }
    }

    public func exchangeItems(_ first: String, _ second: String) throws {
        if notesim_exchange_paths(first, second) != 0 { throw Self.error(first) }
    }

    /// Locks a file (created when missing) or an existing folder, waiting for other holders.
    public func lock(_ path: String) throws -> any FileLock {
        let descriptor = kind(of: path) == .directory ? open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.error(path) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let failure = Self.error(path)
            close(descriptor)
            throw failure
        }
        return DescriptorLock(descriptor: descriptor)
    }

    public func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public var homeDirectory: String {
        ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    }

    /// Why a FIFO, socket or device is not read.
    static let notRegular = "not a regular file (a FIFO, socket or device)"

    /// A lock held through an open descriptor with `flock`.
    private struct DescriptorLock: FileLock {
        let descriptor: Int32
        func unlock() {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    private static func error(_ path: String) -> FileSystemError {
        let code = errno
        let reason: FileSystemError.Reason
        switch code {
        case ENOENT: reason = .notFound
        case EACCES, EPERM: reason = .permissionDenied
        case ENOTDIR: reason = .notADirectory
        case EEXIST, ENOTEMPTY: reason = .alreadyExists
        default: reason = .other(String(cString: strerror(code)))
        }
        return FileSystemError(path: path, reason: reason)
    }
}

/// Makes a folder an exact copy of a built site: new and changed files are written, files
/// the site no longer has are deleted, unchanged files are left alone.
///
/// It never writes, reads, or deletes through a symbolic link inside the destination: a link
/// found where the site has a file or a folder, or where it has nothing, is itself removed
/// (its target is left untouched) and reported. A link there is not part of the site, and
/// following it would change files outside the folder the user asked to publish into.
public enum Mirror {
    /// What a mirror run did.
    public struct Report: Equatable, Sendable {
        public var written: [String] = []
        public var deleted: [String] = []
        public var unchanged = 0
        /// Symbolic links removed from the destination (relative paths), their targets untouched.
        public var removedLinks: [String] = []
    }

    /// Mirrors `source` into `destination` (created when missing).
    public static func sync(from source: String, to destination: String, fileSystem: any FileSystem) throws -> Report {
        var report = Report()
        let wanted = try tree(under: source, fileSystem: fileSystem).files
        let existing = fileSystem.kind(of: destination) == .directory ? try tree(under: destination, fileSystem: fileSystem) : (files: [], links: [])
        try fileSystem.createDirectory(destination)
        var clear = ClearPath(destination: destination, fileSystem: fileSystem)
        for path in wanted {
            try clear.prepare(path, report: &report)
            let bytes = try fileSystem.readFile(Path.join(source, path))
            let target = Path.join(destination, path)
            if fileSystem.kind(of: target) == .file, (try? fileSystem.readFile(target)) == bytes {
                report.unchanged += 1
                continue
            }
            try fileSystem.createDirectory(Path.directory(of: target))
            try fileSystem.writeFile(target, contents: bytes)
            report.written.append(path)
        }
        let wantedSet = Set(wanted)
        for path in existing.files where !wantedSet.contains(path) && fileSystem.kind(of: Path.join(destination, path)) == .file {
            try fileSystem.removeItem(Path.join(destination, path))
            report.deleted.append(path)
        }
        for path in existing.links where fileSystem.kind(of: Path.join(destination, path)) == .symbolicLink {
            try fileSystem.removeItem(Path.join(destination, path))
            report.removedLinks.append(path)
        }
        fileSystem.removeEmptyFolders(Set((report.deleted + report.removedLinks).map(Path.directory(of:))), under: destination)
        report.removedLinks.sort()
        return report
    }

    /// Every file and every symbolic link under a folder, relative to it, sorted (hidden ones
    /// included); links are listed, never followed.
    static func tree(under root: String, fileSystem: any FileSystem) throws -> (files: [String], links: [String]) {
        var files: [String] = []
        var links: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            for name in try fileSystem.contents(ofDirectory: Path.join(root, relative)) {
                let child = Path.join(relative, name)
                switch fileSystem.kind(of: Path.join(root, child)) {
                case .directory: pending.append(child)
                // A FIFO, socket or device is never read: it is replaced or deleted like a file.
                case .file, .special: files.append(child)
                case .symbolicLink: links.append(child)
                case nil: break
                }
            }
        }
        return (files.sorted(), links.sorted())
    }
}

/// Makes a folder an exact copy of a built site: new and changed files are written, files
/// the site no longer has are deleted, unchanged files are left alone.
public enum Mirror {
    /// What a mirror run did.
    public struct Report: Equatable, Sendable {
        public var written: [String] = []
        public var deleted: [String] = []
        public var unchanged = 0
    }

    /// Mirrors `source` into `destination` (created when missing).
    public static func sync(from source: String, to destination: String, fileSystem: any FileSystem) throws -> Report {
        var report = Report()
        let wanted = try files(under: source, fileSystem: fileSystem)
        let existing = fileSystem.kind(of: destination) == .directory ? try files(under: destination, fileSystem: fileSystem) : []
        try fileSystem.createDirectory(destination)
        let wantedSet = Set(wanted)
        for path in wanted {
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
        for path in existing where !wantedSet.contains(path) {
            try fileSystem.removeItem(Path.join(destination, path))
            report.deleted.append(path)
        }
        return report
    }

    /// Every file under a folder, relative to it, sorted (hidden files included).
    static func files(under root: String, fileSystem: any FileSystem) throws -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            for name in try fileSystem.contents(ofDirectory: Path.join(root, relative)) {
                let child = Path.join(relative, name)
                switch fileSystem.kind(of: Path.join(root, child)) {
                case .directory: pending.append(child)
                case .file: result.append(child)
                default: break
                }
            }
        }
        return result.sorted()
    }
}

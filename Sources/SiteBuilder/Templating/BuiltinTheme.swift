import Foundation

/// The default theme shipped inside notesim (the `Theme` resource folder).
public enum BuiltinTheme {
    /// Every file of the built-in theme: path inside the theme -> bytes.
    ///
    /// Read with POSIX calls (`LocalFileSystem`): Foundation's directory enumerator took 2 ms
    /// of every start, a thirtieth of a rebuild after one edit.
    public static let files: [String: [UInt8]] = {
        guard let root = Bundle.module.url(forResource: "Theme", withExtension: nil) else { return [:] }
        let disk = LocalFileSystem()
        var files: [String: [UInt8]] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            for (name, kind) in (try? disk.entries(ofDirectory: Path.join(root.path, relative))) ?? [] where !name.hasPrefix(".") {
                let path = Path.join(relative, name)
                switch kind {
                case .directory: pending.append(path)
                case .file: files[path] = try? disk.readFile(Path.join(root.path, path))
                default: break
                }
            }
        }
        return files
    }()
}

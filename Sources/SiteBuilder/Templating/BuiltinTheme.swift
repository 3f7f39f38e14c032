import Foundation
import NotesCore

/// The default theme shipped inside notesim (the `Theme` resource folder).
public enum BuiltinTheme {
    /// Every file of the built-in theme: path inside the theme -> bytes.
    ///
    /// Read with POSIX calls (`LocalFileSystem`): the theme is read at every start, a rebuild
    /// after one edit included, and Foundation's directory enumerator costs milliseconds.
    public static let files: [String: [UInt8]] = {
        guard let root = Bundle.module.url(forResource: "Theme", withExtension: nil)?.path else { return [:] }
        let disk = LocalFileSystem()
        var skipped: [Diagnostic] = []
        var files: [String: [UInt8]] = [:]
        for path in LoadStage.walk(root, fileSystem: disk, diagnostics: &skipped, prefix: "") {
            files[path] = try? disk.readFile(Path.join(root, path))
        }
        return files
    }()
}

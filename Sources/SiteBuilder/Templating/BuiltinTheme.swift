import Foundation

/// The default theme shipped inside notesim (the `Theme` resource folder).
public enum BuiltinTheme {
    /// Every file of the built-in theme: path inside the theme -> bytes.
    public static let files: [String: [UInt8]] = {
        guard let root = Bundle.module.url(forResource: "Theme", withExtension: nil) else { return [:] }
        var files: [String: [UInt8]] = [:]
        let rootPath = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: rootPath) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            let full = rootPath + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  let data = FileManager.default.contents(atPath: full) else { continue }
            files[relative] = [UInt8](data)
        }
        return files
    }()
}

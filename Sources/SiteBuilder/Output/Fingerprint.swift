import NotesCore

/// Content-hashed file names for assets (`style.css` -> `style.3f2a9c1b07.css`).
enum Fingerprint {
    /// The name with 10 hex digits of a hash of `bytes` before the extension (`ContentHash`:
    /// the sidebar script of a 10,000-note site is a megabyte, named on every build).
    static func name(_ path: String, bytes: [UInt8]) -> String {
        let digits = String(FNV1a.hex(ContentHash.of(bytes)).prefix(10))
        let ext = Path.fileExtension(of: path)
        guard !ext.isEmpty else { return path + "." + digits }
        return String(path.dropLast(ext.count + 1)) + "." + digits + "." + ext
    }
}

/// Where the site's generated assets ended up.
struct AssetNames {
    /// The sidebar script's path in the output.
    var toc = RenderStage.tocScript
    /// Theme asset path (inside the theme) -> path in the output.
    var paths: [String: String] = [:]
}

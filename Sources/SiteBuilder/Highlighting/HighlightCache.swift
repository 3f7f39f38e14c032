import NotesCore

/// Where highlighted blocks are remembered between builds, as scenario results are
/// (`ScenarioResultCache`): a build whose blocks are all cached starts no highlighter.
public protocol HighlightResultCache: Sendable {
    /// The cached result for `key`: `.some(nil)` when the highlighter knew no lexer for the
    /// block's language (remembered too, so an unknown language costs no process either).
    func load(_ key: String) -> String??
    func save(_ key: String, html: String?)
}

/// The cache key of a block: its language and code, the highlighter's identity and the
/// build of notesim (`BuildIdentity`), so no version number is raised by hand. Unlike a
/// scenario's, the key holds no path or line: the same code highlights the same anywhere.
public enum HighlightCacheKey {
    public static func make(_ request: HighlightRequest, highlighter: String, build: String = BuildIdentity.current) -> String {
        "notesim \(build); \(highlighter); \(request.language)\n\(request.code)"
    }
}

/// Highlighted blocks as files in `SITE/.notesim-cache/highlight/`, one per block and named
/// by its key's hash.
///
/// A file is the key, a NUL byte, then `h` and the HTML, or `-` for an unknown language: no
/// JSON to decode, since a site may have thousands of blocks to look up on a page re-render.
/// The key is compared on read, so a hash collision can never return another block's HTML.
public struct FileHighlightCache: HighlightResultCache {
    let folder: String
    let fileSystem: any FileSystem

    public init(siteDirectory: String, fileSystem: any FileSystem) {
        self.folder = Path.join(siteDirectory, ".notesim-cache", "highlight")
        self.fileSystem = fileSystem
    }

    public func load(_ key: String) -> String?? {
        guard let bytes = try? fileSystem.readFile(path(of: key)), let nul = bytes.firstIndex(of: 0), nul + 1 < bytes.count,
            bytes[..<nul].elementsEqual(key.utf8)
        else { return nil }
        switch bytes[nul + 1] {
        case UInt8(ascii: "h"): return .some(String(decoding: bytes[(nul + 2)...], as: UTF8.self))
        case UInt8(ascii: "-"): return .some(nil)
        default: return nil
        }
    }

    public func save(_ key: String, html: String?) {
        var bytes = Array(key.utf8)
        bytes.append(0)
        if let html {
            bytes.append(UInt8(ascii: "h"))
            bytes += html.utf8
        } else {
            bytes.append(UInt8(ascii: "-"))
        }
        let path = path(of: key)
        // Written under a temporary name and renamed, so a kill never leaves half an entry.
        let temporary = path + ".tmp"
        do {
            try fileSystem.createDirectory(folder)
            try fileSystem.writeFile(temporary, contents: bytes)
            try? fileSystem.removeItem(path)
            try fileSystem.moveItem(temporary, to: path)
        } catch {
            try? fileSystem.removeItem(temporary)
        }
    }

    private func path(of key: String) -> String {
        Path.join(folder, FNV1a.hex(FNV1a.hash(key.utf8)))
    }
}

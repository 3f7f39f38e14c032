import ArgumentParser
import Foundation
import NotesCore

/// The site folder a command is given, which must exist before anything is read or written.
///
/// Why: a mistyped folder (`notesim build nots`) made an empty `nots/`, `serve` a cache in it,
/// and `new` a whole site; the build then said "nothing was written".
enum SiteFolder {
    /// Refuses, as a usage error, a site folder that does not exist or is no folder.
    static func validate(_ path: String, option: String = "the site folder") throws {
        var isFolder: ObjCBool = false
        let shown = TerminalText.escaped(path)
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ValidationError("\(option) '\(shown)' does not exist; give the folder that holds content/ (notesim init \(shown) makes a new site)")
        }
        guard isFolder.boolValue else { throw ValidationError("\(option) '\(shown)' is not a folder; give the folder that holds content/") }
    }
}

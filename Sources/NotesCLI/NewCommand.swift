import ArgumentParser
import NotesCore
import SiteBuilder

/// `notesim new PATH`: a new note with front matter.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a note in content/ with front matter (lambda/cold-start.md -> content/lambda/cold-start.md).",
        discussion: "The path must stay inside content/ and must not go through a symbolic link."
    )

    @Argument(help: "The note's path inside content/ (.md is added when missing).")
    var path: String

    @Option(help: "The site directory.")
    var site: String = "."

    @Option(help: "The note's title (default: from the file name).")
    var title: String?

    func run() throws {
        var contentPath = path.hasPrefix("content/") ? String(path.dropFirst("content/".count)) : path
        if Path.fileExtension(of: contentPath) != "md" { contentPath += ".md" }
        guard !path.hasPrefix("/"), let normalized = Path.normalize(contentPath), !normalized.isEmpty else {
            throw Console.failure(
                "new.outside-content", path: path, "the note must be inside content/",
                hint: "give a path relative to content/, such as lambda/cold-start")
        }
        let fileSystem = LocalFileSystem()
        if let link = Self.firstLink(on: normalized, site: site, fileSystem: fileSystem) {
            throw Console.failure(
                "new.through-link", path: link,
                "this is a symbolic link; a note is never created through one (the build ignores links, and the file would land outside content/)")
        }
        let full = Path.join(site, LoadStage.contentFolder, normalized)
        if fileSystem.kind(of: full) != nil {
            throw Console.failure("new.exists", path: full, "the note already exists")
        }
        do {
            try fileSystem.createDirectory(Path.directory(of: full))
            try fileSystem.writeFile(full, contents: Array(SiteScaffold.newNote(contentPath: normalized, title: title).utf8))
        } catch {
            throw Console.failure("new.write-failed", path: full, "could not create the note: \(error)")
        }
        Console.out("Created \(full)")
    }

    /// The first symbolic link among content/ and the components of `relative` inside it
    /// (each looked at without following links), as a path from the working directory.
    static func firstLink(on relative: String, site: String, fileSystem: any FileSystem) -> String? {
        var current = Path.join(site, LoadStage.contentFolder)
        if fileSystem.kind(of: current) == .symbolicLink { return current }
        for name in relative.split(separator: "/") {
            current = Path.join(current, String(name))
            switch fileSystem.kind(of: current) {
            case .symbolicLink: return current
            case nil: return nil
            case .file, .directory, .special: continue
            }
        }
        return nil
    }
}

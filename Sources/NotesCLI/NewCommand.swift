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

    /// Refuses, as a usage error, a path that names no note the build would read.
    ///
    /// `''` and `foo/` would create `content/.md` and `content/foo/.md`, and `.hidden/x` a
    /// note in a hidden folder: files the build skips, so no page would ever come from them.
    func validate() throws {
        try SiteFolder.validate(site, option: "--site")
        let shown = "'\(TerminalText.escaped(path))'"
        if relative.isEmpty { throw ValidationError("the note needs a name, such as lambda/cold-start") }
        let last = relative.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        if last.isEmpty || last == "." || last == ".." {
            let folder = TerminalText.escaped(path.hasSuffix("/") ? path : path + "/")
            throw ValidationError("\(shown) names a folder, not a note; give the note's name inside it, such as \(folder)cold-start")
        }
        let hidden = contentPath.split(separator: "/").first { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
        if let hidden {
            throw ValidationError(
                "\(shown): '\(TerminalText.escaped(String(hidden)))' starts with '.', so the note would be hidden and the build would skip it")
        }
    }

    /// The path as given, without a leading `content/`.
    private var relative: String {
        path.hasPrefix("content/") ? String(path.dropFirst("content/".count)) : path
    }

    /// The note's path inside content/, with `.md` added when missing (not yet normalized).
    private var contentPath: String {
        Path.fileExtension(of: relative) == "md" ? relative : relative + ".md"
    }

    func run() throws {
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
        if let twin = Self.samePage(as: normalized, site: site, fileSystem: fileSystem) {
            throw Console.failure(
                "new.exists", path: full, "\(twin) already becomes \(OutputPaths.html(forNote: normalized)); two notes cannot make one page",
                hint: "open \(twin), or give the new note another name")
        }
        do {
            try fileSystem.createDirectory(Path.directory(of: full))
            try fileSystem.writeFile(full, contents: Array(SiteScaffold.newNote(contentPath: normalized, title: title).utf8))
        } catch {
            throw Console.failure("new.write-failed", path: full, "could not create the note: \(error)")
        }
        Console.out("Created \(full)")
    }

    /// A note already in the folder that becomes the page `relative` would (`x.MD` for
    /// `x.md`, `README.md` for `index.md`), as a path from the working directory.
    static func samePage(as relative: String, site: String, fileSystem: any FileSystem) -> String? {
        let folder = Path.directory(of: relative)
        let page = OutputPaths.html(forNote: relative)
        let names = (try? fileSystem.contents(ofDirectory: Path.join(site, LoadStage.contentFolder, folder))) ?? []
        let twin = names.sorted().first { name in
            let other = Path.join(folder, name)
            return OutputPaths.isNote(other) && OutputPaths.html(forNote: other) == page
        }
        return twin.map { Path.join(site, LoadStage.contentFolder, folder, $0) }
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

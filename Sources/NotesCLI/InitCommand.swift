import ArgumentParser
import NotesCore
import SiteBuilder

/// `notesim init DIR`: a new site with the default templates and an example note.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: notesim.yml, an example note with a scenario, and the default templates to edit."
    )

    @Argument(help: "The folder to create (it must not exist or be empty).")
    var directory: String

    @Option(help: "The site's title.")
    var title: String = "学習ノート"

    func run() throws {
        let fileSystem = LocalFileSystem()
        if fileSystem.kind(of: directory) != nil, (try? fileSystem.contents(ofDirectory: directory))?.isEmpty != true {
            Console.error("\(directory): error: the folder exists and is not empty; choose a new folder [init.not-empty]")
            throw ExitCode(ExitStatus.failure)
        }
        do {
            for (path, bytes) in SiteScaffold.newSite(title: title, builtinTheme: BuiltinTheme.files) {
                let full = Path.join(directory, path)
                try fileSystem.createDirectory(Path.directory(of: full))
                try fileSystem.writeFile(full, contents: bytes)
            }
        } catch {
            Console.error("\(directory): error: could not create the site: \(error) [init.write-failed]")
            throw ExitCode(ExitStatus.failure)
        }
        Console.out("Created a site in \(directory)/. Next: notesim build \(directory)")
    }
}

/// `notesim new PATH`: a new note with front matter.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a note in content/ with front matter (lambda/cold-start.md -> content/lambda/cold-start.md)."
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
        guard let normalized = Path.normalize(contentPath), !normalized.isEmpty else {
            Console.error("\(path): error: the note must be inside content/ [new.outside-content]")
            throw ExitCode(ExitStatus.failure)
        }
        let fileSystem = LocalFileSystem()
        let full = Path.join(site, LoadStage.contentFolder, normalized)
        if fileSystem.kind(of: full) != nil {
            Console.error("\(full): error: the note already exists [new.exists]")
            throw ExitCode(ExitStatus.failure)
        }
        do {
            try fileSystem.createDirectory(Path.directory(of: full))
            try fileSystem.writeFile(full, contents: Array(SiteScaffold.newNote(contentPath: normalized, title: title).utf8))
        } catch {
            Console.error("\(full): error: could not create the note: \(error) [new.write-failed]")
            throw ExitCode(ExitStatus.failure)
        }
        Console.out("Created \(full)")
    }
}

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

    @Option(help: "The site's title (any text: it is quoted for notesim.yml).")
    var title: String = "学習ノート"

    func run() throws {
        let fileSystem = LocalFileSystem()
        if fileSystem.kind(of: directory) != nil, (try? fileSystem.contents(ofDirectory: directory))?.isEmpty != true {
            throw Console.failure("init.not-empty", path: directory, "the folder exists and is not empty; choose a new folder")
        }
        do {
            for (path, bytes) in SiteScaffold.newSite(title: title, builtinTheme: BuiltinTheme.files) {
                let full = Path.join(directory, path)
                try fileSystem.createDirectory(Path.directory(of: full))
                try fileSystem.writeFile(full, contents: bytes)
            }
        } catch {
            throw Console.failure("init.write-failed", path: directory, "could not create the site: \(error)")
        }
        Console.out("Created a site in \(directory)/. Next: notesim build \(directory)")
    }
}

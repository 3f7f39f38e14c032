import Foundation
import ArgumentParser
import NotesCore
import SiteBuilder

/// `notesim init DIR`: a new site with an example note, in English or Japanese.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: notesim.yml, an example note with a scenario, and a .gitignore.",
        discussion: """
            --language defaults to ja when LC_ALL, LC_MESSAGES or LANG names Japanese, en otherwise. \
            --with-templates also copies the default theme into templates/ to edit.
            """
    )

    /// The languages a new site can be written in (the theme's words exist for both).
    enum Language: String, ExpressibleByArgument, CaseIterable {
        case en, ja
    }

    @Argument(help: "The folder to create (it must not exist or be empty).")
    var directory: String

    @Option(help: "The site's language: en or ja (default: from the locale).")
    var language: Language?

    @Option(help: "The site's title (any text: it is quoted for notesim.yml).")
    var title: String?

    @Flag(help: "Copy the default templates into templates/ to edit.")
    var withTemplates = false

    func run() throws {
        let fileSystem = LocalFileSystem()
        if let kind = fileSystem.kind(of: directory), kind != .directory {
            let what = kind == .symbolicLink ? "a symbolic link" : "a file"
            throw Console.failure("init.not-empty", path: directory, "this is \(what), not a folder; choose a new folder")
        }
        if fileSystem.kind(of: directory) != nil, (try? fileSystem.contents(ofDirectory: directory))?.isEmpty != true {
            throw Console.failure("init.not-empty", path: directory, "the folder exists and is not empty; choose a new folder")
        }
        let chosen = language ?? Self.localeLanguage(ProcessInfo.processInfo.environment)
        do {
            let files = SiteScaffold.newSite(title: title, language: chosen.rawValue, withTemplates: withTemplates, builtinTheme: BuiltinTheme.files)
            for (path, bytes) in files {
                let full = Path.join(directory, path)
                try fileSystem.createDirectory(Path.directory(of: full))
                try fileSystem.writeFile(full, contents: bytes)
            }
        } catch {
            throw Console.failure("init.write-failed", path: directory, "could not create the site: \(error)")
        }
        Console.out("Created a site in \(directory)/. Next: notesim build \(directory)")
    }

    /// The language the locale asks for, as POSIX looks it up (the first of LC_ALL,
    /// LC_MESSAGES and LANG that is set): Japanese for `ja…`, English otherwise.
    static func localeLanguage(_ environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return InterfaceLanguage.isJapanese(locale) ? .ja : .en
    }
}

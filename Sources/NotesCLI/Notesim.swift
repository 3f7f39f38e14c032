import ArgumentParser
import Foundation
import LambdaSimulator

/// The `notesim` command: builds and checks study sites of Markdown notes.
@main
struct Notesim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notesim",
        abstract: "Build and verify a study site of Markdown notes with executable AWS Lambda scenarios.",
        version: "0.1.0 (simulator semantics \(Simulator.version))",
        subcommands: [BuildCommand.self, CheckCommand.self, SimulateCommand.self, ServeCommand.self, PublishCommand.self, InitCommand.self, NewCommand.self]
    )

    /// Runs the command line, mapping usage errors to exit status 2 (not ArgumentParser's 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
                let message = UsageHint.adding(to: fullMessage(for: error), subcommands: names)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

/// The process exit statuses notesim uses.
enum ExitStatus {
    static let success: Int32 = 0
    /// Some error diagnostic was reported.
    static let failure: Int32 = 1
    /// The command line itself was wrong.
    static let usage: Int32 = 2
}

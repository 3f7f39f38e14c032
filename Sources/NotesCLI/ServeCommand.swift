import ArgumentParser
import Foundation
import PreviewServer
import SiteBuilder

/// `notesim serve`: a local preview with live reload.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site at http://127.0.0.1:8000/ and reload open pages on every change.",
        discussion: """
            The preview is built into .notesim-cache/serve; public/ is not touched. Build errors show in the browser until fixed; when the first build fails, every page is an error \
            page listing each problem with its source line, which turns into the site once a build passes. \
            Ctrl-C (SIGINT) or SIGTERM stops it within a second, live-reload streams included: exit status 0, \
            or 130/143 if a rebuild had to be cut short.
            """
    )

    @Argument(help: "The site directory.")
    var siteDirectory: String = "."

    @Option(help: "The address to listen on (loopback unless told otherwise).")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8000

    @Option(help: "Seconds a connection may stay open without a request before it is closed.")
    var idleTimeout: Int = 10

    func validate() throws {
        try SiteFolder.validate(siteDirectory)
        guard (1...3_600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be from 1 to 3600 seconds") }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
    }

    func run() async throws {
        if let problem = PortProbe.problem(host: host, port: port) {
            throw Console.failure("serve.port", path: "\(host):\(port)", "cannot listen here: \(problem.message)", hint: problem.hint)
        }
        let server = PreviewServer(siteDirectory: siteDirectory, host: host, port: port, idleTimeout: .seconds(idleTimeout))
        try await server.run { line in Console.out(line) }
    }
}

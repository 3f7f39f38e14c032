import Foundation
import Testing

/// `notesim serve` stops promptly on SIGINT and SIGTERM, live-reload streams and idle
/// connections notwithstanding, and closes connections that stay idle.
@Suite(.serialized) struct ServeStopTests {
    /// A running `notesim serve` on a free loopback port, ready to accept connections.
    private struct Server {
        let process: Process
        let port: Int
        let site: String
    }

    private func startServer(idleTimeout: Int = 10) throws -> Server {
        let site = try CLI.makeSite(["notesim.yml": "title: serve\n", "content/index.md": "# Home\n\nText.\n"])
        let port = LoopbackSocket.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = ["serve", site, "--port", String(port), "--idle-timeout", String(idleTimeout)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first build comes before the port opens; generous for a loaded machine.
        let deadline = Date().addingTimeInterval(60)
        while LoopbackSocket(port: port) == nil, process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return Server(process: process, port: port, site: site)
    }

    /// An open live-reload stream that has received its first event.
    private func openStream(_ port: Int) throws -> LoopbackSocket {
        let stream = try #require(LoopbackSocket(port: port))
        stream.send("GET /__notesim/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(stream.read(until: "event: ok", timeout: 10))
        return stream
    }

    /// Sends `signal` with three live-reload streams and an idle connection open; returns the
    /// exit status and how long the process took to exit.
    private func stop(with signal: Int32) throws -> (status: Int32, seconds: Double, port: Int, streams: [LoopbackSocket]) {
        let server = try startServer()
        defer { try? FileManager.default.removeItem(atPath: server.site) }
        let streams = try (0..<3).map { _ in try openStream(server.port) }
        let idle = try #require(LoopbackSocket(port: server.port))
        let start = Date()
        kill(server.process.processIdentifier, signal)
        server.process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        #expect(idle.read(timeout: 5) == .closed)
        return (server.process.terminationStatus, seconds, server.port, streams)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsTheServerPromptlyWithStreamsOpen(signal: Int32) throws {
        // Under load the server's teardown used to trap in SwiftNIO's debug checks (status 4)
        // or pass its forced exit (130/143); it now ends the process once no rebuild runs.
        let stopped = try stop(with: signal)
        // About a second on an idle machine; under a full parallel test run on two cores
        // this process and the server were seen to wait 4 s for the CPU, so the bound is 8 s.
        #expect(stopped.seconds < 8, "took \(stopped.seconds) s")
        #expect(stopped.status == 0)
        #expect(LoopbackSocket(port: stopped.port) == nil, "the port still accepts connections")
        for stream in stopped.streams { #expect(stream.read(timeout: 5) == .closed) }
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() throws {
        let server = try startServer(idleTimeout: 1)
        defer {
            server.process.terminate()
            server.process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: server.site)
        }
        let silent = try #require(LoopbackSocket(port: server.port))
        let keptAlive = try #require(LoopbackSocket(port: server.port))
        keptAlive.send("GET /__notesim/live.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(keptAlive.read(until: "})();", timeout: 10))
        // Closed by the server, not left open until the read gives up.
        #expect(silent.read(timeout: 20) == .closed)
        #expect(keptAlive.read(timeout: 20) == .closed)
    }
}

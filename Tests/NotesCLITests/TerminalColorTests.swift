import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 22, point 6: colour on a terminal, none when piped or with `NO_COLOR`. The
/// executable runs with its standard error on a pseudo-terminal, as in a shell.
@Suite struct TerminalColorTests {
    /// Runs notesim with stderr on a new pseudo-terminal; returns what it wrote there.
    private func runOnTerminal(_ arguments: [String], in directory: String, environment: [String: String]) throws -> String {
        var primary: Int32 = -1
        var secondary: Int32 = -1
        guard openpty(&primary, &secondary, nil, nil, nil) == 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(primary) }
        let terminal = FileHandle(fileDescriptor: secondary, closeOnDealloc: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardError = terminal
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Only the child holds the terminal now: reading ends (EIO) when it exits.
        try terminal.close()
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(primary, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            output += buffer[0..<count]
        }
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    @Test func errorsAreRedOnATerminalAndPlainWithNoColorOrAPipe() throws {
        let site = try CLI.makeSite(["content/a.md": "# A\n\n[b](b.md)\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let colored = try runOnTerminal(["check"], in: site, environment: ["TERM": "xterm", "NO_COLOR": ""])
        #expect(colored.contains("content/a.md:3:5: \u{1B}[1;31merror\u{1B}[0m: "), "\(colored.debugDescription)")
        let plain = try runOnTerminal(["check"], in: site, environment: ["TERM": "xterm", "NO_COLOR": "1"])
        #expect(plain.contains("content/a.md:3:5: error: ") && !plain.contains("\u{1B}[1;31m"))
        let piped = try CLI.run(["check"], in: site, environment: ["TERM": "xterm"])
        #expect(!piped.standardError.contains("\u{1B}"))
    }
}

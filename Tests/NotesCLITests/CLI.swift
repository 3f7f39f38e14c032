import Foundation

/// Runs the built `notesim` executable in a folder, as a user would.
enum CLI {
    /// What a run of the executable printed and returned.
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var lastLine: String { standardOutput.split(separator: "\n").last.map(String.init) ?? "" }
    }

    static let executable: String = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("notesim").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return ".build/debug/notesim"
    }()

    /// The repository's root (where content/ and Tools/ are).
    static let repository: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs a program to completion; `environment` is added to this process's.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:], program: String = executable) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Drain standard error concurrently so a chatty program cannot fill its pipe and stall.
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = error.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { Thread.sleep(forTimeInterval: 0.005) }
        return Run(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self), standardError: String(decoding: errData, as: UTF8.self)
        )
    }

    /// A new folder in the temporary directory holding `files` (path → text).
    static func makeSite(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-cli-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root.path
    }
}

import Foundation

/// Debian's `cmark-gfm` program, GitHub's own implementation, as a test oracle.
///
/// Test-only: notesim never runs it. `make test` installs it (Makefile `TEST_PACKAGES`), so
/// a missing program fails the differential tests instead of skipping them.
enum CmarkGFMOracle {
    static let path = "/usr/bin/cmark-gfm"
    static let arguments = ["--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes"]

    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// cmark-gfm's HTML for each document, from one process per document (cmark-gfm reads
    /// one document from its input; the documents run four at a time).
    static func render(_ documents: [String]) throws -> [String] {
        let box = Results(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: 4) { lane in
            for index in stride(from: lane, to: documents.count, by: 4) {
                let result = Result { try render(documents[index]) }
                box.lock.withLock { box.results[index] = result }
            }
        }
        return try box.results.map { try $0.get() }
    }

    /// The results of the lanes, behind a lock.
    private final class Results: @unchecked Sendable {
        let lock = NSLock()
        var results: [Result<String, any Error>]

        init(count: Int) {
            results = Array(repeating: .success(""), count: count)
        }
    }

    static func render(_ document: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(document.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

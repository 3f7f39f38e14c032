import Foundation

/// Runs another program with bytes on its stdin and collects its stdout, bounded in time.
///
/// The one place the build starts a process (the highlighter). Stdin is written and stderr
/// drained on other threads while stdout is read here, so a child that fills one pipe
/// before reading the other cannot deadlock with us; a child still running at the deadline
/// is killed. SIGPIPE is ignored for the whole process from the first run on: a child that
/// exits without reading its input (a missing program) must fail the write, not kill notesim.
enum ChildProcess {
    /// What a run gave: stdout when the program exited with status 0, else why not.
    static func run(_ command: [String], input: [UInt8], timeout: Duration) -> Result<[UInt8], HighlighterFailure> {
        guard let program = command.first else { return .failure(HighlighterFailure("no command")) }
        _ = signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(command.dropFirst())
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            return .failure(HighlighterFailure("cannot start \(program)"))
        }
        let watch = Watchdog(process)
        watch.arm(after: timeout)
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errors = Collected()
        let drain = Thread { errors.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        drain.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watch.disarm()
        if watch.fired { return .failure(HighlighterFailure("\(program) took longer than \(timeout)")) }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let message = String(decoding: errors.wait(), as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            return .failure(HighlighterFailure("\(program) exited with status \(process.terminationStatus)\(message.isEmpty ? "" : ": " + message)"))
        }
        return .success([UInt8](output))
    }
}

/// Kills a process that outlives its deadline.
private final class Watchdog: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var armed = true
    private(set) var fired = false

    init(_ process: Process) {
        self.process = process
    }

    func arm(after timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard armed, process.isRunning else { return }
            fired = true
            // SIGKILL, not `terminate()`'s SIGTERM: a child started from a thread that blocks
            // signals inherits the mask, and would never see SIGTERM.
            kill(process.processIdentifier, SIGKILL)
        }
    }

    func disarm() {
        lock.lock()
        armed = false
        lock.unlock()
    }
}

/// Bytes handed from one thread to another.
private final class Collected: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ value: Data) {
        data = value
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

import Dispatch
import Foundation

/// How `notesim serve` stops: SIGINT (Ctrl-C) or SIGTERM ends the server, the watcher and
/// every open live-reload stream at once, so the process exits 0 well within a second.
///
/// Hummingbird's own handling waits for every connection to finish, and a live-reload
/// stream never does (it stayed open up to an hour). The preview ends its process instead
/// once no rebuild is writing (`PreviewServer.run`); a preview has nothing worth finishing. Should anything still run (a rebuild of
/// a large site is not interruptible) the process is ended anyway `forcedExitDelay` after
/// the signal, with the shell's status for that signal (130 for SIGINT, 143 for SIGTERM);
/// so is a second signal, at once.
final class StopSignals: @unchecked Sendable {  // immutable after init; dispatch sources are thread-safe
    /// How long after the signal a process that has not stopped by itself is ended: long
    /// enough that a preview starved of CPU by other work (a test suite, a build) still
    /// winds down by itself (at 0.8 s it was cut short under a full test run), short enough
    /// that an uninterruptible rebuild does not hold the terminal.
    static let forcedExitDelay: DispatchTimeInterval = .milliseconds(2_500)

    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>

    /// Starts listening for SIGINT and SIGTERM (their default action, ending the process
    /// at once without cleanup, is switched off while listening).
    init() {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        let received = Received()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if received.first() {
                    continuation.yield(number)
                    DispatchQueue.global().asyncAfter(deadline: .now() + Self.forcedExitDelay) { _exit(128 + number) }
                } else {
                    _exit(128 + number)
                }
            }
            source.resume()
            return source
        }
    }

    /// Returns when the first signal arrives (or the waiting task is cancelled).
    func wait() async {
        for await _ in stream { return }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    /// Whether a signal has already arrived.
    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        /// True for the first call only.
        func first() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count == 1
        }
    }
}

import Foundation
import NotesCore
import SiteBuilder

/// The live progress line of a long build on a terminal.
///
/// It appears only once a build has run for a moment (quick builds print just their
/// summary), is redrawn at most ten times a second, and is erased before the summary line.
/// `write` receives the raw terminal text (carriage return, erase-line, the line).
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Double
    private let start: Double
    private let delay: Double
    private let interval: Double
    private var lastDraw: Double?
    private var latest: [BuildProgress.Stage: BuildProgress] = [:]

    /// - Parameters:
    ///   - delay: seconds before the first draw.
    ///   - interval: seconds between draws.
    init(
        delay: Double = 0.3, interval: Double = 0.1, now: @escaping @Sendable () -> Double = ProgressLine.monotonicSeconds,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.write = write
        self.now = now
        self.start = now()
        self.delay = delay
        self.interval = interval
    }

    /// A line on standard error when it is a terminal (and not a dumb one); else nil.
    static func forStandardError() -> ProgressLine? {
        guard isatty(STDERR_FILENO) != 0, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        return ProgressLine { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Takes a report; draws when one is due.
    func update(_ progress: BuildProgress) {
        lock.lock()
        defer { lock.unlock() }
        latest[progress.stage] = progress
        let time = now()
        guard time - start >= delay, lastDraw.map({ time - $0 >= interval }) ?? true else { return }
        lastDraw = time
        write("\r\u{1B}[2K" + Self.text(latest))
    }

    /// Erases the line if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if lastDraw != nil { write("\r\u{1B}[2K") }
        lastDraw = nil
    }

    /// `Building: 1,200/10,000 notes · 300/30,000 scenarios`: the stages reached so far.
    static func text(_ stages: [BuildProgress.Stage: BuildProgress]) -> String {
        let parts = BuildProgress.Stage.allCases.compactMap { stage -> String? in
            guard let progress = stages[stage] else { return nil }
            if stage == .search { return "indexing for search" }
            return "\(GroupedDigits.text(progress.done))/\(GroupedDigits.text(progress.total)) \(stage.rawValue)"
        }
        return "Building: " + parts.joined(separator: " · ")
    }

    @Sendable static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

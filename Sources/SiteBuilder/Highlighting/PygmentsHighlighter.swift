import Foundation
import NotesCore

/// Highlighting with Pygments: one `python3` process per build for every block not cached.
///
/// Chosen over Debian's `highlight` and GNU source-highlight after measuring all three
/// (`Benchmarks/highlighters.py`; numbers in the guide, "Code: highlighting and copy
/// buttons"): only Pygments knows every language notes use (console sessions and HCL
/// included), and it reads many blocks in one run, where the others start a process per
/// block.
public struct PygmentsHighlighter: Highlighter {
    /// The program and its arguments before the script (`/usr/bin/env python3` finds
    /// python3 on PATH); tests point it at a program that does not exist.
    public var command: [String]
    /// How long one batch may take: a fixed start-up allowance plus a little per block.
    public var timeout: @Sendable (_ blocks: Int) -> Duration

    public init(
        command: [String] = ["/usr/bin/env", "python3"],
        timeout: @escaping @Sendable (Int) -> Duration = { .seconds(30) + .milliseconds(20 * $0) }
    ) {
        self.command = command
        self.timeout = timeout
    }

    /// The script's hash: a new script (other classes, other escaping) invalidates the cache.
    public var identity: String {
        "pygments " + FNV1a.hex(FNV1a.hash(PygmentsScript.source.utf8))
    }

    public func highlight(_ requests: [HighlightRequest]) -> Result<[String?], HighlighterFailure> {
        guard !requests.isEmpty else { return .success([]) }
        let pairs = requests.map { [$0.language, $0.code] }
        guard let input = try? JSONEncoder().encode(pairs) else { return .failure(HighlighterFailure("cannot encode the blocks")) }
        let run = ChildProcess.run(command + ["-c", PygmentsScript.source], input: [UInt8](input), timeout: timeout(requests.count))
        return run.flatMap { output in
            guard let html = try? JSONDecoder().decode([String?].self, from: Data(output)), html.count == requests.count else {
                return .failure(HighlighterFailure("Pygments gave output that is not one result per block"))
            }
            return .success(html)
        }
    }
}

extension PygmentsHighlighter {
    /// The highlighter `build`, `check` and `serve` use: Pygments, unless the environment
    /// sets `NOTESIM_HIGHLIGHT=off` (code stays plain, with no warning; used to measure
    /// what highlighting costs).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> (any Highlighter)? {
        environment["NOTESIM_HIGHLIGHT"] == "off" ? nil : PygmentsHighlighter()
    }
}

import Foundation
import SiteBuilder

/// Helpers to reach fixture folders and to cut pages down to what a test compares.
public enum Fixtures {
    /// The folder `Fixtures/<name>` beside the calling test file.
    public static func folder(_ name: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// The `<main>…</main>` element of a page: the part a note's author controls.
    public static func mainElement(of html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>", range: start.upperBound..<html.endIndex) else {
            return html
        }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }

    /// A path with its content hash replaced by `#` (`style.3f2a9c1b07.css` -> `style.#.css`).
    public static func withoutHash(_ path: String) -> String {
        path.replacingOccurrences(of: #"\.[0-9a-f]{10}\."#, with: ".#.", options: .regularExpression)
    }

    /// The text of a generated output file.
    public static func text(of file: OutputFile) -> String {
        guard case .bytes(let bytes) = file.content else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension SitePipeline.Result {
    /// The generated text of the output file at `path` (hashes written as `#`), if there is one.
    public func text(at path: String) -> String? {
        files.first { $0.path == path || Fixtures.withoutHash($0.path) == path }.map(Fixtures.text(of:))
    }

    /// Every diagnostic as it is printed.
    public var printedDiagnostics: [String] {
        diagnostics.map(\.formatted)
    }
}

import Foundation
import TestSupport

/// The GFM extension examples stored in `Fixtures/gfm-extension-examples.txt`.
struct ExtensionExample: CustomStringConvertible {
    /// 1-based, in file order.
    var number: Int
    /// `spec.txt Tables (extension)` and the like.
    var section: String
    var markdown: String

    var description: String { "example \(number) (\(section))" }

    static func load() throws -> [ExtensionExample] {
        let path = Fixtures.folder("gfm-extension-examples.txt")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [ExtensionExample] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix(fence + " example ") else { continue }
            var body: [Substring] = []
            while let next = lines.popFirst(), next != "." { body.append(next) }
            while let next = lines.popFirst(), !next.hasPrefix(fence) { _ = next }
            let markdown = body.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
            examples.append(ExtensionExample(number: examples.count + 1, section: String(line.dropFirst(fence.count + 9)), markdown: markdown))
        }
        return examples
    }
}

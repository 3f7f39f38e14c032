import Foundation
import FuzzTargets
import Testing

/// Replays the fuzzing corpus (seeds and every input that once crashed or hung a fuzzer)
/// through the fuzz targets on every test run: none may crash, and every structured input
/// must keep the structured fuzzer's property (`StructuredFuzzing.check`).
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Corpus")

    static func inputs(_ target: String) -> [String] {
        let folder = corpus.appendingPathComponent(target).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    @Test func theCorpusIsThere() {
        #expect(Self.inputs("scenario").count >= 20)
        #expect(Self.inputs("page").count >= 3)
        #expect(Self.inputs("structured").count >= 10)
    }

    @Test(arguments: inputs("scenario"))
    func scenarioInput(path: String) throws {
        FuzzTargets.scenario(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test(arguments: inputs("page"))
    func pageInput(path: String) throws {
        FuzzTargets.page(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// An input the structured fuzzer generated a scenario or a site from (each one that
    /// failed joins the corpus): the property holds, and the violations are shown if not.
    @Test(arguments: inputs("structured"))
    func structuredInput(path: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let violations = StructuredFuzzing.check(bytes)
        #expect(violations == [], "\(StructuredFuzzing.describe(bytes).prefix(4_000))")
    }
}

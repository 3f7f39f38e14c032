import Foundation
import FuzzTargets
import Testing

/// Replays the fuzzing corpus (seeds and every input that once crashed or hung a fuzzer)
/// through the fuzz targets on every test run: none may crash.
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
    }

    @Test(arguments: inputs("scenario"))
    func scenarioInput(path: String) throws {
        FuzzTargets.scenario(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test(arguments: inputs("page"))
    func pageInput(path: String) throws {
        FuzzTargets.page(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}

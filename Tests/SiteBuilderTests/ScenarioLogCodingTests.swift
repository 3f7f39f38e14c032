import Foundation
@testable import SiteBuilder
import Testing

/// A log's table is kept as bytes but cached as a string, in the JSON shape it had as a
/// `String`.
@Suite struct ScenarioLogCodingTests {
    private let log = ScenarioLog(
        table: Array("<dl class=\"tl-log\">\n<dt>0 ms<dd>arrival #1 5 B – 再試行\n</dl>\n".utf8), entries: 40, kept: 31, title: "長い", language: "ja")

    @Test func theTableIsCachedAsAString() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(log)) as? [String: Any]
        #expect(json?["table"] as? String == "<dl class=\"tl-log\">\n<dt>0 ms<dd>arrival #1 5 B – 再試行\n</dl>\n")
        #expect(json?["entries"] as? Int == 40)
        #expect(json?["kept"] as? Int == 31)
        #expect(json?["title"] as? String == "長い")
        #expect(json?["language"] as? String == "ja")
    }

    @Test func aCachedLogReadsBackByteForByte() throws {
        let read = try JSONDecoder().decode(ScenarioLog.self, from: JSONEncoder().encode(log))
        #expect(read == log)
        #expect(read.isCut)
    }

    @Test func anEntryWrittenWhenTheTableWasAStringIsRead() throws {
        let old = #"{"table":"<dl>\n<dt>1 s<dd>end\n</dl>\n","entries":3,"kept":3,"title":"T","language":"en"}"#
        let read = try JSONDecoder().decode(ScenarioLog.self, from: Data(old.utf8))
        #expect(read == ScenarioLog(table: Array("<dl>\n<dt>1 s<dd>end\n</dl>\n".utf8), entries: 3, kept: 3, title: "T", language: "en"))
    }
}

import LambdaSimulator
import NotesCore
import Testing

@testable import TimelineRender

/// The legend's entries written once per language: the same markup as composing each word
/// on the figure, for every kind and language tag.
@Suite struct LegendEntriesTests {
    /// One rule picks the Japanese words for the labels, the legend, the aggregate view and
    /// the event log.
    @Test func aLanguageTagStartingWithJaChoosesJapanese() {
        for tag in ["ja", "JA-jp", "ja-JP", "Ja"] { #expect(InterfaceLanguage.isJapanese(tag), "\(tag)") }
        for tag in ["en", "en-GB", "fr", "", "jp"] { #expect(!InterfaceLanguage.isJapanese(tag), "\(tag)") }
        let out = MarkupWriter(capacity: 64)
        Legend.write(kinds: [.attemptOK], language: "JA-jp", into: out)
        #expect(out.bytes == Array("<ul class=\"tl-legend\">".utf8) + Legend.entries(.ja)[0] + Array("</ul>\n".utf8))
        #expect(AggregateLabels.forLanguage("JA-jp").perBarFormat == AggregateLabels.ja.perBarFormat)
        #expect(TraceWords.forLanguage("JA-jp").start.description == "開始")
        #expect(TraceWords.forLanguage("en-GB").start.description == "start")
    }

    @Test func theEntriesAreTheWordsAsMarkup() {
        let english = Legend.entries(.en)
        #expect(english.count == TimelineModel.Kind.allCases.count)
        #expect(String(decoding: english[0], as: UTF8.self) == "<li class=\"tl-ok\">✓ ok</li>")
        let japanese = Legend.entries(.ja)
        let batch = TimelineModel.Kind.allCases.firstIndex(of: .batch)!
        let out = MarkupWriter(capacity: 64)
        out.raw("<li class=\"tl-batch\">")
        out.text(Legend.word(.batch, .ja))
        out.raw("</li>")
        #expect(japanese[batch] == out.bytes)
    }

    @Test func aLegendListsItsKindsInOrder() {
        let out = MarkupWriter(capacity: 256)
        Legend.write(kinds: [.attemptError, .wait], language: "en", into: out)
        #expect(out.string == "<ul class=\"tl-legend\"><li class=\"tl-error\">✗ error</li><li class=\"tl-wait\">\(TimelineLabels.en.retryIn)</li></ul>\n")
        let empty = MarkupWriter(capacity: 16)
        Legend.write(kinds: [], language: "ja", into: empty)
        #expect(empty.string.isEmpty)
    }
}

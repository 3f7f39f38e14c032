import NotesCore
import Testing

@Suite struct SuggestionTests {
    @Test func findsTheClosestJapaneseAnchor() {
        let anchors = ["lambda-関数の呼び出し方", "バッチ処理のタイミングのカスタマイズ", "destinations-送信先"]
        #expect(Suggestion.closest(to: "バッチ処理のカスタマイズ", among: anchors) == "バッチ処理のタイミングのカスタマイズ")
    }

    @Test func ignoresFarCandidates() {
        #expect(Suggestion.closest(to: "title", among: ["language", "base-url"]) == nil)
        #expect(Suggestion.closest(to: "titel", among: ["title", "language"]) == "title")
    }

    @Test func editDistanceCountsCharacters() {
        #expect(Suggestion.editDistance(Array("同期"), Array("非同期")) == 1)
        #expect(Suggestion.editDistance(Array(""), Array("abc")) == 3)
    }
}

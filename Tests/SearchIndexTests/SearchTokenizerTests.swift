import Foundation
import Testing

@testable import SearchIndex

/// The tokenizer's rules, case by case; `TokenizerCases.json` holds the same cases for the
/// browser's copy of the rules (`search.js`), checked in Chromium by `SearchBrowserTests`.
@Suite struct SearchTokenizerTests {
    @Test func japaneseIsCutIntoOverlappingBigrams() {
        #expect(SearchTokenizer.queryTerms("可視性") == ["可視", "視性"])
        // The index counts each pair, and the character that ends a run alone.
        #expect(SearchTokenizer.indexTerms("可視性、タイムアウトの") == ["可視", "視性", "性", "タイ", "イム", "ムア", "アウ", "ウト", "トの", "の"])
        #expect(CountedDocument(SearchDocument(url: "a.html", title: "", sections: [.init(anchor: "", heading: "", text: "可視性 ab")])).length == 4)
    }

    @Test func aWordRepeatedOnAPageCountsAsOftenAsItIsWrittenWhereverItStands() {
        // The second `VisibilityTimeout` comes from the page's word table (`WordTerms`), in a
        // heading and with another weight: its counts must be those of a first occurrence.
        func terms(_ title: String, _ heading: String, _ text: String) -> [String: Int] {
            let document = SearchDocument(url: "a.html", title: title, sections: [.init(anchor: "h", heading: heading, text: text)])
            return Dictionary(uniqueKeysWithValues: CountedDocument(document).terms.map { ($0.term, $0.count) })
        }
        let repeated = terms("VisibilityTimeout", "VisibilityTimeout retries", "VisibilityTimeout, VisibilityTimeouts and visibility")
        #expect(repeated["visibility"] == 6 + 3 + 1 + 1 + 1)
        #expect(repeated["timeout"] == 6 + 3 + 1 + 1)
        #expect(repeated["retry"] == 3)
        var summed: [String: Int] = [:]
        for part in [
            terms("VisibilityTimeout", "", ""), terms("", "VisibilityTimeout retries", ""),
            terms("", "", "VisibilityTimeout, VisibilityTimeouts and visibility"),
        ] {
            summed.merge(part, uniquingKeysWith: +)
        }
        #expect(repeated == summed)
    }

    @Test func ideographsBeyondFourByteUTF8ArePairedLikeTheOthers() {
        // 𠮟 (U+20B9F) takes four bytes: the scan once read it as three and the next term
        // began inside it.
        #expect(SearchTokenizer.indexTerms("𠮟る𠮟") == ["𠮟る", "る𠮟", "𠮟"])
        #expect(SearchTokenizer.indexTerms("𠀋𠀋 title") == ["𠀋𠀋", "𠀋", "titl"])
        #expect(SearchTokenizer.queryTerms("𠮟る") == ["𠮟る"])
    }

    @Test func aOneCharacterQueryIsThatCharacter() {
        #expect(SearchTokenizer.queryTerms("の") == ["の"])
        #expect(SearchTokenizer.queryTerms("a") == ["a"])
    }

    @Test func mixedTextIsCutAtScriptChanges() {
        // Hiragana and kanji are one run: の可 is a pair too.
        #expect(SearchTokenizer.queryTerms("SQS の可視性タイムアウト") == ["sqs", "の可", "可視", "視性", "性タ", "タイ", "イム", "ムア", "アウ", "ウト"])
        #expect(SearchTokenizer.queryTerms("SQS の 可視性") == ["sqs", "の", "可視", "視性"])
        #expect(SearchTokenizer.queryTerms("Lambdaは再試行") == ["lambda", "は再", "再試", "試行"])
    }

    @Test func aCamelCaseNameIsIndexedAlsoAsOneWord() {
        // The index holds the parts and the whole name; a query keeps to what it typed.
        #expect(SearchTokenizer.indexTerms("DynamoDB") == ["dynamo", "db", "dynamodb"])
        #expect(SearchTokenizer.indexTerms("ReportBatchItemFailures") == ["report", "batch", "item", "failur", "reportbatchitemfailur"])
        #expect(SearchTokenizer.queryTerms("reportbatchitemfailures") == ["reportbatchitemfailur"])
        #expect(SearchTokenizer.indexTerms("ÜberTimeout") == ["über", "timeout", "übertimeout"])
        #expect(SearchTokenizer.queryTerms("DynamoDB") == ["dynamo", "db"])
        #expect(SearchTokenizer.queryTerms("dynamodb") == ["dynamodb"])
        // The whole name adds no length: BM25 counts its parts.
        func length(_ text: String) -> Int {
            CountedDocument(SearchDocument(url: "a.html", title: "", sections: [.init(anchor: "", heading: "", text: text)])).length
        }
        #expect(length("DynamoDB ÜberTimeout") == length("dynamo db über timeout"))
    }

    @Test func camelCaseNamesAreTheirWords() {
        #expect(SearchTokenizer.queryTerms("VisibilityTimeout") == ["visibility", "timeout"])
        #expect(SearchTokenizer.queryTerms("visibility timeout") == ["visibility", "timeout"])
        #expect(SearchTokenizer.queryTerms("SQSQueue Base64 snake_case") == ["sqs", "queu", "base64", "snak", "cas"])
    }

    @Test func fullWidthAndHalfWidthFormsAreFolded() {
        #expect(SearchTokenizer.queryTerms("ＳＱＳ") == ["sqs"])
        #expect(SearchTokenizer.queryTerms("ｶﾀｶﾅ") == SearchTokenizer.queryTerms("カタカナ"))
        #expect(SearchTokenizer.queryTerms("１２３") == ["123"])
    }

    @Test func aPageWithCharactersToFoldCountsAsItsFoldedText() {
        // The page's scan meets `（` after counting what comes before it, takes that back and
        // counts the folded text (`TermScan`): no term may be left over with a count of 0.
        func counted(_ text: String) -> ([String: Int], Int) {
            let document = CountedDocument(SearchDocument(url: "a.html", title: "タイトル", sections: [.init(anchor: "", heading: "", text: text)]))
            return (Dictionary(uniqueKeysWithValues: document.terms.map { ($0.term, $0.count) }), document.length)
        }
        let (terms, length) = counted("可視性タイムアウト VisibilityTimeout（ＳＱＳ）の ｶﾀｶﾅ")
        let (folded, foldedLength) = counted("可視性タイムアウト VisibilityTimeout(SQS)の カタカナ")
        #expect(terms == folded)
        #expect(length == foldedLength)
        #expect(terms.values.allSatisfy { $0 > 0 })
        #expect(terms["sqs"] == 1 && terms["visibility"] == 1 && terms["カタ"] == 1 && terms["可視"] == 1)
    }

    @Test func englishWordsAreStemmed() {
        let stems = ["retries", "retried", "retry", "invoke", "invoked", "invoking", "running", "queues", "processes", "status", "timeouts"]
            .map(EnglishStemmer.stem)
        #expect(stems == ["retry", "retry", "retry", "invok", "invok", "invok", "run", "queu", "process", "status", "timeout"])
    }

    @Test func symbolsAndEmojiAreNoTerms() {
        #expect(SearchTokenizer.queryTerms("🎉 <script> --- ") == ["script"])
        #expect(SearchTokenizer.queryTerms("").isEmpty)
    }

    @Test func aWordOverFortyLettersIsItsFirstFortyInTheIndexAndInAQuery() {
        let word = "pneumonoultramicroscopicsilicovolcanoconiosis"
        let cut = String(word.prefix(40))
        #expect(SearchTokenizer.indexTerms(word) == [cut])
        #expect(SearchTokenizer.queryTerms(word) == [cut])
        #expect(SearchTokenizer.queryTerms(word.uppercased()) == [cut])
        #expect(SearchTokenizer.queryTerms(String(repeating: "x", count: 41)) == [String(repeating: "x", count: 40)])
        #expect(SearchTokenizer.indexTerms("ü" + word) == ["ü" + String(word.prefix(39))])
    }

    @Test func halfWidthKanaAndDecomposedTextFoldWithTheirSoundMarks() {
        // ﾃﾞ is テ with the half-width voiced sound mark: one character, デ, in the index
        // as in a query, however the page's text is scanned.
        // Compared by their scalars: Swift's == takes テ and U+3099 for デ, the index's bytes do not.
        func scalars(_ terms: [String]) -> [[UInt32]] { terms.map { $0.unicodeScalars.map(\.value) } }
        #expect(scalars(SearchTokenizer.indexTerms("ﾃﾞｯﾄﾞ")) == scalars(["デッ", "ッド", "ド"]))
        #expect(scalars(SearchTokenizer.queryTerms("ﾃﾞｯﾄﾞﾚﾀｰｷｭｰ")) == scalars(SearchTokenizer.queryTerms("デッドレターキュー")))
        #expect(scalars(Array(SearchTokenizer.indexTerms("ﾊﾞｯﾁ処理とﾃﾞｯﾄﾞﾚﾀｰｷｭｰ。").prefix(3))) == scalars(["バッ", "ッチ", "チ処"]))
        let decomposed = "データベース".decomposedStringWithCanonicalMapping
        #expect(scalars(SearchTokenizer.indexTerms(decomposed)) == scalars(SearchTokenizer.indexTerms("データベース")))
        func terms(_ text: String) -> [[UInt32]: Int] {
            let document = CountedDocument(SearchDocument(url: "a.html", title: "", sections: [.init(anchor: "", heading: "", text: text)]))
            return Dictionary(uniqueKeysWithValues: document.terms.map { ($0.term.unicodeScalars.map(\.value), $0.count) })
        }
        #expect(terms("ﾊﾞｯﾁ処理とﾃﾞｯﾄﾞﾚﾀｰｷｭｰ。") == terms("バッチ処理とデッドレターキュー。"))
    }

    @Test func otherScriptsAreWords() {
        #expect(SearchTokenizer.queryTerms("שלום עולם") == ["שלום", "עולם"])
        #expect(SearchTokenizer.queryTerms("Ünïcode Straße") == ["ünïcode", "straße"])
    }

    @Test func shardKeysAreTheFirstCharacterOfCJKAndTheFirstTwoOfWords() {
        #expect(SearchTokenizer.shardKey(of: "可視") == "53ef")
        #expect(SearchTokenizer.shardKey(of: "visibility") == "76-69")
        #expect(SearchTokenizer.shardKey(of: "a") == "61")
    }
}

/// The shared cases: what `search.js` must also give (SearchBrowserTests runs them there).
@Suite struct TokenizerCaseTests {
    struct Case: Decodable {
        var text: String
        var terms: [String]
    }

    /// The cases file beside this test.
    static var casesPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("TokenizerCases.json").path
    }

    @Test func everySharedCaseGivesItsTerms() throws {
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: URL(fileURLWithPath: Self.casesPath)))
        #expect(cases.count >= 15)
        for item in cases {
            // By scalars: Swift's == would take テ and U+3099 for デ.
            #expect(SearchTokenizer.queryTerms(item.text).map { Array($0.unicodeScalars) } == item.terms.map { Array($0.unicodeScalars) }, "\(item.text)")
        }
    }
}

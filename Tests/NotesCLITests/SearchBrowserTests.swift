import Foundation
import Testing

/// Search from outside: this repository's site is built (the index with it), served over
/// HTTP, and headless Chromium types Japanese, English and mixed queries into the search box
/// one character at a time (`Tools/browser-search.py`), on a desktop window and on a 390 px
/// phone, light and dark. `make test` installs Chromium and fonts-noto-cjk first.
@Suite(.serialized) struct SearchBrowserTests {
    /// A copy of the repository's site (notes, templates, config) in a temporary folder.
    private func copyOfRepositorySite() throws -> String {
        let site = try CLI.makeSite([:])
        for item in ["content", "templates", "notesim.yml"] {
            try FileManager.default.copyItem(atPath: CLI.repository + "/" + item, toPath: site + "/" + item)
        }
        return site
    }

    private struct SearchOutput: Decodable {
        struct Result: Decodable {
            var title: String
            var href: String
            var sub: String?
            var subHref: String?
            var marks: [String]
            var excerpt: String?
        }
        /// The page after a `--then` action.
        struct Step: Decodable {
            var path: String
            var panel: String
            var active: String?
            var value: String?
            var status: String?
            var results: Int
        }
        var status: String
        var focusedBySlash: Bool
        var results: [Result]
        var layout: [String]
        var images: Int
        var headingLinks: [String]
        var keys: [String: String]?
        var placeholder: Double
        var ariaExpanded: String?
        var each: [String]?
        var steps: [Step]?
    }

    /// Types `query` into the box of `page` of the site built in `site`/public.
    private func search(_ site: String, _ query: String, page: String = "index.html", options: [String] = []) throws -> SearchOutput {
        let run = try CLI.run(
            ["python3", CLI.repository + "/Tools/browser-search.py", "public", page, query] + options, in: site, program: "/usr/bin/env")
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        return try JSONDecoder().decode(SearchOutput.self, from: Data(run.standardOutput.utf8))
    }

    private func builtRepositorySite() throws -> String {
        let site = try copyOfRepositorySite()
        let build = try CLI.run(["build"], in: site)
        #expect(build.status == 0)
        #expect(build.standardError == "")
        #expect(build.lastLine.contains("12 indexed for search"))
        return site
    }

    @Test func typingAJapaneseQueryFindsTheRightNoteUnderASubPath() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let found = try search(site, "可視性タイムアウト", options: ["--prefix", "/notes/"])
        #expect(found.focusedBySlash)
        // The note that explains the visibility timeout first, linked under the sub-path, with
        // the section that says most about it, and the phrase highlighted; then the note that
        // compares it with Kafka, MQ and DocumentDB, then the guide, which has 可視性 and
        // タイムアウト apart.
        #expect(found.status == "3 件のノート")
        #expect(found.results.map(\.title) == ["Lambda 関数の 3 つの呼び出し方", "Kafka・Amazon MQ・DocumentDB のイベントソースマッピング", "About notesim"])
        #expect(found.results.first?.href == "/notes/lambda/invocation.html")
        #expect(found.results.first?.sub == "イベントソースマッピングのエラー")
        #expect(found.results.first?.subHref?.hasPrefix("/notes/lambda/invocation.html#%E3%82%A4") == true)
        #expect(found.results.first?.marks.first == "可視性タイムアウト")
        #expect(found.layout == [])
        // The page's headings get their self-links from the theme's script, not from the HTML.
        #expect(found.headingLinks.prefix(2) == ["lambda-学習ノート #lambda-学習ノート", "読む順番 #読む順番"])
    }

    @Test func englishMixedAndPhraseQueriesFindTheirNotes() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        // The key and the two words find each other: in this site's prose only the guide's
        // pages have them (the Lambda notes write VisibilityTimeout in scenario sources only,
        // which are not indexed, and 可視性タイムアウト in their prose); the worked examples
        // have the words in a heading and a title-like sentence, so they rank first.
        let guidePages = ["Worked examples: one scenario per mode", "About notesim"]
        #expect(try search(site, "visibility timeout").results.map(\.title) == guidePages)
        #expect(try search(site, "VisibilityTimeout").results.map(\.title) == guidePages)
        #expect(try search(site, "SQS の可視性タイムアウト").results.first?.title == "Lambda 関数の 3 つの呼び出し方")
        let phrase = try search(site, "非同期呼び出しとイベントソースマッピングの違い")
        #expect(phrase.results.first?.title == "Lambda 関数の 3 つの呼び出し方")
        #expect(phrase.results.first?.sub == "非同期呼び出しとイベントソースマッピングの違い")
        // English prose of the guide, stemmed: "blocks" finds "block". The guide is by far the
        // longest page, so BM25's length normalisation ranks the shorter pages that mention
        // scenarios ahead of it (fourth since the callers' sections, issue 23).
        #expect(try search(site, "scenario blocks").results.prefix(4).map(\.title).contains("About notesim"))
    }

    @Test func aQueryComposedCharacterByCharacterAsAnInputMethodDoesFindsTheNote() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let found = try search(site, "デッドレターキュー", options: ["--compose"])
        #expect(found.results.first?.title == "Destinations とデッドレターキュー")
    }

    @Test func aNonsenseWordFindsNothingAndSaysSo() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let found = try search(site, "xqzzyvq")
        #expect(found.results.isEmpty)
        #expect(found.status == "「xqzzyvq」に一致するノートはありません")
    }

    /// The excerpt is cut around the most query terms, not the first one ("タイ" of
    /// "タイミング" came before the real match); a match in the heading alone is marked in
    /// the heading's link; one result is "1 note"; and "$'" in a query is shown as typed.
    @Test func theExcerptShowsWhereTheTermsAreAndTheCountAndQueryReadRight() throws {
        let filler = String(repeating: "本文が続きます。", count: 25)
        let site = try CLI.makeSite([
            "notesim.yml": "language: en\ntitle: T\n",
            "content/index.md": "# Home\n",
            "content/a.md": "# A\n\n## 設定\n\nバッチ処理のタイミングについて。\(filler)ここで**可視性タイムアウト**を説明します。\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build"], in: site).status == 0)
        let found = try search(site, "可視性タイムアウト")
        #expect(found.status == "1 note")
        #expect(found.results.first?.marks == ["可視性タイムアウト"])
        #expect(try search(site, "設定").results.first?.marks == ["設定"])
        #expect(try search(site, "zzqq$'").status == "No notes match “zzqq$'”")
    }

    @Test func onA390PixelPhoneThePanelAndTheQueryFitInLightAndDark() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        for scheme in [[], ["--dark"]] {
            let found = try search(site, "SQS の可視性タイムアウト", page: "lambda/batching.html", options: ["--width", "390"] + scheme)
            #expect(found.layout == [], "\(scheme)")
            #expect(!found.results.isEmpty)
            // The placeholder, the box's only visible label, reads at 4.5:1 or more; the
            // input is no combobox, so it has no aria-expanded.
            #expect(found.placeholder >= 4.5, "\(scheme)")
            #expect(found.ariaExpanded == nil)
        }
    }

    @Test func arrowsMoveThroughTheResultsAndEscapeCloses() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let found = try search(site, "バッチ", options: ["--keys"])
        let first = try #require(found.results.first)
        #expect(found.keys?["down"] == "site-search-page:" + first.title)
        #expect(found.keys?["down2"] != found.keys?["down"])
        #expect(found.keys?["up2"] == "input")
        #expect(found.keys?["escape"] == "closed")
    }

    /// The number a status such as "8 件のノート" starts with (0 for "no notes match").
    private func count(_ status: String) -> Int {
        Int(status.prefix { $0.isNumber }) ?? 0
    }

    @Test func halfWidthKanaWithSoundMarksAndDecomposedTextAreFoundAndMarked() throws {
        let decomposed = "データベース".decomposedStringWithCanonicalMapping
        let site = try CLI.makeSite([
            "notesim.yml": "language: ja\ntitle: T\n",
            "content/index.md": "# ホーム\n",
            "content/a.md": "# 半角\n\nﾊﾞｯﾁ処理とﾃﾞｯﾄﾞﾚﾀｰｷｭｰ。\n",
            "content/b.md": "# 分解\n\n\(decomposed)の話。\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build"], in: site).status == 0)
        for query in ["バッチ", "ﾊﾞｯﾁ", "デッドレターキュー", "ﾃﾞｯﾄﾞﾚﾀｰｷｭｰ"] {
            let found = try search(site, query)
            #expect(found.results.map(\.title) == ["半角"], "\(query)")
            #expect(found.results.first?.marks == [query == "バッチ" || query == "ﾊﾞｯﾁ" ? "ﾊﾞｯﾁ" : "ﾃﾞｯﾄﾞﾚﾀｰｷｭｰ"], "\(query)")
        }
        // The page's decomposed text is folded with its marks: all of it is marked.
        let found = try search(site, "データベース")
        #expect(found.results.map(\.title) == ["分解"])
        #expect(found.results.first?.marks == [decomposed])
    }

    @Test func aCamelCaseNameTypedInOneCaseFindsItsNote() throws {
        let site = try CLI.makeSite([
            "notesim.yml": "language: en\ntitle: T\n",
            "content/index.md": "# Home\n",
            "content/a.md": "# A\n\nDynamoDB streams and CloudWatch alarms.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build"], in: site).status == 0)
        for (query, mark) in [
            ("DynamoDB", "DynamoDB"), ("dynamodb", "DynamoDB"), ("dynamo db", "DynamoDB"), ("cloudwatch", "CloudWatch"), ("cloudwat", "CloudWatch"),
        ] {
            let found = try search(site, query)
            #expect(found.results.map(\.title) == ["A"], "\(query)")
            #expect(found.results.first?.marks == [mark], "\(query)")
        }
    }

    @Test func afterARebuildACachedIndexIsNotMixedWithTheNewOne() throws {
        let site = try CLI.makeSite([
            "notesim.yml": "language: en\ntitle: T\n",
            "content/index.md": "# Home\n\nzebu\n",
            "content/b.md": "# B\n\nzebu\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build"], in: site).status == 0)
        // Served as GitHub Pages serves (max-age=600): the first search caches index.json,
        // a shard and a chunk of titles; the new note, first by address, shifts every id.
        let rebuild = "printf '# Aardvark\\n\\nzebra\\n' > content/aaa.md && '\(CLI.executable)' build"
        let found = try search(
            site, "zebu", options: ["--prefix", "/notes/", "--max-age", "600", "--then", "run:" + rebuild, "--then", "reload", "--then", "search:zebra"])
        #expect(found.results.count == 2)
        #expect(found.steps?.last?.results == 1)
        let reloaded = try search(site, "zebra", options: ["--prefix", "/notes/"])
        #expect(reloaded.results.map(\.href) == ["/notes/aaa.html"])
        // The panel after the reload lists the new note, not the page that had its id before.
        let panel = try search(
            site, "zebu",
            options: [
                "--prefix", "/notes/", "--max-age", "600", "--then", "run:rm content/aaa.md && '\(CLI.executable)' build", "--then", "reload", "--then",
                "search:zebu",
            ])
        #expect(panel.steps?.last?.results == 2)
        #expect(panel.steps?.last?.status == "2 notes")
    }

    @Test func theResultsNeverDipWhileAWordIsTyped() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        for word in ["retries", "timing", "caching"] {
            let counts = try #require(try search(site, word, options: ["--each"]).each).map(count)
            let last = try #require(counts.last)
            #expect(last > 0, "\(word)")
            // From two letters on (one letter is no prefix), each prefix finds at least the
            // notes the whole word finds.
            #expect(counts.dropFirst().allSatisfy { $0 >= last }, "\(word): \(counts)")
        }
    }

    @Test func enterAndReopeningActOnTheQueryInTheBox() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        // Escape twice empties the box: Enter then goes nowhere, and refocusing opens nothing.
        let emptied = try search(site, "retries", options: ["--then", "escape", "--then", "escape", "--then", "enter", "--then", "refocus"])
        #expect(emptied.steps?.map(\.panel) == ["closed", "closed", "closed", "closed"])
        #expect(emptied.steps?.map(\.path) == ["/index.html", "/index.html", "/index.html", "/index.html"])
        #expect(emptied.steps?.last?.value == "")
        // Enter right after more is typed opens the first result of the whole query.
        let expected = try #require(try search(site, "Lambda 可視性タイムアウト").results.first)
        let entered = try search(site, "Lambda", options: ["--then", "type-enter: 可視性タイムアウト"])
        #expect(entered.steps?.last?.path == expected.href)
        // Escape before those results came drops the Enter, and the late results do not
        // open the list again.
        let dismissed = try search(site, "Lambda", options: ["--then", "type-enter-escape: 可視性タイムアウト"])
        #expect(dismissed.steps?.last?.path == "/index.html")
        #expect(dismissed.steps?.last?.panel == "closed")
    }

    @Test func keysOfAnInputMethodGoToTheInputMethod() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let found = try search(site, "バッチ", options: ["--then", "compose-down", "--then", "compose-escape"])
        #expect(found.steps?.map(\.active) == ["input", "input"])
        #expect(found.steps?.map(\.panel) == ["open", "open"])
    }

    @Test func tabbingOutOfTheSearchClosesThePanelAndKeepsTheQuery() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let found = try search(site, "バッチ", page: "lambda/batching.html", options: ["--width", "390", "--then", "tab-out"])
        let step = try #require(found.steps?.first)
        #expect(step.panel == "closed")
        #expect(step.value == "バッチ")
        #expect(step.active != "input" && step.active != "result")
    }

    @Test func aQueryOfNothingToIndexSaysNothingMatchedAndALongWordIsFound() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let found = try search(site, "バッチ", options: ["--then", "search:!!!", "--then", "search:🎉"])
        #expect(found.steps?.map(\.status) == ["「!!!」に一致するノートはありません", "「🎉」に一致するノートはありません"])
        #expect(found.steps?.map(\.results) == [0, 0])
        #expect(found.steps?.map(\.panel) == ["open", "open"])
        let word = "pneumonoultramicroscopicsilicovolcanoconiosis"
        let long = try CLI.makeSite(["notesim.yml": "language: en\ntitle: T\n", "content/index.md": "# Home\n", "content/a.md": "# A\n\nSee \(word).\n"])
        defer { try? FileManager.default.removeItem(atPath: long) }
        #expect(try CLI.run(["build"], in: long).status == 0)
        let result = try search(long, word)
        #expect(result.results.map(\.title) == ["A"])
        #expect(result.results.first?.marks == [word])
    }

    @Test func aMatchInTheTitleAloneShowsTheFirstSectionWithText() throws {
        let site = try CLI.makeSite([
            "notesim.yml": "language: en\ntitle: T\n",
            "content/index.md": "# Home\n",
            "content/a.md": "# Zebrafish\n\n## Setup\n\nTanks and water.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build"], in: site).status == 0)
        let found = try #require(try search(site, "zebrafish").results.first)
        #expect(found.excerpt == "Tanks and water.")
        #expect(found.sub == "Setup")
    }

    @Test func theBrowserCutsQueriesIntoTheSameTermsAsTheIndex() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let cases = CLI.repository + "/Tests/SearchIndexTests/TokenizerCases.json"
        let run = try CLI.run(
            ["python3", CLI.repository + "/Tools/browser-search.py", "public", "index.html", "--terms", cases], in: site, program: "/usr/bin/env")
        struct Terms: Decodable { var terms: [[String]] }
        struct Case: Decodable { var terms: [String] }
        let browser = try JSONDecoder().decode(Terms.self, from: Data(run.standardOutput.utf8)).terms
        let expected = try JSONDecoder().decode([Case].self, from: Data(contentsOf: URL(fileURLWithPath: cases))).map(\.terms)
        #expect(browser == expected)
    }

    @Test func markupInATitleIsShownAsTextInTheResults() throws {
        let title = "<img src=x onerror=alert(1)> XSS"
        let site = try CLI.makeSite(["content/a.md": "---\ntitle: \"\(title)\"\n---\nbody text\n", "content/javascript:x.md": "# J\n\nbody text\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build"], in: site).status == 0)
        let found = try search(site, "body")
        #expect(Set(found.results.map(\.title)) == [title, "J"])
        #expect(found.images == 0)
        #expect(found.results.contains { $0.href.hasSuffix("/javascript:x.html") || $0.href.hasSuffix("/javascript%3Ax.html") })
    }

    @Test func fromDiskWhereFetchingIsNotAllowedTheBoxStaysHidden() throws {
        let site = try builtRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try CLI.run(
            ["python3", CLI.repository + "/Tools/browser-search.py", "file://" + site + "/public/", "index.html", "x"], in: site, program: "/usr/bin/env")
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("no search box appeared"))
    }

    @Test func theIndexIsByteIdenticalFromBuildToBuild() throws {
        let site = try copyOfRepositorySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build", "--no-cache"], in: site).status == 0)
        let first = try tree(site + "/public/search-index")
        #expect(try CLI.run(["build", "--no-cache"], in: site).status == 0)
        #expect(try tree(site + "/public/search-index") == first)
        #expect(first.keys.contains("index.json"))
    }

    @Test func noSearchLeavesOutTheIndexAndTheBox() throws {
        let site = try CLI.makeSite(["content/a.md": "# A\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let build = try CLI.run(["build", "--no-search"], in: site)
        #expect(build.status == 0)
        #expect(build.standardError == "")
        #expect(!FileManager.default.fileExists(atPath: site + "/public/search-index"))
        #expect(try !String(contentsOfFile: site + "/public/a.html", encoding: .utf8).contains("site-search"))
    }

    /// Every file under a folder, by relative path.
    private func tree(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)! {
            let full = folder + "/" + path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }
}

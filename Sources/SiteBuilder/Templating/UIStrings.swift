import NotesCore
import NotesMarkdown

/// The words of the site's own interface, in the languages notesim ships.
public struct UIStrings: Sendable, Equatable {
    public var onThisPage: String
    public var previous: String
    public var next: String
    public var home: String
    public var toggleTheme: String
    public var allNotes: String
    public var menu: String
    public var notes: String
    public var skipToContent: String
    public var sourceFile: String
    public var notFound: String
    /// The scenario figure's headings (`partials/scenario-figure.mustache`).
    public var claimsMismatch: String
    /// What a screen reader says before a claim that holds, where the eye sees ✓ in colour.
    public var claimHolds: String
    /// What a screen reader says before a claim that fails, where the eye sees ✗ in colour.
    public var claimFails: String
    public var assumptions: String
    public var assumptionsMeaning: String
    /// Beside an assumption the scenario's `assume:` gave a value: the explanation states the
    /// default, the figure the value set.
    public var assumptionSet: String
    public var rules: String
    public var eventLog: String
    public var scenarioSource: String
    public var awsRejects: String
    /// A long event log's link text, with `%d` entries (`scenario-figure.mustache`).
    public var eventLogEntries: String
    /// The log page's note when it shows the first `%d` of `%t` entries.
    public var eventLogFirst: String
    /// The log page's link back to its figure.
    public var backToNote: String
    /// The search box's label and placeholder, the count of results (`%d`), and what a query
    /// (`%s`) that matches nothing says (`partials/search.mustache`, `search.js`).
    public var search: String
    public var searchPlaceholder: String
    public var searchResults: String
    /// The count of results when there is one (English says "1 note", not "1 notes").
    public var searchResultsOne: String
    public var searchNoResults: String
    /// The titles of Markdown alerts (`> [!NOTE]` …), in `AlertKind` order.
    public var alertTitles: [String]
    /// The copy button of code blocks, and what it announces once it copied.
    public var copy: String
    public var copied: String
    /// The link to a page's source in the repository (`edit-url`).
    public var editPage: String
    /// The label of a footnote's link back to its reference (`MarkdownOptions.backToContent`).
    public var backToContent: String

    /// Japanese.
    public static let ja = UIStrings(
        onThisPage: "このページの内容",
        previous: "前へ",
        next: "次へ",
        home: "ホーム",
        toggleTheme: "ライト / ダーク切り替え",
        allNotes: "すべてのノート",
        menu: "メニュー",
        notes: "ノート",
        skipToContent: "本文へ移動",
        sourceFile: "ソース",
        notFound: "ページが見つかりません",
        claimsMismatch: "シミュレーターと一致しない主張があります",
        claimHolds: "一致: ",
        claimFails: "不一致: ",
        assumptions: "前提 (ドキュメントに記載のない値)",
        assumptionsMeaning: "前提の説明",
        assumptionSet: "このシナリオで値を設定。既定の値の説明:",
        rules: "根拠となるルール",
        eventLog: "イベントログ",
        scenarioSource: "シナリオのソース",
        awsRejects: "AWS が拒否する設定",
        eventLogEntries: "%d 件",
        eventLogFirst: "全 %t 件のうち最初の %d 件を表示しています。すべて見るには notesim simulate を使います。",
        backToNote: "ノートに戻る",
        search: "サイト内検索",
        searchPlaceholder: "検索 ( / )",
        searchResults: "%d 件のノート",
        searchResultsOne: "1 件のノート",
        searchNoResults: "「%s」に一致するノートはありません",
        alertTitles: ["注記", "ヒント", "重要", "警告", "注意"],
        copy: "コピー",
        copied: "コピーしました",
        editPage: "このページを編集",
        backToContent: "本文に戻る"
    )

    /// English.
    public static let en = UIStrings(
        onThisPage: "On this page",
        previous: "Previous",
        next: "Next",
        home: "Home",
        toggleTheme: "Toggle light / dark",
        allNotes: "All notes",
        menu: "Menu",
        notes: "Notes",
        skipToContent: "Skip to content",
        sourceFile: "Source",
        notFound: "Page not found",
        claimsMismatch: "Some claims do not match the simulator",
        claimHolds: "holds: ",
        claimFails: "fails: ",
        assumptions: "Assumptions (values AWS does not document)",
        assumptionsMeaning: "What these assumptions mean",
        assumptionSet: "set by this scenario; the default is",
        rules: "Rules",
        eventLog: "Event log",
        scenarioSource: "Scenario source",
        awsRejects: "AWS rejects",
        eventLogEntries: "%d entries",
        eventLogFirst: "The first %d of %t entries; notesim simulate prints them all.",
        backToNote: "Back to the note",
        search: "Search the notes",
        searchPlaceholder: "Search ( / )",
        searchResults: "%d notes",
        searchResultsOne: "1 note",
        searchNoResults: "No notes match “%s”",
        alertTitles: AlertKind.allCases.map(\.englishTitle),
        copy: "Copy",
        copied: "Copied",
        editPage: "Edit this page",
        backToContent: "Back to content"
    )

    /// The strings for a language tag (`ja`, `ja-JP`, `en-GB`); English for any other.
    public static func forLanguage(_ tag: String) -> UIStrings {
        InterfaceLanguage.isJapanese(tag) ? .ja : .en
    }

    /// `forLanguage(tag).context`, made once per language: every page and figure has one, and
    /// building its thirty values cost as much as rendering a small figure.
    static func context(forLanguage tag: String) -> TemplateObject {
        InterfaceLanguage.isJapanese(tag) ? japaneseContext : englishContext
    }

    /// `forLanguage(tag).eventLogEntries`, without copying every string of the language
    /// (a scenario figure needs this one).
    static func eventLogEntries(forLanguage tag: String) -> String {
        InterfaceLanguage.isJapanese(tag) ? ja.eventLogEntries : en.eventLogEntries
    }

    private static let japaneseContext = ja.context
    private static let englishContext = en.context

    /// The title of an alert of this kind.
    public func alertTitle(_ kind: AlertKind) -> String {
        alertTitles[AlertKind.allCases.firstIndex(of: kind)!]
    }

    /// The strings as a template context.
    var context: TemplateObject {
        [
            "onThisPage": .text(onThisPage), "previous": .text(previous), "next": .text(next), "home": .text(home),
            "toggleTheme": .text(toggleTheme), "allNotes": .text(allNotes), "menu": .text(menu), "notes": .text(notes),
            "skipToContent": .text(skipToContent), "sourceFile": .text(sourceFile), "notFound": .text(notFound),
            "claimsMismatch": .text(claimsMismatch), "claimHolds": .text(claimHolds), "claimFails": .text(claimFails), "assumptions": .text(assumptions),
            "assumptionsMeaning": .text(assumptionsMeaning),
            "assumptionSet": .text(assumptionSet),
            "rules": .text(rules), "eventLog": .text(eventLog), "scenarioSource": .text(scenarioSource), "awsRejects": .text(awsRejects),
            "backToNote": .text(backToNote), "search": .text(search), "searchPlaceholder": .text(searchPlaceholder),
            "searchResults": .text(searchResults), "searchResultsOne": .text(searchResultsOne), "searchNoResults": .text(searchNoResults),
            "copy": .text(copy), "copied": .text(copied), "editPage": .text(editPage),
        ]
    }
}

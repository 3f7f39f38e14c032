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
        notFound: "ページが見つかりません"
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
        notFound: "Page not found"
    )

    /// The strings for a language tag (`ja`, `ja-JP`, `en-GB`); English for any other.
    public static func forLanguage(_ tag: String) -> UIStrings {
        tag.lowercased().hasPrefix("ja") ? .ja : .en
    }

    /// The strings as a template context.
    var context: TemplateObject {
        [
            "onThisPage": .text(onThisPage), "previous": .text(previous), "next": .text(next), "home": .text(home),
            "toggleTheme": .text(toggleTheme), "allNotes": .text(allNotes), "menu": .text(menu), "notes": .text(notes),
            "skipToContent": .text(skipToContent), "sourceFile": .text(sourceFile), "notFound": .text(notFound),
        ]
    }
}

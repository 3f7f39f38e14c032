import Foundation

/// The files of a new site (`notesim init`) and of a new note (`notesim new`).
public enum SiteScaffold {
    /// A new site in `language` (`en` or `ja`): settings, an example note with a scenario
    /// whose claims hold, and a `.gitignore` for the generated folders; the default templates
    /// only `withTemplates` (a site without them follows the built-in theme as notesim
    /// improves it).
    public static func newSite(title: String?, language: String, withTemplates: Bool, builtinTheme: [String: [UInt8]]) -> [(path: String, bytes: [UInt8])] {
        let japanese = language == "ja"
        let name = title ?? (japanese ? "学習ノート" : "Study notes")
        let settings = "title: \(YAMLQuoting.doubleQuoted(name))\nlanguage: \(japanese ? "ja" : "en")\n# base-url: https://example.org/notes/\n"
        var files: [(String, [UInt8])] = [
            ("notesim.yml", Array(settings.utf8)),
            (".gitignore", Array("public/\npublic.notesim-staging/\n.notesim-cache/\n".utf8)),
            ("content/index.md", Array((japanese ? exampleNoteJapanese : exampleNoteEnglish).utf8)),
        ]
        if withTemplates {
            for path in builtinTheme.keys.sorted() {
                files.append((Path.join(LoadStage.templatesFolder, path), builtinTheme[path]!))
            }
        }
        return files
    }

    /// A new note with front matter; its title comes from the file name.
    ///
    /// The title is quoted for YAML so any text reads back exactly; the heading gets it on
    /// one line (line breaks as spaces), since a heading cannot span lines.
    public static func newNote(contentPath: String, title: String?) -> String {
        let name = title ?? Note.titleFromFileName(contentPath)
        let heading = String(name.map { $0.isNewline ? " " : $0 })
        return "---\ntitle: \(YAMLQuoting.doubleQuoted(name))\ndescription: \"\"\n---\n# \(heading)\n\n"
    }

    /// The example note's scenario block, the same in both languages but for its title.
    static func exampleScenario(title: String) -> String {
        """
        ```scenario
        title: "\(title)"
        mode: async
        function: { duration: 100ms, fails: always }
        DeadLetterConfig: { TargetArn: sqs }
        events:
          - at: 0s
        expect:
          attempts: 3
          attempts-at: [0s, 1m, 3m]
          outcome: dlq
        ```

        """
    }

    static let exampleNoteJapanese = """
        # 学習ノート

        このサイトは notesim で作られています。`content/` に Markdown でノートを書き、
        `notesim build` でサイトにします。

        ## 非同期呼び出しの再試行

        下のブロックはシミュレーターで実行され、`expect` の主張が確かめられます。


        """ + exampleScenario(title: "非同期呼び出し: 2 回再試行してから DLQ へ")

    static let exampleNoteEnglish = """
        # Study notes

        This site is made with notesim. Write notes in Markdown under `content/` and turn
        them into a site with `notesim build`.

        ## Retries of an asynchronous invocation

        The block below runs in the simulator, and its `expect` claims are checked.


        """ + exampleScenario(title: "Asynchronous invocation: two retries, then the DLQ")
}

import SiteBuilder
import Testing
import TestSupport

@Suite struct SiteConfigTests {
    @Test func everyKeyIsOptional() {
        #expect(SiteConfig.parse("", path: "notesim.yml") == (SiteConfig(), []))
    }

    @Test func readsKnownKeys() {
        let (config, problems) = SiteConfig.parse("title: 学習ノート\nlanguage: en\nbase-url: https://example.org/notes/\ndescription: d", path: "notesim.yml")
        #expect(problems == [])
        #expect(config == SiteConfig(title: "学習ノート", language: "en", baseURL: "https://example.org/notes/", description: "d"))
    }

    /// `edit-url` gives each note an edit link: `{path}` is the note's path from the site
    /// root, percent-encoded; without `{path}` the path is appended after a `/`.
    @Test func editURLMakesEachNotesEditLink() {
        let (config, problems) = SiteConfig.parse("edit-url: https://github.com/u/n/edit/main/{path}?plain=1\n", path: "notesim.yml")
        #expect(problems == [])
        #expect(config.editLink(sourcePath: "content/lambda/同期 a.md") == "https://github.com/u/n/edit/main/content/lambda/%E5%90%8C%E6%9C%9F%20a.md?plain=1")
        #expect(
            SiteConfig.parse("edit-url: https://x.example/\n", path: "notesim.yml").0.editLink(sourcePath: "content/a.md") == "https://x.example/content/a.md")
        // Without a slash at its end, one is put between the address and the path.
        #expect(
            SiteConfig.parse("edit-url: https://github.com/me/n/blob/main\n", path: "notesim.yml").0.editLink(sourcePath: "content/a.md")
                == "https://github.com/me/n/blob/main/content/a.md")
        // After a query, the path is the query's value: no slash goes in.
        #expect(
            SiteConfig.parse("edit-url: https://x.example/edit?file=\n", path: "notesim.yml").0.editLink(sourcePath: "content/a.md")
                == "https://x.example/edit?file=content/a.md")
        #expect(SiteConfig().editLink(sourcePath: "content/a.md") == nil)
    }

    @Test func unknownKeysAreErrorsWithASuggestion() {
        let (_, problems) = SiteConfig.parse("title: x\nlanguag: ja\nbaseURL: y", path: "notesim.yml")
        #expect(
            problems.map(\.formatted) == [
                """
                notesim.yml:2:1: error: unknown key 'languag' in notesim.yml [config.unknown-key]
                notesim.yml:2:1: note: did you mean 'language'? Known keys: title, language, base-url, description, search, edit-url, limits
                """,
                """
                notesim.yml:3:1: error: unknown key 'baseURL' in notesim.yml [config.unknown-key]
                notesim.yml:3:1: note: did you mean 'base-url'? Known keys: title, language, base-url, description, search, edit-url, limits
                """,
            ])
    }

    /// The theme has words for Japanese and English only: another `language` would put its
    /// code in `<html lang>` over an interface in one of those.
    @Test func aLanguageOtherThanJaOrEnIsAnErrorAtItsValue() {
        let (config, problems) = SiteConfig.parse("title: x\nlanguage: fr\n", path: "notesim.yml")
        #expect(problems.map(\.formatted) == ["notesim.yml:2:11: error: 'language' must be ja or en, not 'fr' [config.type]"])
        #expect(config.language == "ja", "the default is kept")
        #expect(SiteConfig.parse("language: en\n", path: "notesim.yml").1 == [])
        #expect(SiteConfig.parse("language: ja\n", path: "notesim.yml").1 == [])
    }

    /// `edit-url` is linked from every page: only a web address is one (`{path}` inside).
    @Test func anEditURLThatIsNoWebAddressIsAnErrorAtItsValue() {
        let (config, problems) = SiteConfig.parse("edit-url: 'javascript:alert(1)//{path}'\n", path: "notesim.yml")
        #expect(
            problems.map(\.formatted) == [
                "notesim.yml:1:11: error: 'edit-url' must be an absolute http:// or https:// URL, with {path} where the note's path goes (else it is appended), such as https://github.com/me/notes/edit/main/{path}, not 'javascript:alert(1)//{path}' [config.type]"
            ])
        #expect(config.editURL == "")
        #expect(SiteConfig.parse("edit-url: https://github.com/me/notes/edit/main/{path}\n", path: "notesim.yml").1 == [])
    }

    /// `base-url` becomes each sitemap `<loc>`: only an absolute http(s) address is one.
    @Test(arguments: [
        (
            "base-url: \"javascript:alert(1)//\"\n",
            "notesim.yml:1:11: error: 'base-url' must be an absolute http:// or https:// URL, such as https://example.org/notes/, not 'javascript:alert(1)//' [config.type]"
        ),
        (
            "base-url: not a url\n",
            "notesim.yml:1:11: error: 'base-url' must be an absolute http:// or https:// URL, such as https://example.org/notes/, not 'not a url' [config.type]"
        ),
        (
            "base-url: /notes/\n",
            "notesim.yml:1:11: error: 'base-url' must be an absolute http:// or https:// URL, such as https://example.org/notes/, not '/notes/' [config.type]"
        ),
        (
            "base-url: https://\n",
            "notesim.yml:1:11: error: 'base-url' must be an absolute http:// or https:// URL, such as https://example.org/notes/, not 'https://' [config.type]"
        ),
        (
            "base-url: https://exa mple.org/\n",
            "notesim.yml:1:11: error: 'base-url' must be an absolute http:// or https:// URL, such as https://example.org/notes/, not 'https://exa mple.org/' [config.type]"
        ),
        (
            "base-url: https://example.org/#frag\n",
            "notesim.yml:1:11: error: 'base-url' cannot have a query or a fragment (pages are addressed below it), not 'https://example.org/#frag' [config.type]"
        ),
        (
            "base-url: https://example.org/?q=1\n",
            "notesim.yml:1:11: error: 'base-url' cannot have a query or a fragment (pages are addressed below it), not 'https://example.org/?q=1' [config.type]"
        ),
        (
            "base-url: 'https://example.org/\"><x'\n",
            "notesim.yml:1:11: error: 'base-url' must be an absolute http:// or https:// URL, such as https://example.org/notes/, not 'https://example.org/\"><x' [config.type]"
        ),
    ])
    func aBaseURLThatIsNoWebAddressIsAnErrorAtItsValue(text: String, message: String) {
        let (config, problems) = SiteConfig.parse(text, path: "notesim.yml")
        #expect(problems.map(\.formatted) == [message])
        #expect(config.baseURL == "")
    }

    @Test func webAddressesAreBaseURLs() {
        for url in ["https://example.org/notes/", "http://localhost:8000", "HTTPS://Example.org", ""] {
            let (config, problems) = SiteConfig.parse("base-url: \"\(url)\"\n", path: "notesim.yml")
            #expect(problems == [], "\(url)")
            #expect(config.baseURL == url)
        }
    }

    /// A horizon that is a duration, only too long, is told the maximum, not the form.
    @Test func aHorizonOverTheMaximumSaysTheMaximum() {
        let (_, problems) = SiteConfig.parse("limits: { horizon: 100001d }\n", path: "notesim.yml")
        #expect(problems.map(\.formatted) == ["notesim.yml:1:20: error: 'limits.horizon' must be at most 100000d, not '100001d' [config.type]"])
        #expect(SiteConfig.parse("limits: { horizon: 100000d }\n", path: "notesim.yml").0.limits.horizon == 100_000 * 86_400_000)
        #expect(
            SiteConfig.parse("limits: { horizon: -100001d }\n", path: "notesim.yml").1.map(\.formatted) == [
                "notesim.yml:1:20: error: 'limits.horizon' must be a positive duration such as 7d, not '-100001d' [config.type]"
            ])
    }

    @Test func englishSitesGetEnglishInterface() {
        let fileSystem = MemoryFileSystem(files: [
            "s/notesim.yml": "language: en\ntitle: Study notes\n",
            "s/content/a.md": "# A\n",
            "s/content/b.md": "# B\n",
        ])
        let page = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).text(at: "a.html") ?? ""
        #expect(page.contains("<html lang=\"en\""))
        #expect(page.contains("<span class=\"pager-label\">Next →</span>"))
        #expect(page.contains("Skip to content"))
    }

    @Test func noteLanguageOverridesTheSite() {
        let fileSystem = MemoryFileSystem(files: ["s/content/a.md": "---\nlang: en\n---\n# A\n"])
        let page = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem).text(at: "a.html") ?? ""
        #expect(page.contains("<html lang=\"en\""))
        #expect(page.contains("Skip to content"), "the interface follows the note's language")
    }

    /// A key with no value keeps its default, and a blank title does too (the header link
    /// and every `<title>` would be empty).
    @Test func nullValuesAndABlankTitleKeepTheDefaults() {
        #expect(SiteConfig.parse("title:\nlanguage: ~\nsearch:\ndescription: null\n", path: "notesim.yml") == (SiteConfig(), []))
        #expect(SiteConfig.parse("title: \" \"\n", path: "notesim.yml") == (SiteConfig(), []))
        #expect(SiteConfig.parse("limits:\n", path: "notesim.yml") == (SiteConfig(), []))
        #expect(SiteConfig.parse("limits: { horizon: , records: ~ }\n", path: "notesim.yml") == (SiteConfig(), []))
    }

    /// `search` is a boolean as front matter's `draft` is: YAML 1.1's words, never a quoted string.
    @Test func searchIsReadAsEveryBooleanIs() {
        #expect(SiteConfig.parse("search: no\n", path: "notesim.yml") == (SiteConfig(search: false), []))
        let (config, problems) = SiteConfig.parse("search: \"false\"\n", path: "notesim.yml")
        #expect(
            problems.map(\.formatted) == [
                """
                notesim.yml:1:9: error: 'search' must be true or false, not 'false' [config.type]
                notesim.yml:1:9: note: write false without quotes: quoted, it is text
                """
            ])
        #expect(config.search, "the default is kept")
    }
}

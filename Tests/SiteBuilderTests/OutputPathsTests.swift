import SiteBuilder
import Testing

@Suite struct OutputPathsTests {
    @Test(arguments: [
        ("a.md", "a.html"),
        ("lambda/invocation.md", "lambda/invocation.html"),
        ("README.md", "index.html"),
        ("lambda/index.md", "lambda/index.html"),
        ("lambda/Readme.md", "lambda/index.html"),
        ("lambda/INDEX.MD", "lambda/index.html"),
        ("ノート.md", "ノート.html"),
        ("深い/階層/メモ.md", "深い/階層/メモ.html"),
        ("a/b.c.md", "a/b.c.html"),
        ("a/readme.md.md", "a/readme.md.html"),
    ])
    func notesBecomePages(note: String, page: String) {
        #expect(OutputPaths.html(forNote: note) == page)
    }

    @Test(arguments: [
        ("x.md#a", "x.html#a"),
        ("./x.md", "./x.html"),
        ("../lambda/README.md#同期", "../lambda/index.html#同期"),
        ("index.md", "index.html"),
        ("x.md?plain=1#L3", "x.html?plain=1#L3"),
        ("%E5%90%8C%E6%9C%9F.md", "%E5%90%8C%E6%9C%9F.html"),
        ("https://example.org/a.md", "https://example.org/a.md"),
        ("#同期", "#同期"),
        ("#a.md", "#a.md"),
        ("#%E5%90%8C.md?x", "#%E5%90%8C.md?x"),
        ("", ""),
        ("img/a.png", "img/a.png"),
        ("/abs.md", "/abs.md"),
    ])
    func linksAreRewrittenForTheSite(written: String, rewritten: String) {
        #expect(OutputPaths.rewrite(written) == rewritten)
    }
}

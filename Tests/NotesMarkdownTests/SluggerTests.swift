import NotesMarkdown
import Testing

/// Heading ids follow github-slugger (see design/architecture.md, "Site behaviour").
@Suite struct SluggerTests {
    @Test(arguments: [
        ("Hello World", "hello-world"),
        ("コールドスタートとは？", "コールドスタートとは"),
        ("Lambda の同時実行数（Reserved Concurrency）", "lambda-の同時実行数reserved-concurrency"),
        ("非同期呼び出し・再試行", "非同期呼び出し再試行"),
        ("コールド\u{3000}スタート", "コールドスタート"),
        ("a - b", "a---b"),
        ("C++ & Swift", "c--swift"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("😄 emoji", "-emoji"),
        ("Привет non-latin 你好", "привет-non-latin-你好"),
        ("バッチサイズ (BatchSize)", "バッチサイズ-batchsize"),
        ("1. 同期実行", "1-同期実行"),
        ("Destinations (送信先)", "destinations-送信先"),
    ])
    func baseSlugMatchesGitHub(heading: String, slug: String) {
        #expect(Slugger.baseSlug(heading) == slug)
    }

    @Test func duplicatesGetNumberedSuffixes() {
        var slugger = Slugger()
        #expect(slugger.slug("概要") == "概要")
        #expect(slugger.slug("概要") == "概要-1")
        #expect(slugger.slug("概要") == "概要-2")
        #expect(slugger.slug("概要-1") == "概要-1-1")
    }

    @Test func headingWithNoLetterGetsAFallback() {
        var slugger = Slugger()
        #expect(slugger.slug("？！") == "section")
        #expect(slugger.slug("…") == "section-1")
    }
}

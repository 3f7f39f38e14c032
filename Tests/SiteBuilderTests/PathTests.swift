import SiteBuilder
import Testing

@Suite struct PathTests {
    @Test(arguments: [
        ("content", "n00100.md", "content/n00100.md"),
        ("content/", "a.md", "content/a.md"),
        ("", "a.md", "a.md"),
        ("content", "", "content"),
        ("", "", ""),
        ("/tmp/サイト", "ノート/同期.md", "/tmp/サイト/ノート/同期.md"),
        ("/", "a", "/a"),
    ])
    func twoComponentsAreJoinedLikeAList(first: String, second: String, joined: String) {
        #expect(Path.join(first, second) == joined)
        #expect(Path.join([first, second]) == joined)
    }

    @Test(arguments: [
        ("a.md", "md"),
        ("lambda/Sync.MD", "md"),
        ("lambda/図.PNG", "png"),
        ("a.tar.gz", "gz"),
        ("a/.hidden", ""),
        ("a.d/README", ""),
        ("noextension", ""),
        ("a/b.Ünï", "ünï"),
        ("a.", ""),
    ])
    func extensionsAreLowercasedAndTakenFromTheLastComponent(path: String, fileExtension: String) {
        #expect(Path.fileExtension(of: path) == fileExtension)
    }

    @Test(arguments: [
        ("lambda/sync.md", "lambda/sync.md"),
        ("./a.md", "a.md"),
        ("a/./b/../c.md", "a/c.md"),
        ("a//b/", "a/b"),
        ("/a", "a"),
        ("..a/b.", "..a/b."),
        ("", ""),
        (".", ""),
        ("同期/.hidden/..", "同期"),
    ])
    func dotsAndEmptyComponentsAreResolved(path: String, normalized: String) {
        #expect(Path.normalize(path) == normalized)
    }

    @Test func climbingAboveTheStartIsRefused() {
        #expect(Path.normalize("../a.md") == nil)
        #expect(Path.normalize("a/../../b") == nil)
    }

    /// A page links back to the root with one `../` per folder it is in.
    @Test(arguments: [
        ("index.html", ""),
        ("guide/start.html", "../"),
        ("ノート/同期/非同期.html", "../../"),
        ("a//b/c.html", "../../"),
        ("", ""),
    ])
    func aFileClimbsOneLevelPerFolder(path: String, prefix: String) {
        #expect(Path.rootPrefix(forFile: path) == prefix)
    }
}

import PreviewServer
import Testing

/// The preview serves only files inside the built site.
@Suite struct PreviewPathTests {
    @Test(arguments: [
        ("/", "index.html"),
        ("/lambda/", "lambda/index.html"),
        ("/lambda/invocation.html?x=1#a", "lambda/invocation.html"),
        ("/lambda/%E5%90%8C%E6%9C%9F.html", "lambda/同期.html"),
        ("/./assets/style.css", "assets/style.css"),
    ])
    func pathsInsideTheSite(url: String, file: String) {
        #expect(PreviewPath.resolve(url) == file)
    }

    @Test(arguments: [
        "/../etc/passwd", "/lambda/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2fetc/passwd", "/a%00b", "/a%5c..%5cb", "/.notesim-output", "/%zz",
    ])
    func traversalIsRefused(url: String) {
        #expect(PreviewPath.resolve(url) == nil)
    }
}

import Foundation
import Hummingbird
import NotesCore
import HummingbirdTesting
@testable import PreviewServer
import SiteBuilder
import Testing
import TestSupport

/// The preview's routes, through Hummingbird's router test client.
@Suite struct PreviewServerTests {
    private func makeServer() throws -> (PreviewServer, String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        try Data("# ホーム\n\n[a](a.md)\n".utf8).write(to: URL(fileURLWithPath: root + "/content/index.md"))
        try Data("# A\n".utf8).write(to: URL(fileURLWithPath: root + "/content/a.md"))
        let server = PreviewServer(siteDirectory: root, port: 0)
        let result = SitePipeline.run(siteDirectory: root, fileSystem: LocalFileSystem())
        try WriteStage.write(result.files, to: server.outputDirectory, siteDirectory: root, fileSystem: LocalFileSystem())
        return (server, root)
    }

    @Test func pagesAreServedWithTheLiveReloadScript() async throws {
        let (server, root) = try makeServer()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("<h1 id=\"ホーム\">"))
                #expect(body.hasSuffix("<script src=\"/__notesim/live.js\"></script></body>\n</html>\n"))
            }
            try await client.execute(uri: "/a.html", method: .get) { response in
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
            try await client.execute(uri: "/__notesim/live.js", method: .get) { response in
                #expect(String(buffer: response.body).contains("new EventSource(\"/__notesim/events\")"))
            }
        }
    }

    @Test func headAnswersAsGetWithoutTheBodyAndAFolderGetsItsSlash() async throws {
        let (server, root) = try makeServer()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: server.outputDirectory + "/lambda", withIntermediateDirectories: true)
        try Data("<p>folder</p>\n".utf8).write(to: URL(fileURLWithPath: server.outputDirectory + "/lambda/index.html"))
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/a.html", method: .get) { String(buffer: $0.body) }
            try await client.execute(uri: "/a.html", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == String(page.utf8.count))
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/missing.html", method: .head) { response in
                #expect(response.status == .notFound)
            }
            for method in [HTTPRequest.Method.post, .put, .delete, .options] {
                try await client.execute(uri: "/a.html", method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method)")
                    #expect(response.headers[.allow] == "GET, HEAD")
                }
            }
            // Without the slash, the folder page's relative links would resolve one folder up.
            try await client.execute(uri: "/lambda", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/lambda/")
            }
            try await client.execute(uri: "/lambda/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("<p>folder</p>"))
            }
        }
    }

    @Test func theAddressToOpenPutsAnIPv6HostInBrackets() {
        #expect(PreviewServer.address(host: "127.0.0.1", port: 8000) == "http://127.0.0.1:8000/")
        #expect(PreviewServer.address(host: "::1", port: 8000) == "http://[::1]:8000/")
    }

    @Test func traversalAndMissingFiles() async throws {
        let (server, root) = try makeServer()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/%2e%2e/%2e%2e/etc/passwd", method: .get) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/missing.html", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("/__notesim/live.js"))
            }
        }
    }

    @Test func theSearchIndexFollowsAnEditByTheTimeThePageReloads() async throws {
        let (server, root) = try makeServer()
        defer { try? FileManager.default.removeItem(atPath: root) }
        await server.rebuild(log: { _ in })
        try Data("# A\n\nzebra crossing\n".utf8).write(to: URL(fileURLWithPath: root + "/content/a.md"))
        // The rebuild the watcher starts: the edited page and its shards are written together.
        await server.rebuild(log: { _ in })
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/search-index/index.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(String(buffer: response.body).hasPrefix(#"{"format":2,"documents":2,"#))
            }
            try await client.execute(uri: "/search-index/t/7a-65.txt", method: .get) { response in
                #expect(String(buffer: response.body) == "zebra\t0\n")
            }
        }
    }

    @Test func aFirstBuildThatFailsServesEveryProblemAndThenTheSiteOnceFixed() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-serve-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        let broken = "# ホーム\n\n```scenario\nmode: sink\n```\n"
        try Data(broken.utf8).write(to: URL(fileURLWithPath: root + "/content/index.md"))
        let server = PreviewServer(siteDirectory: root, port: 0)
        let lines = LogLines()
        await server.rebuild(log: lines.append)
        #expect(lines.last?.hasPrefix("Build failed in ") == true)
        #expect(lines.last?.hasSuffix(" ms: 1 error (claims: 0 passed, 0 failed); the browser shows them") == true)
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            for uri in ["/", "/index.html", "/missing/page.html"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    let body = String(buffer: response.body)
                    #expect(body.contains("<h1>The build failed: 1 error</h1>"))
                    #expect(body.contains("<code>content/index.md:4:7</code> <span class=\"severity\">error</span>: "))
                    #expect(body.contains("<pre><span class=\"line-number\">4</span> mode: <mark>s</mark>ink</pre>"))
                    #expect(body.contains("<meta name=\"notesim-error-page\" content=\"1\">"))
                    #expect(body.contains("<script src=\"/__notesim/live.js\"></script></body>"))
                }
            }
        }
        try Data("# ホーム\n".utf8).write(to: URL(fileURLWithPath: root + "/content/index.md"))
        await server.rebuild(log: lines.append)
        #expect(lines.last?.hasPrefix("Rebuilt in ") == true)
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<h1 id=\"ホーム\">"))
            }
        }
    }

    @Test func theEventStreamNamesTheBuildItDescribes() async {
        let state = PreviewState()
        await state.rebuilt(diagnostics: [], outputChanged: true)
        #expect(await state.event() == "id: 1\nevent: ok\ndata: 1\n\n")
        await state.rebuilt(diagnostics: [.error("config.invalid", path: "notesim.yml", at: .init(line: 2, column: 1), "bad")], outputChanged: true)
        #expect(await state.event() == "id: 2\nevent: errors\ndata: [\"notesim.yml:2:1: error: bad [config.invalid]\"]\n\n")
        #expect(await state.failure()?.generation == 2)
    }

    /// A rebuild that wrote nothing and found the same problems is no new build: open pages
    /// are not reloaded (an editor's backup file, a `touch`).
    @Test func aRebuildThatChangedNothingReloadsNothing() async {
        let state = PreviewState()
        await state.rebuilt(diagnostics: [], outputChanged: false)
        #expect(await state.generation == 1, "the first build is always news")
        await state.rebuilt(diagnostics: [], outputChanged: false)
        #expect(await state.generation == 1)
        await state.rebuilt(diagnostics: [], outputChanged: true)
        #expect(await state.generation == 2)
        let error = Diagnostic.error("config.invalid", path: "notesim.yml", at: .init(line: 2, column: 1), "bad")
        await state.rebuilt(diagnostics: [error], outputChanged: false)
        #expect(await state.generation == 3, "new problems are news")
        await state.rebuilt(diagnostics: [error], outputChanged: false)
        #expect(await state.generation == 3)
    }

    @Test func theLogSaysWhenARebuildFailed() {
        let error = Diagnostic.error("expect.mismatch", path: "content/a.md", at: nil, "wrong")
        let warning = Diagnostic.warning("link.external", path: "content/a.md", at: nil, "slow")
        #expect(PreviewServer.summary(diagnostics: [warning], passed: 9, failed: 0, elapsed: .milliseconds(3)) == "Rebuilt in 3 ms: claims: 9 passed, 0 failed")
        #expect(
            PreviewServer.summary(diagnostics: [error, error, warning], passed: 8, failed: 2, elapsed: .milliseconds(12))
                == "Build failed in 12 ms: 2 errors (claims: 8 passed, 2 failed); the browser shows them")
    }

    @Test func theErrorPageMarksTheColumnInCharactersAndCutsLongLines() {
        #expect(ErrorPage.marked("可視性: <x>", column: 6) == "可視性: <mark>&lt;</mark>x&gt;")
        #expect(ErrorPage.marked("ab", column: 3) == "ab<mark> </mark>")
        let long = String(repeating: "a", count: 1_000) + "Z" + String(repeating: "b", count: 1_000)
        let cut = ErrorPage.marked(long, column: 1_001)
        #expect(cut == "…" + String(repeating: "a", count: 120) + "<mark>Z</mark>" + String(repeating: "b", count: 119) + "…")
    }
}

/// Log lines a test collects from the server.
private final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var last: String? { lock.withLock { lines.last } }

    func append(_ line: String) { lock.withLock { lines.append(line) } }
}

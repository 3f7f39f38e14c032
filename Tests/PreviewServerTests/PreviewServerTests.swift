import Foundation
import Hummingbird
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
                #expect(String(buffer: response.body).hasPrefix(#"{"format":1,"documents":2,"#))
            }
            try await client.execute(uri: "/search-index/t/7a-65.txt", method: .get) { response in
                #expect(String(buffer: response.body) == "zebra\t0\n")
            }
        }
    }
}

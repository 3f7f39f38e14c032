import Foundation
import Hummingbird
import NotesCore
import SiteBuilder

/// `notesim serve`: builds the site into `.notesim-cache/serve`, serves it on loopback, and
/// reloads open pages through server-sent events whenever a note, a template or the config
/// changes; build errors show in the page as an overlay until they are fixed.
public struct PreviewServer: Sendable {
    public let siteDirectory: String
    public let host: String
    public let port: Int
    /// How long a connection may stay open without a request before the server closes it.
    public let idleTimeout: Duration
    let fileSystem: any FileSystem
    public let state = PreviewState()

    /// Where the preview's site is written (inside the cache folder notesim owns).
    public var outputDirectory: String { Path.join(siteDirectory, ".notesim-cache", "serve") }

    /// The idle timeout unless told otherwise: long enough for a browser to reuse a connection
    /// between clicks, short enough that abandoned connections do not pile up.
    public static let defaultIdleTimeout: Duration = .seconds(10)

    public init(
        siteDirectory: String, host: String = "127.0.0.1", port: Int = 8000, idleTimeout: Duration = defaultIdleTimeout,
        fileSystem: any FileSystem = LocalFileSystem()
    ) {
        self.siteDirectory = siteDirectory
        self.host = host
        self.port = port
        self.idleTimeout = idleTimeout
        self.fileSystem = fileSystem
    }

    /// Builds once, then serves and watches until SIGINT or SIGTERM (see `StopSignals`), and
    /// then ends the process with `exit` (status 0) as soon as no rebuild is writing.
    ///
    /// Why end the process rather than return: tearing down the HTTP server with connections
    /// it accepted but had not handed to a handler yet trapped in SwiftNIO's debug checks
    /// ("Deinited NIOAsyncWriter without calling finish()", status 4 in one stop in ten under
    /// load), and a preview has nothing to flush; the kernel closes every socket at exit.
    public func run(log: @escaping @Sendable (String) -> Void, exit: @escaping @Sendable () -> Never = { Foundation.exit(0) }) async throws {
        let stop = StopSignals()
        await rebuild(log: log)
        let watcher = SiteWatcher(siteDirectory: siteDirectory, fileSystem: fileSystem)
        let app = Application(
            router: router(), server: .http1(configuration: .init(idleTimeout: .nanoseconds(Self.nanoseconds(idleTimeout)))),
            configuration: .init(address: .hostname(host, port: port)))
        log("Serving \(siteDirectory == "." ? "the site" : siteDirectory) at \(Self.address(host: host, port: port)) (Ctrl-C to stop)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Not `runService()`: its graceful shutdown waits for live-reload streams, which
            // never end by themselves. Cancelling the group ends them.
            group.addTask { try await app.run() }
            group.addTask { try await watch(watcher, log: log) }
            group.addTask { await stop.wait() }
            try await group.next()
            // The stop (or the server ended, which `next` rethrew if it failed).
            while await state.isRebuilding { try? await Task.sleep(for: .milliseconds(20)) }
            exit()
        }
    }

    /// Rebuilds whenever a poll sees a change, until cancelled.
    private func watch(_ watcher: SiteWatcher, log: @escaping @Sendable (String) -> Void) async throws {
        var last = watcher.snapshot().fingerprint
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(250))
            let current = watcher.snapshot()
            if current.fingerprint != last {
                last = current.fingerprint
                await rebuild(log: log, listing: current.listing)
            }
        }
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// Builds the site into the preview folder and records the result. The search index is
    /// part of the build (an edit patches the changed page's shards), so a reload after the
    /// rebuild searches the new text.
    /// - Parameter listing: content/ as the watcher just listed it (not listed again).
    func rebuild(log: @Sendable (String) -> Void, listing: LoadStage.Listing? = nil) async {
        await state.startRebuild()
        let clock = ContinuousClock()
        let start = clock.now
        // The same incremental build as `notesim build`: only what changed is parsed,
        // rendered and written.
        // The manifest stays in memory between rebuilds (no decoding or writing it each time).
        let report = SiteBuild.run(
            siteDirectory: siteDirectory, output: outputDirectory, fileSystem: fileSystem,
            options: .init(
                cache: FileScenarioCache(siteDirectory: siteDirectory, fileSystem: fileSystem), highlighter: PygmentsHighlighter.standard(),
                highlightCache: FileHighlightCache(siteDirectory: siteDirectory, fileSystem: fileSystem)),
            remembered: await state.manifest, listing: listing)
        if let manifest = report.manifest { await state.remember(manifest) }
        let result = report.result
        var diagnostics = result.diagnostics
        if let error = report.writeError { diagnostics.append(error) }
        for diagnostic in diagnostics { log(diagnostic.formatted) }
        let elapsed = clock.now - start
        log(Self.summary(diagnostics: diagnostics, passed: result.expectationsPassed, failed: result.expectationsFailed, elapsed: elapsed))
        await state.rebuilt(diagnostics: diagnostics, outputChanged: report.written + report.deleted > 0)
    }

    /// The log's line after a rebuild: whether it failed first, so that the last line of the
    /// log never reads like success after a broken config or note.
    static func summary(diagnostics: [Diagnostic], passed: Int, failed: Int, elapsed: Duration) -> String {
        let milliseconds = elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let claims = "claims: \(passed) passed, \(failed) failed"
        let errors = diagnostics.filter(\.isError).count
        guard errors > 0 else { return "Rebuilt in \(milliseconds) ms: \(claims)" }
        return "Build failed in \(milliseconds) ms: \(errors == 1 ? "1 error" : "\(errors) errors") (\(claims)); the browser shows them"
    }

    /// The address to open in a browser: an IPv6 host goes in brackets (`http://[::1]:8000/`).
    static func address(host: String, port: Int) -> String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
    }

    /// The routes: the live-reload script, the event stream, and the site's files.
    public func router() -> Router<BasicRequestContext> {
        // HEAD answers as GET does, without the body: link checkers ask with HEAD.
        let router = Router(options: .autoGenerateHeadEndpoints)
        let state = state
        let output = outputDirectory
        let fileSystem = fileSystem
        router.get("/__notesim/live.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get("/__notesim/events") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: .init { writer in
                    var seen = -1
                    var idle = 0
                    // Bounded: a stream lives at most an hour; the browser reconnects by itself.
                    // A cancelled sleep ends the stream: it is finished on that path too, since
                    // a writer dropped unfinished traps in debug builds of SwiftNIO.
                    do {
                        while idle < 14_400 {
                            let generation = await state.generation
                            if generation != seen {
                                seen = generation
                                try await writer.write(ByteBuffer(string: await state.event()))
                            } else if idle % 60 == 59 {
                                try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                            }
                            idle += 1
                            try await Task.sleep(for: .milliseconds(250))
                        }
                    } catch {
                        try? await writer.finish(nil)
                        return
                    }
                    try await writer.finish(nil)
                })
        }
        let site = siteDirectory
        let serve: @Sendable (String) async throws -> Response = { path in
            let response = try Self.serveFile(path, output: output, fileSystem: fileSystem)
            guard response.status == .notFound, let failure = await state.failure() else { return response }
            return Self.errorPage(failure, siteDirectory: site, fileSystem: fileSystem)
        }
        router.get("/**") { request, _ in try await serve(request.uri.path) }
        router.get("/") { request, _ in try await serve(request.uri.path) }
        // A static site is read, never written: other methods are refused as such (405,
        // naming the allowed ones), not answered as if the file were missing.
        for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] {
            for path in ["/**", "/"] {
                router.on(RouterPath(path), method: method) { _, _ in
                    Response(
                        status: .methodNotAllowed, headers: [.allow: "GET, HEAD"],
                        body: .init(byteBuffer: ByteBuffer(string: "the preview only serves files: GET or HEAD\n")))
                }
            }
        }
        return router
    }

    /// The error page for a path the failed build did not write (every path, when the first
    /// build failed): 503, since the site will be there once the notes are fixed.
    static func errorPage(_ failure: PreviewState.Failure, siteDirectory: String, fileSystem: any FileSystem) -> Response {
        let page = ErrorPage.render(diagnostics: failure.diagnostics, generation: failure.generation) { path in
            (try? fileSystem.readFile(Path.join(siteDirectory, path))).map { String(decoding: $0, as: UTF8.self) }
        }
        return Response(
            status: .serviceUnavailable, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: page)))
    }

    /// A file of the built site; HTML pages get the live-reload script.
    static func serveFile(_ urlPath: String, output: String, fileSystem: any FileSystem) throws -> Response {
        guard let relative = PreviewPath.resolve(urlPath) else {
            return Response(status: .forbidden, body: .init(byteBuffer: ByteBuffer(string: "refused: the path leaves the site\n")))
        }
        var path = Path.join(output, relative)
        if fileSystem.kind(of: path) == .directory {
            // A folder's page is read at its address with the slash, so that its relative
            // links resolve inside the folder (as a static host redirects).
            guard urlPath.hasSuffix("/") else { return .redirect(to: urlPath + "/", type: .permanent) }
            path = Path.join(path, "index.html")
        }
        guard fileSystem.kind(of: path) == .file, var bytes = try? fileSystem.readFile(path) else {
            let notFound = (try? fileSystem.readFile(Path.join(output, "404.html"))).map { LiveReload.inject(into: $0) } ?? Array("not found\n".utf8)
            return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: notFound)))
        }
        let type = PreviewPath.contentType(path)
        if type.hasPrefix("text/html") { bytes = LiveReload.inject(into: bytes) }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store", .contentLength: String(bytes.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

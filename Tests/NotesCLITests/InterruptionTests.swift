import Foundation
import Testing

/// Builds that are killed or run twice at once never leave a broken site.
@Suite(.serialized) struct InterruptionTests {
    /// A site big enough that a build takes a while: 300 notes with a scenario each.
    private func makeSite() throws -> String {
        var files: [String: String] = [:]
        for number in 1...300 {
            files["content/n\(number).md"] = """
                # ノート \(number)

                [次](n\(number % 300 + 1).md)

                ```scenario
                mode: async
                function: { fails: always }
                events:
                  - at: 0s
                expect:
                  attempts: 3
                ```
                """
        }
        return try CLI.makeSite(files)
    }

    /// Starts `notesim build --no-search --quiet` with more arguments, without waiting.
    private func startBuild(_ arguments: [String], in site: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = ["build", "--no-search", "--quiet"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: site)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Every file under a folder and its bytes (nil when the folder does not exist).
    private func tree(_ folder: String) -> [String: Data]? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return nil }
        var files: [String: Data] = [:]
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    @Test func killingFullBuildsAtRandomMomentsLeavesThePreviousSiteIntact() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let first = try CLI.run(["build", "--no-search", "--no-cache"], in: site)
        #expect(first.status == 0)
        let before = try #require(tree(site + "/public"))
        // Changed notes, so that every killed build would write different pages.
        for number in 1...300 {
            let path = site + "/content/n\(number).md"
            try (String(contentsOfFile: path, encoding: .utf8) + "\n追記。\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        var random = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let process = try startBuild(["--no-cache"], in: site)
            Thread.sleep(forTimeInterval: Double.random(in: 0.02...0.6, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = tree(site + "/public")
            // Killed before the swap: the old site; after it: the new one, complete.
            let unchanged = after == before
            let complete = after.map { $0.keys.sorted() == before.keys.sorted() && $0 != before } ?? false
            #expect(unchanged || complete, "round \(round): the site is neither the old one nor a complete new one")
        }
        // The next build cleans up whatever the killed ones left and writes the new site.
        #expect(try CLI.run(["build", "--no-search"], in: site).status == 0)
        #expect(try String(contentsOfFile: site + "/public/n1.html", encoding: .utf8).contains("追記。"))
        #expect(!FileManager.default.fileExists(atPath: site + "/public.notesim-staging"))
    }

    @Test func killingAnIncrementalUpdateIsRepairedByTheNextBuild() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLI.run(["build", "--no-search"], in: site).status == 0)
        for round in 0..<4 {
            for number in stride(from: 1 + round, through: 300, by: 4) {
                let path = site + "/content/n\(number).md"
                try (String(contentsOfFile: path, encoding: .utf8) + "\n改訂 \(round)。\n").write(toFile: path, atomically: true, encoding: .utf8)
            }
            let process = try startBuild([], in: site)
            Thread.sleep(forTimeInterval: 0.05 + 0.1 * Double(round))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // Whatever state the kills left, the next build's output is the clean build's.
        #expect(try CLI.run(["build", "--no-search"], in: site).status == 0)
        #expect(try CLI.run(["build", "--no-search", "--no-cache", "--output", "clean"], in: site).status == 0)
        let repaired = try #require(tree(site + "/public"))
        let clean = try #require(tree(site + "/clean"))
        #expect(repaired == clean)
    }

    @Test func twoBuildsAtOnceTakeTurnsAndLeaveAWholeSite() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let builds = try (0..<2).map { _ in try startBuild(["--no-cache"], in: site) }
        for build in builds { build.waitUntilExit() }
        #expect(builds.map(\.terminationStatus) == [0, 0])
        #expect(try CLI.run(["build", "--no-search", "--no-cache", "--output", "clean"], in: site).status == 0)
        #expect(tree(site + "/public") == tree(site + "/clean"))
    }
}

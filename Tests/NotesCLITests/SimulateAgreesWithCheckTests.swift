import Foundation
import SiteBuilder
import Testing

/// `simulate` and `check` run blocks through the one `ScenarioRunner`, so they agree: every
/// block of the repository's notes passes `check`, and so `simulate` passes each of them.
@Suite struct SimulateAgreesWithCheckTests {
    /// Every scenario block of `content/`, as `NOTE.md#N` arguments (paths from the repository).
    static func repositoryBlocks() throws -> [String] {
        let content = CLI.repository + "/content"
        let files = FileManager.default.enumerator(atPath: content)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted() ?? []
        var blocks: [String] = []
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: content + "/" + file)))
            let (note, _) = ParseStage.parse(sourcePath: "content/" + file, bytes: bytes)
            let count = note?.page.codeBlocks.count { $0.slot != nil } ?? 0
            blocks += (0..<count).map { "content/\(file)#\($0 + 1)" }
        }
        return blocks
    }

    @Test func checkPassesTheRepositoryAndSimulatePassesEachOfItsBlocks() throws {
        let check = try CLI.run(["check", "."], in: CLI.repository)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.lastLine.hasSuffix(" 0 failed"))
        let blocks = try Self.repositoryBlocks()
        #expect(blocks.count > 20)
        for block in blocks {
            let run = try CLI.run(["simulate", block], in: CLI.repository)
            #expect(run.status == 0, "\(block): \(run.standardError)")
            #expect(!run.standardOutput.contains("✗"), "\(block)")
        }
    }

    @Test func aRejectionClaimThatHoldsIsAVerdictNotAnError() throws {
        let site = try CLI.makeSite([
            "note.md": """
            # N

            ```scenario
            mode: async
            EventInvokeConfig: { MaximumRetryAttempts: 3 }
            events:
              - at: 0s
            expect:
              rejected: MaximumRetryAttempts
            ```

            """
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try CLI.run(["simulate", "note.md#1"], in: site)
        #expect(run.status == 0)
        #expect(run.standardOutput == "✓ rejected: AWS rejects MaximumRetryAttempts\n")
        #expect(run.standardError == "")
        let wrong = try CLI.run(
            ["simulate", "note.md#1"],
            in: try CLI.makeSite([
                "note.md": """
                ```scenario
                mode: async
                events:
                  - at: 0s
                expect:
                  rejected: MaximumRetryAttempts
                ```

                """
            ]))
        #expect(wrong.status == 1)
        #expect(wrong.standardOutput == "✗ rejected: AWS accepts this configuration\n")
    }

}

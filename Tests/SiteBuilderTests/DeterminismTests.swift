import Foundation
import SiteBuilder
import Testing
import TestSupport

/// Identical input gives a byte-identical site.
@Suite struct DeterminismTests {
    @Test func twoRunsProduceIdenticalFiles() {
        let site = Fixtures.folder("japanese-site")
        let first = SitePipeline.run(siteDirectory: site, fileSystem: LocalFileSystem())
        let second = SitePipeline.run(siteDirectory: site, fileSystem: LocalFileSystem())
        #expect(first.files == second.files)
        #expect(first.files.count > 5)
    }

    @Test func rebuildingOnDiskIsByteIdentical() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-det-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let site = Fixtures.folder("japanese-site")
        let disk = LocalFileSystem()
        func buildAndRead() throws -> [String: [UInt8]] {
            let result = SitePipeline.run(siteDirectory: site, fileSystem: disk)
            try WriteStage.write(result.files, to: output, siteDirectory: site, fileSystem: disk)
            var files: [String: [UInt8]] = [:]
            let enumerator = FileManager.default.enumerator(atPath: output)
            while let path = enumerator?.nextObject() as? String {
                if disk.kind(of: output + "/" + path) == .file { files[path] = try disk.readFile(output + "/" + path) }
            }
            return files
        }
        let first = try buildAndRead()
        let second = try buildAndRead()
        #expect(first == second)
        #expect(first.keys.contains("lambda/batching.html"))
    }
}

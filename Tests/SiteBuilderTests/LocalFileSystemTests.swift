import Foundation
import SiteBuilder
import Testing
import TestSupport

/// The real disk reads whole files of any size, empty ones and files of special kinds.
@Suite struct LocalFileSystemTests {
    @Test(arguments: [0, 1, 4_095, 4_096, 65_537, 7_000_000])
    func readsEveryByteOfAFile(size: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-read-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try LocalFileSystem().writeFile(path, contents: bytes)
        #expect(try LocalFileSystem().readFile(path) == bytes)
    }

    @Test func readsAFileWhoseSizeTheKernelDoesNotKnow() throws {
        // /proc files report size 0 and still have content: read in chunks to the end.
        let bytes = try LocalFileSystem().readFile("/proc/self/status")
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Name:"))
        #expect(bytes.count > 100)
    }

    @Test func stampsUnderAFolderAreThoseOfEachFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-stamps-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let disk = LocalFileSystem()
        try disk.createDirectory(root + "/同期")
        try disk.writeFile(root + "/a.md", contents: Array("a".utf8))
        try disk.writeFile(root + "/同期/b.md", contents: Array("bb".utf8))
        try FileManager.default.createSymbolicLink(atPath: root + "/link.md", withDestinationPath: root + "/a.md")
        let paths = ["a.md", "同期/b.md", "missing.md", "link.md"]
        let stamps = disk.stamps(of: paths, under: root)
        #expect(stamps == paths.map { disk.stamp(of: root + "/" + $0) })
        #expect(stamps.map { $0?.size } == [1, 2, nil, Int64((root + "/a.md").utf8.count)])
        #expect(disk.stamps(of: paths, under: root + "/missing") == [nil, nil, nil, nil])
    }

    @Test func aFileReadWithItsStampHasTheStampOfTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-stamped-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let disk = LocalFileSystem()
        try disk.writeFile(path, contents: Array("同期呼び出し".utf8))
        let (bytes, stamp) = try disk.readFileStamped(path)
        #expect(bytes == Array("同期呼び出し".utf8))
        #expect(stamp == disk.stamp(of: path))
        #expect(stamp?.size == 18)
    }

    @Test(arguments: [0, 1, 4_096, 7_000_001])
    func aMappedFileReadsAsItsBytes(size: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-map-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let disk = LocalFileSystem()
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        try disk.writeFile(path, contents: bytes)
        let mapped = try disk.mapFile(path)
        #expect(Array(mapped.buffer) == bytes)
        #expect(mapped[0..<size].array == bytes)
    }

    @Test func mappedBytesOutliveAppendsAndReplacements() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-map-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let disk = LocalFileSystem()
        try disk.writeFile(path, contents: Array("同期呼び出し\n".utf8))
        let slice = try disk.mapFile(path)[0..<9]
        // What the manifest's writer does while records hold slices of its mapped bytes.
        try disk.appendFile(path, contents: Array("追記\n".utf8))
        try disk.replaceFile(path, contents: Array("別の内容\n".utf8))
        #expect(slice.array == Array("同期呼".utf8))
        #expect(try disk.readFile(path) == Array("別の内容\n".utf8))
    }

    @Test func slicesAreEqualWhenTheirBytesAre() {
        let first = SharedBytes(Array("abcabd".utf8))
        let second = SharedBytes(Array("xabc".utf8))
        #expect(first[0..<3] == second[1..<4])
        #expect(first[0..<3] != first[3..<6])
        #expect(first[2..<2] == SharedBytes.Slice())
        #expect(first[0..<2] != first[0..<3])
    }

    @Test func appendingAddsTheBytesAtTheEnd() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notesim-append-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let disk = LocalFileSystem()
        // Created when missing, then added to; the memory file system does the same.
        let memory = MemoryFileSystem()
        try memory.createDirectory(Path.directory(of: path))
        for target in [disk, memory] as [any FileSystem] {
            try target.appendFile(path, contents: Array("同期\n".utf8))
            try target.appendFile(path, contents: [])
            try target.appendFile(path, contents: Array("非同期\n".utf8))
            #expect(try target.readFile(path) == Array("同期\n非同期\n".utf8))
        }
    }

    @Test func aFolderIsNotReadAsAFile() {
        #expect(throws: FileSystemError.self) { try LocalFileSystem().readFile(FileManager.default.temporaryDirectory.path) }
    }
}

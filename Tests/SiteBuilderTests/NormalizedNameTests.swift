import Foundation
import SiteBuilder
import Testing
import TestSupport

/// A file named in decomposed Unicode (as macOS may name `データ.md`) and linked in
/// precomposed form: the page and the copied file are written under the name the links
/// use (NFC), and the copy reads the file by its name on disk.
@Suite struct NormalizedNameTests {
    private let decomposed = "\u{30C6}\u{3099}\u{30FC}\u{30BF}"  // テ + ゙ + ー + タ
    private let precomposed = "\u{30C7}\u{30FC}\u{30BF}"  // デ + ー + タ

    @Test func aDecomposedNameIsWrittenAndLinkedPrecomposed() throws {
        let fileSystem = MemoryFileSystem(files: [
            "s/content/index.md": "# Home\n\n[データ](\(precomposed).md) ![図](\(precomposed).png)\n",
            "s/content/\(decomposed).md": "# データ\n",
            "s/content/\(decomposed).png": "png",
        ])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.printedDiagnostics == [])
        let written = result.files.map { Array($0.path.utf8) }
        #expect(written.contains(Array("\(precomposed).html".utf8)))
        #expect(written.contains(Array("\(precomposed).png".utf8)))
        #expect(!written.contains(Array("\(decomposed).html".utf8)))
        let image = try #require(result.files.first { Array($0.path.utf8) == Array("\(precomposed).png".utf8) })
        guard case .copy(let source) = image.content else {
            Issue.record("the image is copied")
            return
        }
        #expect(Array(source.utf8) == Array("content/\(decomposed).png".utf8), "read by its name on disk")
        let home = try #require(result.text(at: "index.html"))
        #expect(home.contains(#"<a href="%E3%83%87%E3%83%BC%E3%82%BF.html">"#))
        #expect(home.contains(#"src="%E3%83%87%E3%83%BC%E3%82%BF.png""#))
    }

    /// A link written decomposed too (pasted from a macOS file name) is written precomposed,
    /// as the file is copied: the page's `src` and the file's name agree byte for byte.
    @Test func aDecomposedLinkToADecomposedFileIsWrittenPrecomposed() throws {
        let fileSystem = MemoryFileSystem(files: [
            "s/content/index.md": "# Home\n\n![図](\(decomposed).png) [データ](\(decomposed).md)\n",
            "s/content/\(decomposed).md": "# データ\n",
            "s/content/\(decomposed).png": "png",
        ])
        let result = SitePipeline.run(siteDirectory: "s", fileSystem: fileSystem)
        #expect(result.printedDiagnostics == [])
        let home = try #require(result.text(at: "index.html"))
        #expect(home.contains(#"src="%E3%83%87%E3%83%BC%E3%82%BF.png""#))
        #expect(home.contains(#"<a href="%E3%83%87%E3%83%BC%E3%82%BF.html">"#))
    }

    /// Two files whose names are the same in Unicode, one composed and one decomposed, would
    /// be published under one name: the second is an error, not silently lost. (On disk: a
    /// Swift dictionary, as the memory file system is, holds them as one key.)
    @Test func twoNamesTheSameInUnicodeAreAnError() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("nfc-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        for (name, text) in [("index.md", "# Home\n"), ("\(precomposed).png", "a"), ("\(decomposed).png", "b")] {
            #expect(FileManager.default.createFile(atPath: site + "/content/" + name, contents: Data(text.utf8)))
        }
        let result = SitePipeline.run(siteDirectory: site, fileSystem: LocalFileSystem())
        #expect(result.printedDiagnostics.count == 1)
        #expect(
            result.printedDiagnostics.first?.hasSuffix(
                "error: this name and '\(decomposed).png' are the same in Unicode, written in two encodings (composed and decomposed) [file.encoding]\n"
                    + "content/\(precomposed).png: note: keep one of them: they would be published under one name") == true,
            "\(result.printedDiagnostics)")
    }
}

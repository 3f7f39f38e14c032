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
}

import NotesCore
import NotesMarkdown
@testable import SiteBuilder
import Testing

/// The build manifest's line format: every field survives a round trip, a record read is
/// written back byte for byte, and a malformed manifest is refused (which costs a full build).
@Suite struct ManifestCodecTests {
    /// A record with every kind of field, and text that needs escaping in each text field.
    private func awkwardRecord() -> BuildManifest.NoteRecord {
        let summary = NoteSummary(
            sourcePath: "content/a\tb.md", contentPath: "a\tb.md",
            frontMatter: FrontMatter(title: "題\\名\n", description: "説明\r\n二行目", order: -3, draft: true, lang: "ja"),
            title: "題\\名\n", anchors: ["", "見出し\t1", "back\\slash"],
            references: LazyReferences([
                Reference(kind: .link, origin: .markdown, destination: "b.md#x\ty", position: SourcePosition(line: 3, column: 7)),
                Reference(kind: .image, origin: .rawHTML, destination: "img/図.png", position: SourcePosition(line: 12, column: 1)),
            ]),
            linkDiagnostics: [.error("link.missing-file", path: "content/a\tb.md", at: SourcePosition(line: 3, column: 7), "missing\tfile")],
            linkedFiles: ["img/図.png"])
        return BuildManifest.NoteRecord(
            // Real modification times are nanoseconds since 1970: 19 digits.
            stamp: FileStamp(size: 9_098, modified: 1_795_818_570_780_644_396), sourceHash: .max, renderKey: 0, summary: summary,
            diagnostics: [.warning("scenario.slow", path: "content/a\tb.md", at: nil, "slow", hint: "a\\b")], scenarios: 3, passed: 5, failed: 1)
    }

    private func manifest() -> BuildManifest {
        var manifest = BuildManifest(globalKey: 0xa9cf_a765_a1d4_8f93, output: "/tmp/out\tput", files: ["a\tb.html": 1, "index.html": .max])
        manifest.toc = (key: 42, html: "<ol>\n<li>\\</li>\n</ol>")
        manifest.contentKey = 7
        manifest.notes["content/a\tb.md"] = awkwardRecord()
        var unknown = awkwardRecord()
        // A note read without a stamp (a full build) and with nothing but its path.
        unknown.stamp = FileStamp(size: -1, modified: -1)
        unknown.summary = NoteSummary(
            sourcePath: "content/z.md", contentPath: "z.md", frontMatter: FrontMatter(), title: "z", anchors: [],
            references: LazyReferences([]), linkDiagnostics: [], linkedFiles: [])
        unknown.diagnostics = []
        manifest.notes["content/z.md"] = unknown
        return manifest
    }

    @Test func everyFieldSurvivesARoundTrip() throws {
        let original = manifest()
        let bytes = ManifestCodec.encode(original)
        let decoded = try #require(ManifestCodec.decode(bytes))
        #expect(decoded == original)
        #expect(decoded.notes["content/a\tb.md"]?.stamp.modified == 1_795_818_570_780_644_396)
        #expect(decoded.notes["content/z.md"]?.stamp == FileStamp(size: -1, modified: -1))
        #expect(decoded.notes["content/a\tb.md"]?.summary.references.value.map(\.destination) == ["b.md#x\ty", "img/図.png"])
        #expect(decoded.toc?.html == "<ol>\n<li>\\</li>\n</ol>")
        // Read records are written back as they were read, and the decoded order is kept.
        #expect(ManifestCodec.encode(decoded) == bytes)
    }

    @Test func aChangedRecordIsEncodedAnew() throws {
        var decoded = try #require(ManifestCodec.decode(ManifestCodec.encode(manifest())))
        decoded.notes["content/z.md"]?.passed = 9
        let again = try #require(ManifestCodec.decode(ManifestCodec.encode(decoded)))
        #expect(again.notes["content/z.md"]?.passed == 9)
        #expect(again == decoded)
    }

    @Test func appendedChangesReadAsTheChangedManifest() throws {
        let whole = ManifestCodec.encode(manifest())
        var changed = try #require(ManifestCodec.decode(whole))
        changed.notes["content/z.md"]?.passed = 9
        changed.files["index.html"] = 5
        changed.files["new\tpage.html"] = 6
        changed.files["a\tb.html"] = nil
        changed.toc = (key: 43, html: "<ol>\n<li>新</li>\n</ol>")
        changed.contentKey = 8
        let stored = try #require(ManifestCodec.decode(whole))
        let changes = try #require(ManifestCodec.encodeChanges(changed, since: stored))
        let record = try #require(ManifestCodec.decode(ManifestCodec.encode(changed))?.notes["content/z.md"]?.encoded)
        // Only what differs: the unchanged record and the kept settings are not repeated.
        #expect(
            String(decoding: changes, as: UTF8.self) == """
                patch
                toc\t2b\t<ol>\\n<li>新</li>\\n</ol>
                content\t8
                file\t5\tindex.html
                file\t6\tnew\\tpage.html
                unfile\ta\\tb.html

                """ + String(decoding: record.array, as: UTF8.self))
        let read = try #require(ManifestCodec.decode(whole + changes))
        #expect(read == changed)
        #expect(read.storedSize?.whole == whole.count)
        #expect(read.storedSize?.appended == changes.count)
        #expect(read.storedSize?.patches == 1)
        // Written whole again, it is in path order (the new file in its place), without the changes' lines.
        let compacted = ManifestCodec.encode(read)
        #expect(compacted == ManifestCodec.encode(changed))
        #expect(!String(decoding: compacted, as: UTF8.self).contains("patch"))
    }

    @Test func changesThatOnlyReplaceEntriesKeepThePathOrder() throws {
        let whole = ManifestCodec.encode(manifest())
        let stored = try #require(ManifestCodec.decode(whole))
        var changed = stored
        changed.notes["content/a\tb.md"]?.renderKey = 1
        changed.files["index.html"] = 3
        let replacing = try #require(ManifestCodec.encodeChanges(changed, since: stored))
        let read = try #require(ManifestCodec.decode(whole + replacing))
        #expect(read.files["index.html"] == 3)
        #expect(read.sortedNotePaths == ["content/a\tb.md", "content/z.md"])
        #expect(read.sortedFilePaths == ["a\tb.html", "index.html"])
        changed.files["0.html"] = 1
        let adding = try #require(ManifestCodec.encodeChanges(changed, since: stored))
        let grown = try #require(ManifestCodec.decode(whole + adding))
        #expect(grown.sortedFilePaths == nil, "a file added by the changes is not in the whole manifest's order")
        #expect(grown.sortedNotePaths == ["content/a\tb.md", "content/z.md"])
    }

    @Test func nothingIsAppendedWhenNothingChanged() throws {
        let stored = try #require(ManifestCodec.decode(ManifestCodec.encode(manifest())))
        #expect(ManifestCodec.encodeChanges(stored, since: stored) == [])
    }

    @Test func aNoteAddedOrRemovedNeedsTheWholeManifest() throws {
        let stored = try #require(ManifestCodec.decode(ManifestCodec.encode(manifest())))
        var grown = stored
        grown.notes["content/new.md"] = stored.notes["content/z.md"].map { record in
            var record = record
            record.renderKey = 1
            return record
        }
        #expect(ManifestCodec.encodeChanges(grown, since: stored) == nil)
        var replaced = grown
        replaced.notes["content/z.md"] = nil
        #expect(ManifestCodec.encodeChanges(replaced, since: stored) == nil)
        var shrunk = stored
        shrunk.notes["content/z.md"] = nil
        #expect(ManifestCodec.encodeChanges(shrunk, since: stored) == nil)
    }

    @Test(arguments: [
        // A file removed that the manifest does not have.
        "patch\nunfile\tmissing.html\n",
        // A line of an unknown kind among the changes.
        "patch\nbogus\t1\n",
        // A changed record without its `note` line first.
        "patch\nfront\t-\t-\t-\t0\t-\n",
    ])
    func malformedChangesAreRefused(changes: String) throws {
        let whole = ManifestCodec.encode(manifest())
        #expect(ManifestCodec.decode(whole) != nil)
        #expect(ManifestCodec.decode(whole + Array(changes.utf8)) == nil)
    }

    @Test(arguments: [
        // A number beyond Int64 in a stamp.
        ("9098\t1795818570780644396", "9098\t9223372036854775808"),
        // A hash that is not lowercase hex.
        ("\tffffffffffffffff\t", "\tFFFFFFFFFFFFFFFF\t"),
        // Bytes just past the digits and the letters, and just before the letters.
        ("\tffffffffffffffff\t", "\tfffffffffffffff:\t"),
        ("\tffffffffffffffff\t", "\tfffffffffffffffg\t"),
        ("\tffffffffffffffff\t", "\tfffffffffffffffW\t"),
        ("\tffffffffffffffff\t", "\tfffffffffffffff`\t"),
        // A line of an unknown kind inside a note's block.
        ("\nanchors\t", "\nbogus\t"),
        // A field missing from the front-matter line.
        ("\nfront\t+", "\nfront\t"),
    ])
    func aMalformedManifestIsRefused(field: String, replacement: String) throws {
        let text = String(decoding: ManifestCodec.encode(manifest()), as: UTF8.self)
        let broken = try #require(text.replacingFirst(field, with: replacement))
        #expect(ManifestCodec.decode(Array(broken.utf8)) == nil)
    }

    @Test func referenceLinesMustBeTogether() throws {
        let text = String(decoding: ManifestCodec.encode(manifest()), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("ref\t") })
        // A `copy` line between the two `ref` lines.
        let copy = try #require(lines.firstIndex { $0.hasPrefix("copy\t") })
        lines.insert(lines.remove(at: copy), at: first + 1)
        #expect(ManifestCodec.decode(Array(lines.joined(separator: "\n").utf8)) == nil)
    }

    /// A record written by another build of notesim is not read (the output is rebuilt whole),
    /// so its format and the pages it describes never need a version raised by hand.
    @Test func aRecordFromAnotherBuildOfNotesimIsNotRead() throws {
        let encoded = ManifestCodec.encode(manifest())
        #expect(try #require(ManifestCodec.decode(encoded)) == manifest())
        let firstLine = String(decoding: encoded.prefix { $0 != 0x0A }, as: UTF8.self)
        #expect(firstLine == "notesim-build-manifest " + BuildIdentity.current)
        let other = Array("notesim-build-manifest id 0123".utf8) + encoded.drop { $0 != 0x0A }
        #expect(ManifestCodec.decode(other) == nil)
    }
}

private extension String {
    /// The string with the first occurrence of `target` replaced; nil when there is none.
    func replacingFirst(_ target: String, with replacement: String) -> String? {
        guard let range = range(of: target) else { return nil }
        return replacingCharacters(in: range, with: replacement)
    }

}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NotesCore
import NotesMarkdown
import SearchIndex

/// A note's page as the search index sees it: the prose its parse gathered, cut at headings,
/// with the claims of its scenario blocks where the blocks stood.
///
/// Neither the scenario sources nor their figures and logs are indexed; their claims
/// (`expect:`) are. The note must still have its prose: `ParseStage.parse(…, prose: true)`
/// counts it (`Note.withSearchTerms`) and lets it go; a note without gives its title only.
enum SearchExtraction {
    /// The search document of `note`.
    static func document(of note: Note) -> SearchDocument {
        SearchDocument(url: OutputPaths.url(of: note.outputPath, from: "index.html"), title: note.title, sections: note.page.prose?.sections ?? [])
    }

    /// The claims of a scenario block, for the page's prose: the lines of its source from its
    /// top-level `expect:` to the next top-level key, each line end a space. Whole lines are
    /// copied into a string of the source's size (the claims are never longer), each line
    /// end found by `memchr`: every scenario of every page passes here.
    static func claims(ofScenario source: String) -> String {
        var source = source
        return source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return "" }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var written = 0
                var inside = false
                var lineStart = 0
                while lineStart < bytes.count {
                    let newline = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
                    let lineEnd = newline.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
                    if lineEnd > lineStart {
                        // A line that starts with neither indentation nor a list item is a top-level key.
                        let first = base[lineStart]
                        if first != 0x20, first != 0x09, first != UInt8(ascii: "-") { inside = startsWithExpect(base + lineStart, count: lineEnd - lineStart) }
                        if inside {
                            UnsafeMutableRawPointer(out.baseAddress! + written).copyMemory(from: base + lineStart, byteCount: lineEnd - lineStart)
                            written += lineEnd - lineStart
                        }
                    }
                    if lineEnd < bytes.count, inside {
                        out[written] = 0x20
                        written += 1
                    }
                    lineStart = lineEnd + 1
                }
                return written
            }
        }
    }

    /// Whether the `count` bytes at `line` start with `expect:`.
    private static func startsWithExpect(_ line: UnsafePointer<UInt8>, count: Int) -> Bool {
        let key: StaticString = "expect:"
        return count >= key.utf8CodeUnitCount && memcmp(line, key.utf8Start, key.utf8CodeUnitCount) == 0
    }
}

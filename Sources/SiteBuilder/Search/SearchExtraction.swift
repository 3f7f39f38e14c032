import NotesCore
import NotesMarkdown
import SearchIndex

/// A note's page as the search index sees it: the prose its parse gathered, cut at headings,
/// and the claims of its scenario blocks where the blocks stood.
///
/// Neither the scenario sources nor their figures and logs are indexed; their claims
/// (`expect:`) are. The note must have been parsed with its prose (`ParseStage.parse(…,
/// prose: true)`); a note without gives its title only.
enum SearchExtraction {
    /// The search document of `note`.
    static func document(of note: Note) -> SearchDocument {
        let claims = claims(of: note)
        let sections = (note.page.prose?.sections ?? []).map { section in
            SearchDocument.Section(anchor: section.anchor, heading: section.heading, text: text(of: section, claims: claims))
        }
        return SearchDocument(url: OutputPaths.url(of: note.outputPath, from: "index.html"), title: note.title, sections: sections)
    }

    /// A section's text with the claims of its scenario blocks put where the blocks stood,
    /// each set off by one space.
    private static func text(of section: PageProse.Section, claims: [Int: [UInt8]]) -> String {
        guard section.slots.contains(where: { claims[$0.slot] != nil }) else { return section.text }
        var out: [UInt8] = []
        var pieceStart = 0
        let text = Array(section.text.utf8)
        out.reserveCapacity(text.count + 256)
        func add(_ piece: ArraySlice<UInt8>) {
            var start = piece.startIndex
            var end = piece.endIndex
            while start < end, piece[start] == 0x20 { start += 1 }
            while end > start, piece[end - 1] == 0x20 { end -= 1 }
            guard start < end else { return }
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: piece[start..<end])
        }
        for place in section.slots {
            guard let claim = claims[place.slot] else { continue }
            add(text[pieceStart..<place.offset])
            add(claim[...])
            pieceStart = place.offset
        }
        add(text[pieceStart...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The claims of each slot's scenario block: the lines under its top-level `expect:`,
    /// white space collapsed.
    static func claims(of note: Note) -> [Int: [UInt8]] {
        var claims: [Int: [UInt8]] = [:]
        for block in note.page.codeBlocks {
            guard let slot = block.slot else { continue }
            var literal = block.literal
            let claim = literal.withUTF8 { expectLines(of: $0) }
            if !claim.isEmpty { claims[slot] = claim }
        }
        return claims
    }

    /// The lines of a scenario's source from its top-level `expect:` to the next top-level
    /// key, runs of white space as one space.
    private static func expectLines(of source: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var inside = false
        var space = false
        var lineStart = true
        for (index, byte) in source.enumerated() {
            if lineStart, byte != 0x0A {
                // A line that starts with neither indentation nor a list item is a top-level key.
                if byte != 0x20, byte != 0x09, byte != UInt8(ascii: "-") {
                    inside = source[index...].starts(with: "expect:".utf8)
                }
                lineStart = false
            }
            if byte == 0x0A {
                lineStart = true
                space = !out.isEmpty
                continue
            }
            guard inside else { continue }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20) }
                space = false
                out.append(byte)
            }
        }
        return out
    }
}

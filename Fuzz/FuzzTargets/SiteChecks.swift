import NotesCore
import SiteBuilder

/// The parts of the structured fuzzer's property that look at a build's result: each
/// returns the violations it finds as sentences (empty when the part holds).
enum SiteChecks {
    /// A printed diagnostic is its own lines and nothing else: no control character a note
    /// or a file name smuggled in (a `%0A` must not start a GitHub Actions command).
    static func printable(_ diagnostic: Diagnostic) -> [String] {
        let text = diagnostic.formatted
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let control = text.unicodeScalars.contains {
            $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}")
        }
        var violations: [String] = []
        if control || lines.count > (diagnostic.hint == nil ? 1 : 2) {
            violations.append("a diagnostic prints control characters or extra lines: \(text.debugDescription)")
        }
        if diagnostic.githubAnnotation.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            violations.append("a GitHub annotation spans lines: \(diagnostic.githubAnnotation.debugDescription)")
        }
        return violations
    }

    /// Every change a build makes is inside the output, the staging folder beside it, or
    /// the site's cache: never in content/, templates/, notesim.yml or anywhere else.
    static func confined(_ fileSystem: FuzzFileSystem) -> [String] {
        let allowed = ["site/public/", "site/public.notesim-", "site/.notesim-cache/"]
        return Set(fileSystem.changed).sorted().compactMap { path in
            path == "site/public" || path == "site/.notesim-cache" || allowed.contains(where: path.hasPrefix)
                ? nil : "the build changed \(path.debugDescription), outside its output"
        }
    }

    /// No file written twice by one build unless an `output.collision` error says so.
    static func overwrites(_ written: [String]) -> [String] {
        var seen: Set<String> = []
        var violations: Set<String> = []
        for path in written where !seen.insert(path).inserted {
            violations.insert("\(path.debugDescription) was written twice without an output.collision error")
        }
        return violations.sorted()
    }

    /// Link and image diagnostics point where the note wrote a link (its destination, or a
    /// reference link's text), not at column 1 or an earlier look-alike.
    static func positions(_ diagnostics: [Diagnostic], site: GeneratedSite) -> [String] {
        diagnostics.compactMap { diagnostic in
            guard diagnostic.id.hasPrefix("link.") || diagnostic.id.hasPrefix("image."), let position = diagnostic.position,
                let known = site.linkPositions[diagnostic.path], !known.contains(position)
            else { return nil }
            return "\(diagnostic.formatted.debugDescription) is at no link the note wrote"
        }
    }

    /// A note marked `draft: true` is not published (a build without `--drafts`). The pages
    /// a build makes itself (the home page, the sidebar page, 404.html) may take a draft's
    /// place, and so may a file of the site at that path (`a.html` beside a draft `a.md` is
    /// copied: no page is written there).
    static func drafts(_ site: GeneratedSite, output: [String: [UInt8]]) -> [String] {
        site.drafts.sorted().compactMap { source in
            let page = OutputPaths.html(forNote: String(source.dropFirst("content/".count)))
            guard !["index.html", "toc.html", "404.html"].contains(page), site.entries["content/" + page] == nil else { return nil }
            return output[page] == nil ? nil : "the draft \(source.debugDescription) was published as \(page.debugDescription)"
        }
    }

    /// In a clean site built without errors, every source is where it belongs, whole: each
    /// note that is not a draft has its marker in its own page, a marker is in no other file
    /// (a draft's in none), and so no file notesim generates holds one. A note or a copied
    /// file at a path notesim writes itself (`toc.md`, `404.md`, `index.html` beside
    /// `index.md`) would otherwise overwrite it, or be overwritten, without a word.
    static func published(_ site: GeneratedSite, output: [String: [UInt8]]) -> [String] {
        guard site.clean else { return [] }
        let scanned = output
        // The search index holds the text of every published note, and of nothing else.
        let indexed = { (path: String) in path.hasPrefix("search-index/") }
        var violations: [String] = []
        for (source, marker) in site.markers.sorted(by: { $0.key < $1.key }) {
            let relative = String(source.dropFirst("content/".count))
            let isNote = OutputPaths.isNote(relative)
            let home = isNote ? OutputPaths.html(forNote: relative) : relative
            let isDraft = site.drafts.contains(source)
            // Hidden files and folders (`..x.md`) are not part of the site.
            let isHidden = relative.split(separator: "/").contains { $0.hasPrefix(".") }
            let holders = scanned.filter { Addresses.contains($0.value, Array(marker.utf8)) }.keys.sorted()
            if isNote, !isDraft, !isHidden, !holders.contains(home) {
                violations.append("the note \(source.debugDescription) is not in its page \(home.debugDescription)")
            }
            for holder in holders where (holder != home && !(isNote && !isHidden && indexed(holder))) || isDraft {
                violations.append("\(holder.debugDescription) holds the text of \(source.debugDescription)\(isDraft ? ", a draft" : "")")
            }
        }
        return violations
    }

    /// Every address in every page of a site built without errors is a fragment, a web or
    /// mail address the notes wrote, or a relative URL naming a file the build wrote. A file
    /// name never becomes a scheme (`javascript:`) or a broken link (`h#1.md`, `100%.md`).
    static func addresses(_ output: [String: [UInt8]]) -> [String] {
        var violations: [String] = []
        // 404.html is served for any missing address, so it links from the root (`/…`).
        for (page, bytes) in output where page.hasSuffix(".html") && page != "404.html" {
            for address in Addresses.scan(bytes) {
                if let problem = Addresses.problem(address, in: page, output: output) {
                    violations.append("\(page.debugDescription): \(problem)")
                }
            }
        }
        return Array(Set(violations)).sorted()
    }
}

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
    /// place.
    static func drafts(_ drafts: Set<String>, output: [String: [UInt8]]) -> [String] {
        drafts.sorted().compactMap { source in
            let page = OutputPaths.html(forNote: String(source.dropFirst("content/".count)))
            guard !["index.html", "toc.html", "404.html"].contains(page) else { return nil }
            return output[page] == nil ? nil : "the draft \(source.debugDescription) was published as \(page.debugDescription)"
        }
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

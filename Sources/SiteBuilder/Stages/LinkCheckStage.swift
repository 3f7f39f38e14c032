import NotesCore
import NotesMarkdown

/// Stage 5 (links), verify: every internal link, anchor and image resolves.
///
/// Relative destinations are resolved against the note's folder inside content/; links to
/// notes must name an existing note (and an existing heading or anchor there); other files
/// must exist and are then copied to the output.
public enum LinkCheckStage {
    public struct Output: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// Files inside content/ that notes reference, to copy to the output.
        public var referencedFiles: Set<String> = []

        public init() {}
    }

    /// Checks the references of the notes in `only` (all when nil), each on its own and on
    /// every core, against all of `notes`; results by source path.
    public static func checkEach(
        notes: [Note], contentFiles: Set<String>, drafts: Set<String> = [], leftOut: Set<String> = [], only: Set<String>? = nil
    ) -> [String: Output] {
        let site = SiteIndex(notes: notes, contentFiles: contentFiles, drafts: drafts, leftOut: leftOut)
        let checked = only.map { only in notes.filter { only.contains($0.sourcePath) } } ?? notes
        let perNote = ForkJoin.map(checked) { note in
            var output = Output()
            var lookups = LinkLookups()
            for reference in note.page.references {
                check(reference, in: note, site: site, lookups: &lookups, output: &output)
            }
            return output
        }
        return Dictionary(zip(checked.map(\.sourcePath), perNote), uniquingKeysWith: { first, _ in first })
    }

    /// The error of a relative link that leaves `content/`. One that comes back in
    /// (`../content/b.md`, which GitHub follows) is told the path that stays inside: the
    /// published site is `content/`'s files, with no `content/` above them to come back to.
    private static func outsideContent(_ reference: Reference, _ destination: Destination, in note: Note, noun: String) -> Diagnostic {
        let folder = LoadStage.contentFolder + "/"
        if let fromRoot = Path.normalize(Path.join(folder + Path.directory(of: note.contentPath), destination.path)), fromRoot.hasPrefix(folder) {
            let inside = Path.rootPrefix(forFile: note.contentPath) + fromRoot.dropFirst(folder.count)
            return .error(
                "link.outside-content", path: note.sourcePath, at: reference.position,
                "\(noun) '\(reference.destination)' leaves content/ and comes back in, which the published site cannot follow",
                hint: "write it from this note inside content/: '\(inside)\(destination.suffix)'")
        }
        return .error(
            "link.outside-content", path: note.sourcePath, at: reference.position, "\(noun) '\(reference.destination)' points outside content/",
            hint: "only files inside content/ are published; move the file into content/")
    }

    private static func check(_ reference: Reference, in note: Note, site: SiteIndex, lookups: inout LinkLookups, output: inout Output) {
        let destination = Destination(reference.destination)
        let path = note.sourcePath
        let position = reference.position
        let noun = reference.kind == .image ? "image" : "link"

        switch destination.target {
        case .external:
            return
        case .absolutePath:
            output.diagnostics.append(
                .error(
                    "link.absolute-path", path: path, at: position,
                    "\(noun) '\(reference.destination)' is an absolute path, which breaks when the site is served under a sub-path or opened from disk",
                    hint: "write a path relative to this note"
                ))
        case .samePage:
            checkFragment(destination.fragment, of: note, from: note, reference: reference, lookups: &lookups, output: &output)
        case .relative:
            guard let resolved = Path.normalize(Path.join(Path.directory(of: note.contentPath), destination.path)) else {
                output.diagnostics.append(outsideContent(reference, destination, in: note, noun: noun))
                return
            }
            if destination.path.hasSuffix("/") || site.folders.contains(resolved) || resolved.isEmpty {
                guard let index = site.indexNote(inFolder: resolved) else {
                    output.diagnostics.append(
                        .error(
                            "link.missing-file", path: path, at: position,
                            "\(noun) '\(reference.destination)' names a folder without an index.md or README.md"
                        ))
                    return
                }
                checkFragment(destination.fragment, of: index, from: note, reference: reference, lookups: &lookups, output: &output)
            } else if OutputPaths.isNote(resolved) {
                if let target = site.notes[resolved] {
                    checkFragment(destination.fragment, of: target, from: note, reference: reference, lookups: &lookups, output: &output)
                } else if site.drafts.contains(resolved) {
                    output.diagnostics.append(
                        .error(
                            "link.draft", path: path, at: position,
                            "\(noun) '\(reference.destination)' points to a draft, which is not published",
                            hint: "remove 'draft: true' from that note, or build with --drafts"
                        ))
                } else if site.leftOut.contains(resolved) {
                    output.diagnostics.append(
                        .error(
                            "link.left-out", path: path, at: position,
                            "\(noun) '\(reference.destination)' points to a note left out of the site by its own error",
                            hint: "fix the error reported for \(Path.join(LoadStage.contentFolder, resolved))"
                        ))
                } else {
                    missing(reference, resolved: resolved, site: site, path: path, lookups: &lookups, output: &output)
                }
            } else if let stored = site.contentFiles.firstIndex(of: resolved) {
                // The name as on disk: Swift finds a decomposed name from a precomposed link
                // (`PathNormalization`), and the copy reads the file by its own bytes.
                output.referencedFiles.insert(site.contentFiles[stored])
            } else {
                missing(reference, resolved: resolved, site: site, path: path, lookups: &lookups, output: &output)
            }
        }
    }

    private static func missing(
        _ reference: Reference, resolved: String, site: SiteIndex, path: String, lookups: inout LinkLookups, output: inout Output
    ) {
        let folder = Path.directory(of: resolved)
        let name = Path.lastComponent(of: resolved)
        let hint = lookups.suggestFile(named: name, inFolder: folder, site: site).map { suggestion in
            let written = Path.directory(of: Destination(reference.destination).rawPath)
            return "did you mean '\(written.isEmpty ? suggestion : written + "/" + suggestion)'?"
        }
        let isImage = reference.kind == .image
        output.diagnostics.append(
            .error(
                isImage ? "image.missing" : "link.missing-file", path: path, at: reference.position,
                "\(isImage ? "image" : "link target") '\(reference.destination)' does not exist (looked for \(Path.join(LoadStage.contentFolder, resolved)))",
                hint: hint
            ))
    }

    private static func checkFragment(
        _ fragment: String?, of target: Note, from note: Note, reference: Reference, lookups: inout LinkLookups, output: inout Output
    ) {
        guard let fragment, !fragment.isEmpty else { return }
        guard !lookups.hasAnchor(fragment, in: target) else { return }
        let samePage = target.contentPath == note.contentPath
        let suggestion = lookups.suggestAnchor(for: fragment, in: target)
        let message =
            samePage
            ? "no heading or anchor '#\(fragment)' on this page"
            : "'\(Path.join(LoadStage.contentFolder, target.contentPath))' has no heading or anchor '#\(fragment)'"
        output.diagnostics.append(
            .error(
                "link.broken-anchor", path: note.sourcePath, at: reference.position, message,
                hint: suggestion.map { "did you mean '#\($0)'?" }
            ))
    }
}

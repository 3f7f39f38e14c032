import SiteBuilder

/// The property's second build: a clean site that built is edited and built again into the
/// same output, incrementally as `notesim build` is after a change, and the output must then
/// hold what a fresh build of the edited site writes.
///
/// Why: an incremental build reuses the last build's pages, links and scenario results; a
/// page the edit made stale that stays, or one it did not touch that goes, is a wrong site
/// published without a word (issue 18, point 7), and no single build can show it.
enum Rebuild {
    /// The site after one edit, chosen by `choice`: a note's text added to, a note removed,
    /// a note added, or a note's text replaced.
    static func edited(_ site: GeneratedSite, choice: Int) -> GeneratedSite {
        var site = site
        let notes = site.entries.keys.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }.sorted()
        guard !notes.isEmpty else { return site }
        let note = notes[choice % notes.count]
        switch choice / notes.count % 4 {
        case 0:
            if case .file(let bytes) = site.entries[note] { site.entries[note] = .file(bytes + Array("\n\nfuzzedit\n".utf8)) }
        case 1: site.entries[note] = nil
        case 2: site.entries["content/added.md"] = .file(Array("# Added\n\nfuzzadded\n".utf8))
        default: site.entries[note] = .file(Array("# Replaced\n\nfuzzreplaced\n".utf8))
        }
        return site
    }

    /// The differences between the incremental build of the edited site and a fresh one.
    static func check(_ site: GeneratedSite, fileSystem: FuzzFileSystem, choice: Int) -> [String] {
        let edited = edited(site, choice: choice)
        for path in Set(site.entries.keys).union(edited.entries.keys) where site.entries[path] != edited.entries[path] {
            fileSystem.edit(Path.join("site", path), edited.entries[path])
        }
        let again = SiteBuild.run(
            siteDirectory: "site", output: "site/public", fileSystem: fileSystem, options: SitePipeline.Options(), writeWithErrors: false,
            incremental: true)
        let freshSystem = FuzzFileSystem(site: edited.entries, root: "site")
        let fresh = SiteBuild.run(
            siteDirectory: "site", output: "site/public", fileSystem: freshSystem, options: SitePipeline.Options(), writeWithErrors: false,
            incremental: false)
        guard again.result.hasErrors == fresh.result.hasErrors, (again.writeError == nil) == (fresh.writeError == nil) else {
            return ["after an edit, the incremental build's errors differ from a fresh build's"]
        }
        // An edit can break the site (a removed note that others link to): nothing is written.
        guard !fresh.result.hasErrors, fresh.writeError == nil else { return [] }
        let (incremental, whole) = (output(fileSystem), output(freshSystem))
        var violations: [String] = []
        for path in Set(incremental.keys).union(whole.keys).sorted() where incremental[path] != whole[path] {
            let what = incremental[path] == nil ? "is missing" : whole[path] == nil ? "is left over" : "differs"
            violations.append("after an edit, \(path.debugDescription) \(what) in the incremental build (a fresh build differs)")
        }
        return Array(violations.prefix(5))
    }

    /// The output's files by path inside it, without notesim's own records (`.notesim-…`).
    private static func output(_ fileSystem: FuzzFileSystem) -> [String: [UInt8]] {
        fileSystem.files.reduce(into: [:]) { output, file in
            guard file.key.hasPrefix("site/public/") else { return }
            let path = String(file.key.dropFirst("site/public/".count))
            if path.split(separator: "/").last?.hasPrefix(".notesim") != true { output[path] = file.value }
        }
    }
}

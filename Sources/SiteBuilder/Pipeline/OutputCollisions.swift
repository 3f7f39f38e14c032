import NotesCore
import SearchIndex

/// Errors for two sources that would write the same output file: a note or a linked file
/// against a file notesim generates (the sidebar page, 404, robots.txt, the sitemap, the home
/// page, the sidebar script, the theme's `assets/`, the search index's `search-index/`), or a
/// linked file against a note's page. Without them the last one written would silently win.
enum OutputCollisions {
    /// What notesim itself writes at a path, in words, or nil.
    static func generated(_ path: String, config: SiteConfig) -> String? {
        switch path {
        case RenderStage.tocPage: return "the sidebar page"
        case "404.html": return "the not-found page"
        case "robots.txt": return "the robots.txt notesim writes"
        case PublishingFiles.nojekyll: return "the .nojekyll file notesim writes for GitHub Pages"
        case "sitemap.xml": return config.baseURL.isEmpty ? nil : "the sitemap"
        default: break
        }
        if path.hasPrefix(RenderStage.assetsFolder + "/") { return "the theme's \(RenderStage.assetsFolder)/ folder" }
        if path.hasPrefix(IndexLayout.folder + "/") { return "the search index's \(IndexLayout.folder)/ folder" }
        if !path.contains("/"), path.hasPrefix("toc."), path.hasSuffix(".js") { return "the sidebar script" }
        if ScenarioLog.isLogPath(path) { return "the name of a scenario's event log page" }
        return nil
    }

    /// Every collision among the notes' pages, the files notes link to (copied to the same
    /// path under the output) and the generated files.
    static func check(notes: [Note], byOutput: [String: Note], referencedFiles: Set<String>, config: SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for note in notes {
            guard let owner = generated(note.outputPath, config: config) else { continue }
            diagnostics.append(
                .error(
                    "output.collision", path: note.sourcePath, at: nil,
                    "this note would become \(note.outputPath), which is \(owner)",
                    hint: "rename the note or move it into a folder"))
        }
        for file in referencedFiles.sorted() {
            let source = Path.join(LoadStage.contentFolder, file)
            if let note = byOutput[file] {
                diagnostics.append(
                    .error(
                        "output.collision", path: source, at: nil,
                        "this file would be copied to \(file), where the page of \(note.sourcePath) is written",
                        hint: "rename the file or the note"))
            } else if let owner = generated(file, config: config) ?? (file == "index.html" ? "the home page" : nil) {
                diagnostics.append(
                    .error(
                        "output.collision", path: source, at: nil,
                        "this file would be copied to \(file), which is \(owner)",
                        hint: "rename the file or move it into a folder"))
            }
        }
        return diagnostics
    }
}

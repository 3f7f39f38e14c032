import NotesCore

/// Stage 7, write: puts the rendered files on disk atomically (the pipeline's output end).
///
/// Files go to a staging folder beside the output; the two are then swapped in one
/// `renameat2(RENAME_EXCHANGE)`, so readers see the old site or the new one, never a mix,
/// and a failure or a kill at any moment leaves the previous output intact. A leftover
/// staging folder from an interrupted build is removed by the next one.
public enum WriteStage {
    /// The file that marks a folder as notesim output (safe to replace).
    public static let markerFile = OutputMarker.fileName

    /// The staging folder used for `output`.
    public static func stagingPath(for output: String) -> String {
        output + ".notesim-staging"
    }

    /// Why an output folder is refused, or nil when it may be written. `published` is the
    /// built site when `output` is where `publish --to` copies it: the copy may then not go
    /// into that site or hold it (a copy inside the site it copies grew a level with every
    /// publish, and was published along with it).
    public static func refusal(output: String, siteDirectory: String, fileSystem: any FileSystem, published: String? = nil) -> Diagnostic? {
        let option = published == nil ? "--output" : "--to"
        func refuse(_ message: String, hint: String? = nil) -> Diagnostic {
            .error("output.refused", path: output, at: nil, message, hint: hint)
        }
        let target = canonical(output, fileSystem: fileSystem)
        if let published {
            let built = canonical(published, fileSystem: fileSystem)
            if target == built || target.hasPrefix(built + "/") || built.hasPrefix(target == "/" ? "/" : target + "/") {
                return refuse(
                    "refusing to publish the site into itself, a folder inside it or a folder that holds it", hint: "choose a folder outside \(published)/")
            }
        }
        let site = canonical(siteDirectory, fileSystem: fileSystem)
        let home = canonical(fileSystem.homeDirectory, fileSystem: fileSystem)
        if target == "/" { return refuse("refusing to use / as the output directory") }
        if target == home { return refuse("refusing to use the home directory as the output directory") }
        for folder in [LoadStage.contentFolder, LoadStage.templatesFolder] {
            let protected = site == "/" ? "/" + folder : site + "/" + folder
            if target == protected || target.hasPrefix(protected + "/") {
                return refuse("refusing to write the site into \(folder)/", hint: "choose an output directory outside content/ and templates/")
            }
        }
        if target == site || site.hasPrefix(target == "/" ? "/" : target + "/") {
            return refuse("refusing to use the site directory or a folder that contains it as the output directory")
        }
        if fileSystem.kind(of: output) == .directory {
            let entries = (try? fileSystem.contents(ofDirectory: output)) ?? []
            if !entries.isEmpty && !entries.contains(markerFile) {
                return refuse(
                    "the output directory is not empty and was not written by notesim",
                    hint: "empty it, or choose another directory with \(option)"
                )
            }
        } else if fileSystem.kind(of: output) != nil {
            return refuse("the output path exists and is not a directory")
        }
        return nil
    }

    /// Writes `files` into `output`, replacing its previous contents atomically.
    /// - Parameters:
    ///   - siteDirectory: where `.copy` sources are read from.
    ///   - progress: hears of each file written.
    public static func write(
        _ files: [OutputFile], to output: String, siteDirectory: String, fileSystem: any FileSystem, progress: BuildProgress.Handler? = nil
    ) throws(Diagnostic) {
        let spool = try stage(output, siteDirectory: siteDirectory, fileSystem: fileSystem)
        try finish(spool, adding: files, output: output, fileSystem: fileSystem, progress: progress)
    }

    /// Checks that `output` may be written and starts an empty staging folder beside it, to
    /// be filled (pages can stream into it as they are rendered) and then `finish`ed.
    public static func stage(_ output: String, siteDirectory: String, fileSystem: any FileSystem) throws(Diagnostic) -> PageSpool {
        if let refusal = refusal(output: output, siteDirectory: siteDirectory, fileSystem: fileSystem) { throw refusal }
        let staging = stagingPath(for: output)
        do {
            try fileSystem.removeItem(staging)
            try fileSystem.createDirectory(staging)
        } catch {
            throw .error("output.write-failed", path: output, at: nil, "could not write the site: \(error); the previous output is unchanged")
        }
        return PageSpool(folder: staging, siteDirectory: siteDirectory, fileSystem: fileSystem)
    }

    /// Adds `files` to the staging folder and swaps it in for `output`. On any failure the
    /// staging folder is removed and the previous output stays as it was.
    public static func finish(
        _ spool: PageSpool, adding files: [OutputFile], output: String, fileSystem: any FileSystem, progress: BuildProgress.Handler? = nil
    ) throws(Diagnostic) {
        let staging = spool.folder
        // The files not streamed in already (all of them, for `write`; the search index's
        // shards and chunks, a tenth of a large site's bytes), on every core.
        let done = SharedCounter()
        _ = ForkJoin.map(files) { file in
            spool.put(file)
            let count = done.add()
            if count % 64 == 0 || count == files.count { progress?(BuildProgress(.files, done: count, total: files.count)) }
        }
        do {
            if let error = spool.error { throw error }
            try fileSystem.writeFile(Path.join(staging, markerFile), contents: OutputMarker.contents(.complete(stamp: OutputMarker.stamp(of: spool.written))))
        } catch {
            discard(spool, fileSystem: fileSystem)
            throw .error("output.write-failed", path: output, at: nil, "could not write the site: \(error); the previous output is unchanged")
        }
        do {
            if fileSystem.kind(of: output) == .directory {
                try swap(staging, output, fileSystem: fileSystem)
                try fileSystem.removeItem(staging)
            } else {
                try fileSystem.moveItem(staging, to: output)
            }
        } catch {
            throw .error("output.write-failed", path: output, at: nil, "could not replace the output directory: \(error)")
        }
    }

    /// Removes a staging folder that will not be published.
    public static func discard(_ spool: PageSpool, fileSystem: any FileSystem) {
        try? fileSystem.removeItem(spool.folder)
    }

    /// Exchanges two folders; where the file system cannot, falls back to two renames.
    private static func swap(_ staging: String, _ output: String, fileSystem: any FileSystem) throws {
        do {
            try fileSystem.exchangeItems(staging, output)
        } catch let error as FileSystemError where error.reason != .notFound && error.reason != .permissionDenied {
            let old = output + ".notesim-old"
            try fileSystem.removeItem(old)
            try fileSystem.moveItem(output, to: old)
            try fileSystem.moveItem(staging, to: output)
            try fileSystem.moveItem(old, to: staging)
        }
    }

    /// The absolute path `path` names, its symbolic links resolved, also when it does not
    /// exist yet (its nearest existing parent resolved).
    static func canonical(_ path: String, fileSystem: any FileSystem) -> String {
        if let resolved = fileSystem.canonicalPath(path) { return resolved }
        let parent = Path.directory(of: path)
        let name = Path.lastComponent(of: path)
        let base = parent.isEmpty ? (fileSystem.canonicalPath(".") ?? ".") : canonical(parent, fileSystem: fileSystem)
        return base == "/" ? "/" + name : base + "/" + name
    }
}

import NotesCore

/// `notesim build` and the preview's rebuilds: the pipeline between its two ends, reading
/// what the last build left and writing only what changed.
///
/// The first build of an output folder (and any build after the settings, the templates or
/// notesim itself changed) writes the whole site into a staging folder and swaps it in
/// atomically. Later builds parse only the notes whose bytes changed, render only the pages
/// whose inputs changed, and replace only the files whose bytes changed, each atomically.
/// A marker file brackets such an in-place update: a build that finds it (the last one was
/// killed halfway) does a full build, which repairs the output.
public enum SiteBuild {
    /// What a build did.
    public struct Report: Sendable {
        public var result: SitePipeline.Result
        /// Whether the output was updated in place (false: written whole, or not written).
        public var incremental: Bool
        /// Files written, files deleted, and files left as they were.
        public var written = 0
        public var deleted = 0
        public var unchanged = 0
        /// Whether a build without search kept an earlier build's index (`KeptSearchIndex`).
        public var searchIndexKept = false
        /// Why the output could not be written, if it could not.
        public var writeError: Diagnostic?
        /// Whether that failure came during an update in place, which may have changed some
        /// files already (its marker makes the next build a whole one): the summary must not
        /// say the output was left unchanged.
        public var partlyUpdated = false
        /// The manifest of the output as written (a long-running caller passes it to its next
        /// build; the result does not hold it too).
        public var manifest: BuildManifest?
    }

    /// The folder of the build manifest and the in-progress marker of one output folder
    /// (`build` and `serve` write different folders and keep separate manifests). Named after
    /// the folder itself, however its path is written (`site/public`, `public` from inside
    /// the site, a trailing slash, a symbolic link).
    public static func stateFolder(siteDirectory: String, output: String, fileSystem: any FileSystem) -> String {
        let canonical = WriteStage.canonical(output, fileSystem: fileSystem)
        return Path.join(siteDirectory, ".notesim-cache", "build", FNV1a.hex(FNV1a.hash(canonical.utf8)))
    }

    /// Locks the folder that holds `output` (nil when it does not exist yet), so that two
    /// builds writing the same output, from two sites or by two paths, take turns: they
    /// share its staging folder beside it and its files.
    public static func lockOutput(_ output: String, fileSystem: any FileSystem) throws -> (any FileLock)? {
        let parent = Path.directory(of: WriteStage.canonical(Path.trimmingTrailingSlashes(output), fileSystem: fileSystem))
        guard fileSystem.kind(of: parent.isEmpty ? "/" : parent) == .directory else { return nil }
        return try fileSystem.lock(parent.isEmpty ? "/" : parent)
    }

    /// Builds the site in `siteDirectory` into `output`.
    /// - Parameters:
    ///   - writeWithErrors: write even when there are errors (`--keep-going`).
    ///   - incremental: reuse the last build's output when possible.
    ///   - remembered: the manifest a long-running caller kept from its last build (the
    ///     preview server); then the manifest is neither read from nor written to disk.
    ///   - listing: content/ as the caller listed it moments ago (the preview's watcher), so
    ///     that it is not listed and stamped again.
    public static func run(
        siteDirectory: String, output: String, fileSystem: any FileSystem, options: SitePipeline.Options,
        writeWithErrors: Bool = false, incremental: Bool = true,
        remembered: BuildManifest? = nil, listing: LoadStage.Listing? = nil
    ) -> Report {
        let output = Path.trimmingTrailingSlashes(output)
        let files = StateFiles(siteDirectory: siteDirectory, output: output, fileSystem: fileSystem)
        let last = LastBuild(files: files, output: output, fileSystem: fileSystem, incremental: incremental, remembered: remembered)
        let loaded = LoadStage.load(siteDirectory: siteDirectory, fileSystem: fileSystem, stamping: true, unchangedCheck: last.unchangedCheck, listing: listing)
        let previous = last.manifest()
        // In place when the last build's output was made with the same settings, templates
        // and notesim; otherwise whole, into a staging folder the pages stream into.
        let globalKey = SitePipeline.globalKey(loaded: loaded, builtinTheme: BuiltinTheme.files, options: options)
        let inPlace = previous.map { $0.globalKey == globalKey } ?? false
        let reuse = previous.map { manifest in
            SitePipeline.Reuse(
                manifest: manifest, read: { path in try? fileSystem.readFile(Path.join(siteDirectory, path)) },
                readOutput: { path in try? fileSystem.readFile(Path.join(output, path)) },
                readState: { [folder = files.folder] path in try? fileSystem.readFile(Path.join(folder, path)) })
        }
        var options = options
        let spool = inPlace ? nil : try? WriteStage.stage(output, siteDirectory: siteDirectory, fileSystem: fileSystem)
        options.pageSink = spool
        var result = SitePipeline.run(loaded: loaded, builtinTheme: BuiltinTheme.files, options: options, reuse: reuse)
        // The manifest goes on alone: the report's copy of the result does not hold it.
        let built = result.manifest.take()
        var report = Report(result: result, incremental: false)
        guard !result.hasErrors || (writeWithErrors && !result.files.isEmpty), var manifest = built else {
            if let spool { WriteStage.discard(spool, fileSystem: fileSystem) }
            return report
        }
        let target = Target(
            output: output, siteDirectory: siteDirectory, fileSystem: fileSystem, state: files, progress: options.progress,
            keepsSearchIndex: options.search == false)
        do {
            if let previous, inPlace {
                try updateInPlace(previous: previous, result: result, manifest: &manifest, target: target, report: &report)
            } else {
                try writeWhole(staged: spool, result: result, manifest: &manifest, target: target, report: &report)
            }
            try KeptTermsFolder.write(result.stateFiles, whole: !inPlace, target: target)
            try record(manifest, remembered: remembered != nil, previous: previous, target: target, report: &report)
        } catch let error as Diagnostic {
            report.writeError = error
            report.partlyUpdated = inPlace
        } catch {
            report.writeError = .error("output.write-failed", path: output, at: nil, "could not update the site: \(error); the next build rebuilds it whole")
            report.partlyUpdated = inPlace
        }
        return report
    }

    /// The files beside an output that remember its last build: the manifest and the
    /// in-progress marker of an update in place.
    struct StateFiles {
        let folder: String
        let manifest: String
        let marker: String

        init(siteDirectory: String, output: String, fileSystem: any FileSystem) {
            folder = SiteBuild.stateFolder(siteDirectory: siteDirectory, output: output, fileSystem: fileSystem)
            manifest = Path.join(folder, "manifest")
            marker = Path.join(folder, "in-progress")
        }
    }

    /// What the last build of an output left, read on another thread while the notes are
    /// listed and stamped.
    struct LastBuild {
        /// Whether the output is as a finished build left it: no interrupted update (either
        /// marker), still a notesim output. Only then does a manifest count, and a stored one
        /// only when it describes the files there now (`OutputMarker.stamp`): another site or
        /// another path to the same folder may have written it since.
        let usable: Bool
        private let stored: Background<BuildManifest?>?
        private let remembered: BuildManifest?

        init(files: StateFiles, output: String, fileSystem: any FileSystem, incremental: Bool, remembered: BuildManifest?) {
            let outputState = OutputMarker.read(output: output, fileSystem: fileSystem)
            guard fileSystem.kind(of: files.marker) == nil, case .complete(let stamp) = outputState else {
                (usable, stored, self.remembered) = (false, nil, nil)
                return
            }
            usable = incremental
            self.remembered = remembered
            stored =
                usable && remembered == nil
                ? Background {
                    SiteBuild.storedManifest(at: files.manifest, output: output, fileSystem: fileSystem)
                        .flatMap { OutputMarker.stamp(of: $0.files) == stamp ? $0 : nil }
                        .flatMap { Self.allThere($0, output: output, fileSystem: fileSystem) ? $0 : nil }
                } : nil
        }

        /// Whether every file the last build wrote is still in the output: one deleted by
        /// hand (a page, an event log, a shard of the index) would otherwise stay missing,
        /// since an update in place writes only what changed. The output is then built
        /// whole. Checked beside the listing of the notes, one `fstatat` per file. (`serve`
        /// remembers its manifest and owns its output: not checked there.)
        static func allThere(_ manifest: BuildManifest, output: String, fileSystem: any FileSystem) -> Bool {
            !fileSystem.stamps(of: Array(manifest.files.keys), under: output).contains(nil)
        }

        /// The last build's manifest, when it counts.
        func manifest() -> BuildManifest? {
            usable ? remembered ?? stored?.value : nil
        }

        /// Every build records the notes' stamps, a full one too: the next build then reads
        /// only the notes whose stamps changed. Without a last manifest, each note is stamped
        /// as it is read.
        var unchangedCheck: (() -> (@Sendable (String, FileStamp) -> Bool)?)? {
            guard usable else { return nil }
            return { [self] in
                guard let known = manifest() else { return { _, _ in false } }
                return { path, stamp in known.notes[path]?.stamp == stamp }
            }
        }
    }

    /// Where and how a build writes: the output and the state files.
    struct Target {
        let output: String
        let siteDirectory: String
        let fileSystem: any FileSystem
        let state: StateFiles
        let progress: BuildProgress.Handler?
        /// Whether an earlier build's search index is kept: a build told not to index this
        /// time (`--no-search`), not a site with `search: false`, whose index is removed.
        let keepsSearchIndex: Bool
    }

    /// Updates the output in place, bracketed by the in-progress marker: replaces the files
    /// whose bytes changed and deletes those gone (the search index's files among them).
    private static func updateInPlace(
        previous: BuildManifest, result: SitePipeline.Result, manifest: inout BuildManifest,
        target: Target, report: inout Report
    ) throws {
        let fileSystem = target.fileSystem
        let hashes = ForkJoin.map(result.files) { file -> UInt64 in
            switch file.content {
            case .bytes(let bytes): return ContentHash.of(bytes)
            case .copy(let source): return (try? fileSystem.readFile(Path.join(target.siteDirectory, source))).map(ContentHash.of) ?? 0
            }
        }
        manifest.files = result.keptFiles
        for (file, hash) in zip(result.files, hashes) { manifest.files[file.path] = hash }
        report.incremental = true
        report.searchIndexKept = target.keepsSearchIndex && result.keptFiles.keys.contains(where: KeptSearchIndex.contains)
        // What a killed full build may have left beside the output.
        try? fileSystem.removeItem(WriteStage.stagingPath(for: target.output))
        try fileSystem.createDirectory(target.state.folder)
        try fileSystem.writeFile(target.state.marker, contents: Array("in progress\n".utf8))
        let marker = Path.join(target.output, OutputMarker.fileName)
        try fileSystem.replaceFile(marker, contents: OutputMarker.contents(.updating))
        try update(
            previous: previous, files: result.files, hashes: hashes, kept: result.keptFiles, output: target.output,
            siteDirectory: target.siteDirectory, fileSystem: fileSystem, progress: target.progress, report: &report)
        try fileSystem.replaceFile(marker, contents: OutputMarker.contents(.complete(stamp: OutputMarker.stamp(of: manifest.files))))
    }

    /// Writes the whole site: the pages already streamed into the staging folder, then the
    /// rest, and swaps the folder in.
    private static func writeWhole(
        staged spool: PageSpool?, result: SitePipeline.Result, manifest: inout BuildManifest,
        target: Target, report: inout Report
    ) throws {
        let fileSystem = target.fileSystem
        // A kill during a full build must not leave a manifest that describes the old output.
        try? fileSystem.removeItem(target.state.manifest)
        // Without a staging folder (it could not be made before the run), staging again
        // reports why, or writes everything now.
        let staged = try spool ?? WriteStage.stage(target.output, siteDirectory: target.siteDirectory, fileSystem: fileSystem)
        if target.keepsSearchIndex, fileSystem.kind(of: target.output) == .directory {
            report.searchIndexKept = KeptSearchIndex.carry(from: target.output, into: staged, fileSystem: fileSystem) > 0
        }
        try WriteStage.finish(staged, adding: result.files, output: target.output, fileSystem: fileSystem, progress: target.progress)
        // Every file went through the staging folder, which hashed it as it was written.
        manifest.files = staged.written
        report.written = manifest.files.count
    }

    /// Records the manifest of the output as written (also with --keep-going's errors: each
    /// note's record carries its diagnostics), on disk or, for a caller that keeps it in
    /// memory, in the report only; then removes the in-progress marker.
    private static func record(_ manifest: BuildManifest, remembered: Bool, previous: BuildManifest?, target: Target, report: inout Report) throws {
        var manifest = manifest
        let fileSystem = target.fileSystem
        manifest.output = fileSystem.canonicalPath(target.output) ?? target.output
        if !remembered {
            try fileSystem.createDirectory(target.state.folder)
            try store(manifest, at: target.state.manifest, inPlace: report.incremental, previous: previous, fileSystem: fileSystem)
        } else {
            // Kept in memory by the caller; a stale copy on disk must not be trusted later.
            try? fileSystem.removeItem(target.state.manifest)
        }
        report.manifest = manifest
        try? fileSystem.removeItem(target.state.marker)
    }

    /// The most parts of changes a manifest takes before it is written whole again: decoding
    /// a part costs microseconds, writing 7 MB milliseconds.
    public static let patchLimit = 64

    /// The manifest on disk, if it describes `output`.
    fileprivate static func storedManifest(at path: String, output: String, fileSystem: any FileSystem) -> BuildManifest? {
        guard let bytes = try? fileSystem.mapFile(path), let manifest = ManifestCodec.decode(bytes),
            manifest.output == fileSystem.canonicalPath(output)
        else { return nil }
        return manifest
    }

    /// Writes the manifest. An update in place is bracketed by the in-progress marker (a build
    /// killed while writing leaves it, and the next build is a full one): what changed since
    /// the stored manifest is appended to it. A full build replaces it whole, and so does an
    /// update once the appended changes would outgrow half of the whole manifest or number
    /// `patchLimit` (each is decoded by every later build) — never in place: the records read
    /// from it keep slices of its mapped bytes.
    private static func store(_ manifest: BuildManifest, at path: String, inPlace: Bool, previous: BuildManifest?, fileSystem: any FileSystem) throws {
        if inPlace, let previous, let size = previous.storedSize, size.patches < patchLimit,
            let changes = ManifestCodec.encodeChanges(manifest, since: previous), size.appended + changes.count <= size.whole / 2
        {
            if !changes.isEmpty { try fileSystem.appendFile(path, contents: changes) }
        } else {
            try fileSystem.replaceFile(path, contents: ManifestCodec.encode(manifest))
        }
    }

    /// Replaces the files whose bytes changed and deletes those no longer produced.
    private static func update(
        previous: BuildManifest, files: [OutputFile], hashes: [UInt64], kept: [String: UInt64], output: String,
        siteDirectory: String, fileSystem: any FileSystem, progress: BuildProgress.Handler?, report: inout Report
    ) throws {
        var folders: Set<String> = []
        for (index, (file, hash)) in zip(files, hashes).enumerated() {
            let target = Path.join(output, file.path)
            if previous.files[file.path] == hash, fileSystem.kind(of: target) == .file {
                report.unchanged += 1
                continue
            }
            let folder = Path.directory(of: file.path)
            if !folder.isEmpty, folders.insert(folder).inserted { try fileSystem.createDirectory(Path.join(output, folder)) }
            let bytes: [UInt8]
            switch file.content {
            case .bytes(let generated): bytes = generated
            case .copy(let source): bytes = try fileSystem.readFile(Path.join(siteDirectory, source))
            }
            try fileSystem.replaceFile(target, contents: bytes)
            report.written += 1
            if index + 1 == files.count { progress?(BuildProgress(.files, done: files.count, total: files.count)) }
        }
        report.unchanged += kept.count
        // What the last build wrote and this one neither wrote nor kept (few: sorted after
        // filtering). Kept files are all the last build's: when they and the others written
        // again add up to all the last build's files, none is gone.
        let written = Set(files.map(\.path))
        let survivors = kept.count + written.count { previous.files[$0] != nil && kept[$0] == nil }
        guard survivors < previous.files.count else { return }
        var emptied: Set<String> = []
        for path in previous.files.keys.filter({ kept[$0] == nil && !written.contains($0) }).sorted() {
            try fileSystem.removeItem(Path.join(output, path))
            report.deleted += 1
            emptied.insert(Path.directory(of: path))
        }
        // A folder of notes renamed or deleted leaves no empty folder, as a whole build would not.
        fileSystem.removeEmptyFolders(emptied, under: output)
    }
}

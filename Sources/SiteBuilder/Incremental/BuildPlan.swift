import NotesCore

/// What a build must do, from the loaded site and the last build's record: which notes to
/// parse, and which notes' records stand as they were.
///
/// A full build (no usable record) parses every note. An incremental build keeps the records
/// of notes whose bytes did not change (shared with the last manifest, not copied one by
/// one) and parses the rest; the later steps ask it whether links must be checked again
/// (`linksStable`) and which pages to render (`RenderPlan`).
struct BuildPlan {
    /// The last build's record, when it was made with the same settings, templates and notesim.
    let previous: BuildManifest?
    /// Records of the notes that did not change, by source path.
    var kept: [String: BuildManifest.NoteRecord]
    /// The notes to parse; bytes nil for a note the load stage left to be read while parsing
    /// (`LoadStage.Output.unread`).
    var sources: [(path: String, bytes: [UInt8]?)] = []
    /// Notes that disappeared between listing and reading.
    var diagnostics: [Diagnostic] = []

    /// Plans the build of `loaded` against `previous`; `reread` reads a note the load stage
    /// found unchanged but whose record is missing.
    init(loaded: LoadStage.Output, previous: BuildManifest?, reread: (@Sendable (String) -> [UInt8]?)?) {
        self.previous = previous
        kept = previous?.notes ?? [:]
        var keptCount = 0
        for path in loaded.unread {
            kept[path] = nil
            sources.append((path, nil))
        }
        for (path, bytes) in loaded.notes {
            if let record = kept[path], record.sourceHash == ContentHash.of(bytes) {
                if let stamp = loaded.stamps[path] { kept[path]?.stamp = stamp }
                keptCount += 1
            } else {
                kept[path] = nil
                sources.append((path, bytes))
            }
        }
        for (path, _) in loaded.unchanged {
            if kept[path] != nil {
                keptCount += 1
            } else if let bytes = reread?(path) {
                sources.append((path, bytes))
            } else {
                diagnostics.append(.error("file.unreadable", path: path, at: nil, "cannot read the file: it disappeared while reading"))
            }
        }
        // Notes the last build had that are gone now.
        if kept.count > keptCount {
            let present = Set(loaded.unread + loaded.notes.map(\.path) + loaded.unchanged.map(\.path))
            kept = kept.filter { present.contains($0.key) }
        }
    }

    /// Whether the kept notes' links give what they gave last time, so that only the changed
    /// notes' links are checked: the same notes, folders and files, and every changed note
    /// with the same anchors, path and draft flag.
    func linksStable(fresh: [Note], contentKey: UInt64) -> Bool {
        guard let previous else { return false }
        // The same notes: kept ones come from the last manifest and changed ones must be in
        // it too, so counting suffices.
        return previous.contentKey == contentKey
            && previous.notes.count == kept.count + fresh.count
            && fresh.allSatisfy { note in
                guard let old = previous.notes[note.sourcePath]?.summary else { return false }
                return old.anchors == note.anchorNames && old.frontMatter.draft == note.frontMatter.draft
            }
    }

    /// Moves the kept records out of the plan, so that the one taking them holds the only
    /// reference and can change them without copying the dictionary.
    mutating func takeKept() -> [String: BuildManifest.NoteRecord] {
        let records = kept
        kept = [:]
        return records
    }

    /// The kept notes as `Note`s in path order (no HTML; references only when links are
    /// checked again), made on every core.
    func keptNotes(withReferences: Bool) -> [Note] {
        ForkJoin.map(Self.sortedRecords(kept, order: previous?.sortedNotePaths)) { $0.summary.note(withReferences: withReferences) }
    }

    /// The records in path order: `order` (the last manifest's sorted paths) filtered to the
    /// records present, or sorted anew when a record is not in it.
    private static func sortedRecords(_ records: [String: BuildManifest.NoteRecord], order: [String]?) -> [BuildManifest.NoteRecord] {
        if let order, order.count >= records.count {
            let inOrder = order.compactMap { records[$0] }
            if inOrder.count == records.count { return inOrder }
        }
        return records.sorted { $0.key < $1.key }.map(\.value)
    }
}

/// The reading order of the site and the sidebar tree, computed once per build.
///
/// Within each folder its index note comes first, then notes and subfolders ordered by
/// front-matter `order` (a subfolder takes its index note's), then by name. Reading order
/// is that tree, depth first.
public struct Navigation: Sendable {
    /// One entry of the sidebar tree.
    public struct Entry: Sendable, Equatable {
        public var title: String
        /// The page's output path, nil for a folder without an index note.
        public var outputPath: String?
        public var children: [Entry]

        public init(title: String, outputPath: String?, children: [Entry]) {
            self.title = title
            self.outputPath = outputPath
            self.children = children
        }
    }

    /// Notes in reading order (output paths).
    public let readingOrder: [String]
    /// The sidebar: the root index page (if any) followed by the tree.
    public let entries: [Entry]
    private let positions: [String: Int]

    public init(notes: [Note]) {
        // The tree holds indices into `notes`: indices are cheap to sort and move, notes carry
        // reference-counted fields.
        let root = Folder.build(notes: notes)
        var order: [String] = []
        order.reserveCapacity(notes.count)
        var entries: [Entry] = []
        if let index = root.index {
            order.append(notes[index].outputPath)
            entries.append(Entry(title: notes[index].title, outputPath: notes[index].outputPath, children: []))
        }
        entries += root.walk(notes: notes, order: &order)
        self.readingOrder = order
        self.entries = entries
        var positions: [String: Int] = [:]
        positions.reserveCapacity(order.count)
        for (offset, path) in order.enumerated() { positions[path] = offset }
        self.positions = positions
    }

    /// The pages before and after a page in reading order.
    public func neighbours(of outputPath: String) -> (previous: String?, next: String?) {
        guard let position = positions[outputPath] else { return (nil, nil) }
        let previous = position > 0 ? readingOrder[position - 1] : nil
        let next = position + 1 < readingOrder.count ? readingOrder[position + 1] : nil
        return (previous, next)
    }

    /// A folder of notes while the tree is built (notes as indices into the notes).
    private struct Folder {
        var name: String
        var index: Int?
        var notes: [Int] = []
        var folders: [String: Folder] = [:]

        static func build(notes: [Note]) -> Folder {
            var root = Folder(name: "")
            for (position, note) in notes.enumerated() {
                // The name after the last `/`; only the folders before it are split (a note at
                // the top, as most notes of a big site are, needs no split at all).
                let path = note.contentPath
                let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
                let name = slash.map { path[path.utf8.index(after: $0)...] } ?? path[...]
                let folders = slash.map { path[..<$0].split(separator: "/") } ?? []
                root.insert(position, isIndex: OutputPaths.isIndexName(name), folders: folders[...])
            }
            return root
        }

        mutating func insert(_ note: Int, isIndex: Bool, folders path: ArraySlice<Substring>) {
            guard let first = path.first else {
                if isIndex, index == nil {
                    index = note
                } else {
                    notes.append(note)
                }
                return
            }
            folders[String(first), default: Folder(name: String(first))].insert(note, isIndex: isIndex, folders: path.dropFirst())
        }

        func sortKey(_ notes: [Note]) -> (Int, String) { (index.map { notes[$0].frontMatter.order ?? Int.max } ?? Int.max, name) }

        /// Children (notes and subfolders) in order; each key computed once, not per comparison.
        func children(_ all: [Note]) -> [Child] {
            var keyed = notes.map { (key: (all[$0].frontMatter.order ?? Int.max, Path.lastComponent(of: all[$0].contentPath)), child: Child.note($0)) }
            keyed += folders.values.map { (key: $0.sortKey(all), child: Child.folder($0)) }
            // Notes come in path order, so a folder of notes without `order` is in order
            // already: one pass checks it (a sort would be the navigation's largest cost).
            if zip(keyed, keyed.dropFirst()).contains(where: { $1.key < $0.key }) { keyed.sort { $0.key < $1.key } }
            return keyed.map(\.child)
        }

        /// Appends the reading order of the folder's children to `order`, and returns their entries.
        func walk(notes all: [Note], order: inout [String]) -> [Entry] {
            children(all).map { child in
                switch child {
                case .note(let position):
                    let note = all[position]
                    order.append(note.outputPath)
                    return Entry(title: note.title, outputPath: note.outputPath, children: [])
                case .folder(let folder):
                    let index = folder.index.map { all[$0] }
                    if let index { order.append(index.outputPath) }
                    return Entry(title: index?.title ?? folder.name, outputPath: index?.outputPath, children: folder.walk(notes: all, order: &order))
                }
            }
        }
    }

    private enum Child {
        case note(Int)
        case folder(Folder)
    }
}

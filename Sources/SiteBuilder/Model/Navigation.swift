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
        let root = Folder.build(notes: notes)
        var order: [String] = []
        var entries: [Entry] = []
        if let index = root.index {
            order.append(index.outputPath)
            entries.append(Entry(title: index.title, outputPath: index.outputPath, children: []))
        }
        entries += root.walk(order: &order)
        self.readingOrder = order
        self.entries = entries
        var positions: [String: Int] = [:]
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

    /// A folder of notes while the tree is built.
    private struct Folder {
        var name: String
        var index: Note?
        var notes: [Note] = []
        var folders: [String: Folder] = [:]

        static func build(notes: [Note]) -> Folder {
            var root = Folder(name: "")
            for note in notes {
                let parts = note.contentPath.split(separator: "/").map(String.init)
                root.insert(note, folders: parts.dropLast()[...])
            }
            return root
        }

        mutating func insert(_ note: Note, folders path: ArraySlice<String>) {
            guard let first = path.first else {
                if OutputPaths.isIndexName(Path.lastComponent(of: note.contentPath)), index == nil {
                    index = note
                } else {
                    notes.append(note)
                }
                return
            }
            folders[first, default: Folder(name: first)].insert(note, folders: path.dropFirst())
        }

        var sortKey: (Int, String) { (index?.frontMatter.order ?? Int.max, name) }

        /// Children (notes and subfolders) in order; each key computed once, not per comparison.
        var children: [Child] {
            let keyed = (notes.map { Child.note($0) } + folders.values.map { Child.folder($0) }).map { (key: $0.sortKey, child: $0) }
            return keyed.sorted { $0.key < $1.key }.map(\.child)
        }

        /// Appends the reading order of the folder's children to `order`, and returns their entries.
        func walk(order: inout [String]) -> [Entry] {
            children.map { child in
                switch child {
                case .note(let note):
                    order.append(note.outputPath)
                    return Entry(title: note.title, outputPath: note.outputPath, children: [])
                case .folder(let folder):
                    if let index = folder.index { order.append(index.outputPath) }
                    return Entry(title: folder.index?.title ?? folder.name, outputPath: folder.index?.outputPath, children: folder.walk(order: &order))
                }
            }
        }
    }

    private enum Child {
        case note(Note)
        case folder(Folder)

        var sortKey: (Int, String) {
            switch self {
            case .note(let note): (note.frontMatter.order ?? Int.max, Path.lastComponent(of: note.contentPath))
            case .folder(let folder): folder.sortKey
            }
        }
    }
}

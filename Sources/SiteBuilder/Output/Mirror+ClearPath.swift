extension Mirror {
    /// Makes the way to one file of the destination plain before it is compared or written:
    /// every folder on the way a real folder, the file's own place free of links and folders.
    ///
    /// Each component is looked at without following links (`kind(of:)` is an `lstat`),
    /// from the destination down, so by the time a path is written no part of it can lead
    /// outside. Folders already made plain are remembered: a site has thousands of files in
    /// a few folders.
    struct ClearPath {
        let destination: String
        let fileSystem: any FileSystem
        private var plainFolders: Set<String> = [""]

        init(destination: String, fileSystem: any FileSystem) {
            self.destination = destination
            self.fileSystem = fileSystem
        }

        /// Removes a link at any component of `path`, a file where a folder must be, and a
        /// folder where the file must be; records what it removed in `report`.
        mutating func prepare(_ path: String, report: inout Report) throws {
            let components = path.split(separator: "/").map(String.init)
            var relative = ""
            for (index, name) in components.enumerated() {
                relative = Path.join(relative, name)
                let isFolder = index < components.count - 1
                if isFolder, plainFolders.contains(relative) { continue }
                let full = Path.join(destination, relative)
                switch fileSystem.kind(of: full) {
                case .symbolicLink:
                    try fileSystem.removeItem(full)
                    report.removedLinks.append(relative)
                case .file where isFolder, .directory where !isFolder, .special:
                    try fileSystem.removeItem(full)
                    report.deleted.append(relative)
                case .file, .directory, nil:
                    break
                }
                if isFolder { plainFolders.insert(relative) }
            }
        }
    }
}

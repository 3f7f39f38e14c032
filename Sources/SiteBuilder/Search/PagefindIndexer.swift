import Foundation
import NotesCore

/// Indexes a site with Pagefind (PyPI `pagefind-bin-extended`, whose extended build
/// segments Japanese into words), writing `pagefind/` into the site folder.
///
/// The executable is looked up in this order: `$NOTESIM_PAGEFIND`, `pagefind_extended` or
/// `pagefind` on `PATH`, then the copy inside the Python package.
public struct PagefindIndexer: SearchIndexer {
    /// The folder of the index inside the site; the theme's search box loads it from there.
    public static let bundleFolder = "pagefind"

    /// Parts of a page that are not prose: timeline drawings, event logs, scenario sources.
    static let excludedSelectors = ["svg", ".scenario-log", ".scenario-source", ".scenario-assumption-notes", ".heading-anchor"]

    /// Gives the Pagefind executable (nil when it is not installed), asked only when a site
    /// is indexed: looking it up may start Python (~0.1 s), which a build of a site with
    /// `search: false` never needs.
    private let executable: @Sendable () -> String?

    /// An indexer that looks Pagefind up (see the type's documentation) each time it indexes.
    public init() {
        self.init(locatingWith: { PagefindIndexer.locate() })
    }

    /// An indexer that runs `executable`, or reports Pagefind missing when it is nil.
    public init(executable: String?) {
        self.init(locatingWith: { executable })
    }

    /// An indexer that asks `locate` for the executable when it indexes.
    public init(locatingWith locate: @escaping @Sendable () -> String?) {
        self.executable = locate
    }

    public func index(folder: String, bundlePath: String?, fileSystem: any FileSystem) -> SearchIndexReport {
        guard let executable = executable() else {
            return SearchIndexReport(
                pages: nil,
                diagnostics: [
                    .warning(
                        "search.unavailable", path: SiteConfig.fileName, at: nil,
                        "search index not built: Pagefind is not installed; the pages are built without search",
                        hint: "install it with 'pip install pagefind-bin-extended', or set 'search: false' in \(SiteConfig.fileName)"
                    )
                ])
        }
        let clock = ContinuousClock()
        let start = clock.now
        var arguments = ["--site", folder]
        arguments += bundlePath.map { ["--output-path", $0] } ?? ["--output-subdir", Self.bundleFolder]
        for selector in Self.excludedSelectors { arguments += ["--exclude-selectors", selector] }
        let run = Self.run(executable, arguments)
        let seconds = Self.seconds(clock.now - start)
        guard run.status == 0 else {
            let detail =
                run.output.split(separator: "\n").last(where: { $0.contains("Error") || $0.contains("error") }).map(String.init)
                ?? "exit status \(run.status)"
            return SearchIndexReport(
                pages: nil,
                diagnostics: [
                    .warning(
                        "search.failed", path: SiteConfig.fileName, at: nil,
                        "search index not built: Pagefind failed (\(detail)); the pages are built without search"
                    )
                ], seconds: seconds)
        }
        Self.sortEntryFile(in: bundlePath ?? Path.join(folder, Self.bundleFolder), fileSystem: fileSystem)
        return SearchIndexReport(pages: Self.indexedPages(in: run.output), seconds: seconds)
    }

    /// `pagefind-entry.json` lists languages in hash order; sorting its keys keeps the
    /// output byte-identical from one build to the next.
    public static func sortEntryFile(in bundle: String, fileSystem: any FileSystem) {
        let path = Path.join(bundle, "pagefind-entry.json")
        guard let bytes = try? fileSystem.readFile(path),
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
            let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        try? fileSystem.writeFile(path, contents: Array(sorted))
    }

    /// The page count of Pagefind's "Indexed N pages" line.
    public static func indexedPages(in output: String) -> Int? {
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 3, words[0] == "Indexed", words[2] == "pages" || words[2] == "page" { return Int(words[1]) }
        }
        return nil
    }

    /// Finds the executable (see the type's documentation); nil when there is none.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let configured = environment["NOTESIM_PAGEFIND"], !configured.isEmpty {
            return FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            for name in ["pagefind_extended", "pagefind"] {
                let candidate = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        let python = run("/usr/bin/env", ["python3", "-c", "import pagefind_bin_extended as p; print(p.get_executable())"])
        let path = python.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return python.status == 0 && FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs a program to completion; its standard output and error, merged.
    private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, "\(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

import NotesCore
import SiteBuilder

/// The structure-aware fuzz target: bytes choose a scenario block or a whole site
/// (`ScenarioGenerator`, `SiteWriter`), notesim runs it, and a property is checked on the
/// result. Time, memory and signals are libFuzzer's part of the property (`-timeout`,
/// `-rss_limit_mb`, AddressSanitizer); this type checks the rest and returns each
/// violation as a sentence, so a test replaying the corpus can show what failed.
public enum StructuredFuzzing {
    /// The violations of the property for one input (empty when it holds). The first byte
    /// chooses: bit 0 a site or a scenario block, bit 1 a clean site or strict scenario
    /// rather than a hostile one, bit 2 a second, incremental build of a clean site after an
    /// edit (`Rebuild`).
    public static func check(_ bytes: [UInt8]) -> [String] {
        let (isSite, isClean) = kind(bytes)
        let rest = Array(bytes.dropFirst())
        guard isSite else { return checkScenario(rest, strict: isClean) }
        return checkSite(rest, clean: isClean, rebuilds: (bytes.first ?? 0) & 4 == 4)
    }

    /// What the input generates, for a person reading a finding.
    public static func describe(_ bytes: [UInt8]) -> String {
        let (isSite, isClean) = kind(bytes)
        guard isSite else {
            var generator = ScenarioGenerator(choices: Choices(Array(bytes.dropFirst())), strict: isClean)
            return "\(isClean ? "strict " : "")scenario block:\n" + generator.lines().joined(separator: "\n")
        }
        let site = GeneratedSite.generated(from: Array(bytes.dropFirst()), clean: isClean)
        let rebuilt = isClean && (bytes.first ?? 0) & 4 == 4 ? " (built again after edit \(bytes.dropFirst().last ?? 0), Rebuild.edited)" : ""
        return "\(isClean ? "clean " : "")site\(site.keepGoing ? " (--keep-going)" : "")\(rebuilt):\n" + site.description
    }

    private static func kind(_ bytes: [UInt8]) -> (isSite: Bool, isClean: Bool) {
        let first = bytes.first ?? 0
        return (first & 1 == 1, first & 2 == 2)
    }

    /// One scenario block in a note, run as a build runs it, with the default limits.
    static func checkScenario(_ bytes: [UInt8], strict: Bool) -> [String] {
        var generator = ScenarioGenerator(choices: Choices(bytes), strict: strict)
        let text = Array(("# F\n\n```scenario\n" + generator.lines().joined(separator: "\n") + "\n```\n").utf8)
        guard let note = ParseStage.parse(sourcePath: "content/f.md", bytes: text).0 else { return [] }
        let output = ScenarioStage.run(note, language: "en", theme: FuzzTargets.theme, limits: SiteConfig.Limits().simulation)
        return output.diagnostics.flatMap(SiteChecks.printable)
    }

    /// A whole site built into `site/public` on a file system in memory.
    static func checkSite(_ bytes: [UInt8], clean: Bool, rebuilds: Bool = false) -> [String] {
        let site = GeneratedSite.generated(from: bytes, clean: clean)
        let fileSystem = FuzzFileSystem(site: site.entries, root: "site")
        let report = SiteBuild.run(
            siteDirectory: "site", output: "site/public", fileSystem: fileSystem, options: SitePipeline.Options(),
            writeWithErrors: site.keepGoing, incremental: false)
        let diagnostics = report.result.diagnostics + (report.writeError.map { [$0] } ?? [])
        var violations = diagnostics.flatMap(SiteChecks.printable)
        violations += SiteChecks.confined(fileSystem)
        violations += fileSystem.forbiddenReads.map { "read \($0.debugDescription)" }
        violations += SiteChecks.positions(diagnostics, site: site)
        if let error = report.writeError { violations.append("the output was not written: \(error.formatted)") }
        if !diagnostics.contains(where: { $0.id == "output.collision" || $0.id == "site.duplicate-page" }) {
            violations += SiteChecks.overwrites(fileSystem.written)
        }
        if !report.result.hasErrors, report.writeError == nil {
            let output = fileSystem.files.reduce(into: [String: [UInt8]]()) { output, file in
                if file.key.hasPrefix("site/public/") { output[String(file.key.dropFirst("site/public/".count))] = file.value }
            }
            violations += SiteChecks.drafts(site, output: output)
            violations += SiteChecks.addresses(output)
            violations += SiteChecks.published(site, output: output)
            if clean, rebuilds { violations += Rebuild.check(site, fileSystem: fileSystem, choice: Int(bytes.last ?? 0)) }
        }
        return violations
    }
}

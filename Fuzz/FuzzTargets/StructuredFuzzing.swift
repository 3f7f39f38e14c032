import NotesCore
import SiteBuilder

/// The structure-aware fuzz target: bytes choose a scenario block or a whole site
/// (`ScenarioGenerator`, `SiteWriter`), notesim runs it, and a property is checked on the
/// result. Time, memory and signals are libFuzzer's part of the property (`-timeout`,
/// `-rss_limit_mb`, AddressSanitizer); this type checks the rest and returns each
/// violation as a sentence, so a test replaying the corpus can show what failed.
public enum StructuredFuzzing {
    /// The violations of the property for one input (empty when it holds).
    public static func check(_ bytes: [UInt8]) -> [String] {
        guard let first = bytes.first, first & 1 == 1 else { return checkScenario(Array(bytes.dropFirst())) }
        return checkSite(Array(bytes.dropFirst()))
    }

    /// What the input generates, for a person reading a finding.
    public static func describe(_ bytes: [UInt8]) -> String {
        guard let first = bytes.first, first & 1 == 1 else {
            var generator = ScenarioGenerator(choices: Choices(Array(bytes.dropFirst())))
            return "scenario block:\n" + generator.lines().joined(separator: "\n")
        }
        let site = GeneratedSite.generated(from: Array(bytes.dropFirst()))
        return "site\(site.keepGoing ? " (--keep-going)" : ""):\n" + site.description
    }

    /// One scenario block in a note, run as a build runs it, with the default limits.
    static func checkScenario(_ bytes: [UInt8]) -> [String] {
        var generator = ScenarioGenerator(choices: Choices(bytes))
        let text = Array(("# F\n\n```scenario\n" + generator.lines().joined(separator: "\n") + "\n```\n").utf8)
        guard let note = ParseStage.parse(sourcePath: "content/f.md", bytes: text).0 else { return [] }
        let output = ScenarioStage.run(note, language: "en", theme: FuzzTargets.theme, limits: SiteConfig.Limits().simulation)
        return output.diagnostics.flatMap(SiteChecks.printable)
    }

    /// A whole site built into `site/public` on a file system in memory.
    static func checkSite(_ bytes: [UInt8]) -> [String] {
        let site = GeneratedSite.generated(from: bytes)
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
            violations += SiteChecks.drafts(site.drafts, output: output)
            violations += SiteChecks.addresses(output)
        }
        return violations
    }
}

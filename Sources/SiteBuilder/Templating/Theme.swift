import NotesCore

/// Templates and static assets of a site: the built-in theme overlaid by `templates/`.
///
/// A file in the site's `templates/` replaces the built-in file of the same path, so a user
/// changes the look by copying one file into `templates/` and editing it. `*.mustache`
/// files are templates (named by path without the extension: `page`, `partials/head`);
/// every other file is a static asset copied to the output's `assets/` folder.
public struct Theme: Sendable {
    /// The templates every theme must provide.
    public static let requiredTemplates = ["layout", "page", "index", "toc", "toc-page", "404"]

    public let library: TemplateLibrary
    /// Hash of the scenario figure's template as this theme has it: cached figures were drawn
    /// with a template of this key (`ScenarioCacheKey`).
    public let scenarioFigureKey: UInt64
    /// The template of a scenario's figure.
    static let scenarioFigureTemplate = "partials/scenario-figure"
    /// Static files: path inside the theme -> bytes.
    public let assets: [String: [UInt8]]
    /// Where each template comes from, as diagnostics name it (`templates/page.mustache`,
    /// `(built-in theme)/page.mustache`), by template name.
    let sourcePaths: [String: String]
    /// The first template this theme's renders stopped inside (`TemplateCutReport`).
    let cuts = TemplateCutReport()

    /// Combines the built-in files with the site's overrides; template syntax errors and
    /// templates that include themselves whatever the data are reported at their file and line.
    public static func load(
        builtin: [String: [UInt8]],
        overrides: [(path: String, bytes: [UInt8])],
        unread: Set<String> = []
    ) -> (Theme?, [Diagnostic]) {
        var files = builtin.mapValues { (bytes: $0, sitePath: nil as String?) }
        for override in overrides {
            files[override.path] = (override.bytes, Path.join(LoadStage.templatesFolder, override.path))
        }
        var library = TemplateLibrary()
        var assets: [String: [UInt8]] = [:]
        var sourcePaths: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        // Templates that exist but could not be read or parsed (`unread`: those the load
        // stage reported with an error): a reference to one is no "missing".
        var broken = unread
        for path in files.keys.sorted() {
            let (bytes, sitePath) = files[path]!
            let displayPath = sitePath ?? "(built-in theme)/\(path)"
            guard Path.fileExtension(of: path) == "mustache" else {
                assets[path] = bytes
                continue
            }
            let text: String
            switch SourceDecoding.decode(bytes) {
            case .success(let decoded): text = decoded
            case .failure(let failure):
                diagnostics.append(LoadStage.decodingDiagnostic(failure, path: displayPath))
                broken.insert(String(path.dropLast(".mustache".count)))
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            sourcePaths[name] = displayPath
            do throws(TemplateSyntaxError) {
                library.register(try Template(text), named: name)
            } catch {
                broken.insert(name)
                diagnostics.append(
                    .error(
                        "template.syntax", path: displayPath,
                        at: SourcePosition(line: error.line, column: error.column),
                        "template error: \(error.problem.message)"
                    ))
            }
        }
        for cycle in TemplateCycles.find(in: library.all) {
            let file = cycle.names[0] + ".mustache"
            diagnostics.append(
                .error(
                    "template.cycle", path: sourcePaths[cycle.names[0]] ?? file,
                    at: SourcePosition(line: cycle.line, column: cycle.column),
                    "partial cycle: \(cycle.names.joined(separator: " -> "))",
                    hint: "a template that always includes itself never ends; include it inside a section such as {{#children}}…{{/children}}"))
        }
        // Blocks are compared only in a theme without errors: a cycle or a missing parent
        // leaves the parents' blocks unknown, and the warnings would only repeat the error.
        diagnostics += referenceDiagnostics(library.all, blocks: !diagnostics.contains(where: \.isError), sourcePaths: sourcePaths, broken: broken)
        for name in requiredTemplates where library.template(named: name) == nil && !diagnostics.contains(where: { $0.path.hasSuffix(name + ".mustache") }) {
            diagnostics.append(
                .error(
                    "template.missing", path: Path.join(LoadStage.templatesFolder, name + ".mustache"), at: nil,
                    "the theme has no '\(name)' template"
                ))
        }
        guard !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
        let figureTemplate = files[scenarioFigureTemplate + ".mustache"]?.bytes ?? []
        return (Theme(library: library, scenarioFigureKey: FNV1a.hash(figureTemplate), assets: assets, sourcePaths: sourcePaths), diagnostics)
    }

    /// An error at each partial or parent tag that names no template, and a warning at each
    /// parent tag whose template fills a block the parent does not have (`TemplateReferences`).
    private static func referenceDiagnostics(
        _ templates: [String: Template], blocks checksBlocks: Bool, sourcePaths: [String: String], broken: Set<String>
    ) -> [Diagnostic] {
        // Every template here was registered with its path (`load`).
        func path(_ name: String) -> String { sourcePaths[name] ?? name + ".mustache" }
        let missing = TemplateReferences.missing(in: templates).filter { !broken.contains($0.reference.name) }.map { template, reference in
            Diagnostic.error(
                "template.missing", path: path(template), at: SourcePosition(line: reference.line, column: reference.column),
                "no template '\(reference.name)': the theme's templates and those in templates/ are named by their path without .mustache",
                hint: Suggestion.closest(to: reference.name, among: templates.keys.sorted()).map { "did you mean '\($0)'?" })
        }
        guard checksBlocks, missing.isEmpty else { return missing }
        let blocks = TemplateReferences.unknownBlocks(in: templates).map { unknown in
            Diagnostic.warning(
                "template.block", path: path(unknown.template), at: SourcePosition(line: unknown.line, column: unknown.column),
                "'\(unknown.parent)' has no block '\(unknown.block)', so what this template puts in it is never shown")
        }
        return missing + blocks
    }

    /// Renders a template that is known to exist, as UTF-8 bytes.
    func render(_ context: TemplateObject, template: String) -> [UInt8] {
        library.render(.object(context), template: template, cuts: cuts)
    }

    /// The warning for a render this theme's limits stopped, if one was: once per build,
    /// at the template it stopped inside.
    var cutWarning: Diagnostic? {
        cuts.first.map { name in
            .warning(
                "template.depth", path: sourcePaths[name] ?? name + ".mustache", at: nil,
                "rendering stopped inside '\(name)' after \(TemplateRenderer.maximumDepth) nested templates or \(GroupedDigits.text(TemplateRenderer.maximumBodies)) bodies; the pages that include it are cut there",
                hint:
                    "a partial that includes itself inside a section whose value never runs out ({{#site}}) recurses until the limit; recurse over data that ends, such as {{#children}}"
            )
        }
    }

    /// Renders a template that is known to exist, as text.
    func renderText(_ context: TemplateObject, template: String) -> String {
        String(decoding: render(context, template: template), as: UTF8.self)
    }
}

extension SitePipeline {
    /// The names of the site's templates the load stage could not read, with an error of
    /// their own (unreadable, not UTF-8): `partials/pager` for `templates/partials/pager.mustache`.
    /// Not a linked one: that is a warning, and a template that includes it must still fail.
    static func unreadTemplates(_ diagnostics: [Diagnostic]) -> Set<String> {
        let folder = LoadStage.templatesFolder + "/"
        return Set(
            diagnostics.compactMap { diagnostic in
                guard diagnostic.isError, diagnostic.path.hasPrefix(folder), diagnostic.path.hasSuffix(".mustache") else { return nil }
                return String(diagnostic.path.dropFirst(folder.count).dropLast(".mustache".count))
            })
    }
}

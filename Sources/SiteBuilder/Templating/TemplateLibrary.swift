/// Named templates that render each other: partials (`{{> name}}`) and parents (`{{< name}}`).
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    public mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    public func template(named name: String) -> Template? {
        templates[name]
    }

    /// Every template by name (for the theme's cycle check).
    var all: [String: Template] { templates }

    /// Renders the template `name` with `context` as UTF-8 bytes (nothing if there is no such
    /// template); a render stopped by the renderer's limits is noted in `cuts`.
    func render(_ context: TemplateValue, template name: String, cuts: TemplateCutReport?) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = TemplateRenderer(library: self, template: name, cuts: cuts)
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        var stack = [context]
        stack.reserveCapacity(8)
        renderer.render(template.nodes, stack: &stack, into: &output)
        return output
    }

    /// Renders the template `name` with `context` as UTF-8 bytes (nothing if there is no such template).
    public func render(_ context: TemplateValue, template name: String) -> [UInt8] {
        render(context, template: name, cuts: nil)
    }
}

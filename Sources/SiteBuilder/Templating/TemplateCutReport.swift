import Foundation

/// The first template a build's renders stopped inside, when one recursed past the
/// renderer's limits (`TemplateRenderer.maximumDepth`, `maximumBodies`): shared by every
/// page rendered with one theme, on every core, so the build can warn once.
///
/// Why: such a template (`{{#site}}{{> partials/a}}{{/site}}` inside `partials/a`) passes
/// the theme's cycle check, since a section may end a recursion, and without a word its
/// pages were cut where the limit stopped it.
final class TemplateCutReport: @unchecked Sendable {
    private let lock = NSLock()
    private var name: String?

    /// Notes that a render stopped inside template `name` (only the first is kept).
    func record(_ name: String) {
        lock.withLock { if self.name == nil { self.name = name } }
    }

    /// The template the first cut render stopped inside, if any did.
    var first: String? {
        lock.withLock { name }
    }
}

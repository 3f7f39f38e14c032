import NotesCore

/// Checks what the theme's templates name of each other: every partial (`{{> name}}`) and
/// parent (`{{< name}}`) must exist, and every block a template fills (`{{$name}}` inside
/// `{{< parent}}`) must be one the parent has.
///
/// Why: Mustache renders a missing partial as nothing and drops an override no block takes,
/// so a typo (`{{> partials/nope}}`, `{{< nolayout}}`, `{{$mian}}`) built a site of empty or
/// bare pages, with exit status 0 and no word.
enum TemplateReferences {
    /// Every reference in `templates` to a template they do not hold (a partial or parent
    /// tag, with its position), with the template it is in, by template name.
    static func missing(in templates: [String: Template]) -> [(template: String, reference: Template.PartialReference)] {
        templates.keys.sorted().flatMap { name in
            templates[name]!.references.filter { templates[$0.name] == nil }.map { (name, $0) }
        }
    }

    /// A block a template fills for its parent that the parent (with what it includes) does
    /// not have: the template, the parent, the block's name, and the parent tag's position.
    struct UnknownBlock: Equatable {
        let template: String
        let parent: String
        let block: String
        let line: Int
        let column: Int
    }

    /// Every override in `templates` of a block its parent does not have.
    static func unknownBlocks(in templates: [String: Template]) -> [UnknownBlock] {
        var found: [UnknownBlock] = []
        for name in templates.keys.sorted() {
            let parents = templates[name]!.references
            var parentIndex = 0
            forEachParent(templates[name]!.nodes) { parent, overrides in
                // Parents are found in the order their tags came, as `references` lists them
                // among the partials.
                while parentIndex < parents.count, parents[parentIndex].name != parent { parentIndex += 1 }
                let tag = parentIndex < parents.count ? parents[parentIndex] : nil
                parentIndex += 1
                guard templates[parent] != nil else { return }
                let blocks = blockNames(from: parent, in: templates)
                for block in overrides.keys.sorted() where !blocks.contains(block) {
                    found.append(UnknownBlock(template: name, parent: parent, block: block, line: tag?.line ?? 1, column: tag?.column ?? 1))
                }
            }
        }
        return found
    }

    /// Calls `body` with each `{{< parent}}` in `nodes` (at any depth) and its overrides.
    private static func forEachParent(_ nodes: [Template.Node], _ body: (String, [String: [Template.Node]]) -> Void) {
        walk(nodes) { node in
            if case .partial(let name, _, let overrides?) = node { body(name, overrides) }
        }
    }

    /// The block names `name` has, with those of every template it renders (its partials
    /// and parents, followed once each): an override reaches a block in any of them.
    private static func blockNames(from name: String, in templates: [String: Template]) -> Set<String> {
        var blocks: Set<String> = []
        var visited: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            guard let template = templates[next] else { continue }
            walk(template.nodes) { node in
                switch node {
                case .block(let block, _, _): blocks.insert(block)
                case .partial(let partial, _, _): if visited.insert(partial).inserted { pending.append(partial) }
                default: break
                }
            }
        }
        return blocks
    }

    /// Visits every node of `nodes`, those inside sections, blocks and a parent's overrides
    /// included, with a stack of its own (templates nest up to `TemplateParser.maximumNesting`).
    private static func walk(_ nodes: [Template.Node], _ visit: (Template.Node) -> Void) {
        var stack = [nodes[...]]
        while var level = stack.popLast() {
            guard let node = level.popFirst() else { continue }
            stack.append(level)
            visit(node)
            switch node {
            case .section(_, let children, _), .block(_, let children, _), .blockDefinition(_, let children): stack.append(children[...])
            case .partial(_, _, let overrides?): for key in overrides.keys.sorted() { stack.append(overrides[key]![...]) }
            default: break
            }
        }
    }
}

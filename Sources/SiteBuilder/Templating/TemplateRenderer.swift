import NotesCore

/// Renders template nodes against a stack of values into UTF-8 bytes.
///
/// Lookups follow Mustache: a name is searched from the innermost value outwards, the
/// rest of a dotted name only inside what its first part found; a missing name renders
/// nothing and counts as false. Escaping is Mustache's: `< > & " '`.
struct TemplateRenderer {
    let library: TemplateLibrary
    /// Overrides of `{{$block}}`s, from the `{{<parent}}` tags being rendered (the outermost wins).
    private var overrides: [String: [Template.Node]] = [:]
    /// The indentation of the standalone partials being rendered, added to each line they write.
    private var indentation: [UInt8] = []
    /// How many bodies (templates, sections, blocks) are being rendered inside each other.
    private var depth = 0
    /// How many bodies this render may still start.
    private var budget = Self.maximumBodies

    /// The deepest nesting of bodies a render follows: a backstop for recursion the theme's
    /// cycle check cannot rule out (`{{#page}}{{> a}}{{/page}}` inside `a`), well inside
    /// any thread's stack. A table of contents needs about three levels per folder.
    static let maximumDepth = 150
    /// The most bodies one render starts: a recursion that branches (`{{#items}}{{> a}}`)
    /// stays shallow but doubles its work at every level. A table of 10,000 notes needs
    /// about 30,000; a branching recursion stops in about a second.
    static let maximumBodies = 300_000

    /// Where a render that hits the limits says so (`TemplateCutReport`).
    private let cuts: TemplateCutReport?
    /// The partial being rendered, the one a render cut by the limits stopped inside.
    private var partial: String

    init(library: TemplateLibrary, template: String = "", cuts: TemplateCutReport? = nil) {
        self.library = library
        self.cuts = cuts
        partial = template
    }

    /// Renders a body, unless the depth or work limit is reached: then nothing more is written.
    ///
    /// Counted here, once per body, with two integers: rendering is on every page's path.
    /// `stack` is the values names are looked up in, innermost last: a section pushes its
    /// value and pops it when done, so no body gets an array of its own.
    mutating func render(_ nodes: [Template.Node], stack: inout [TemplateValue], into output: inout [UInt8]) {
        guard depth < Self.maximumDepth, budget > 0 else {
            cuts?.record(partial)
            return
        }
        depth += 1
        budget -= 1
        defer { depth -= 1 }
        nodes.withUnsafeBufferPointer { nodes in
            guard !indentation.isEmpty else {
                for index in nodes.indices { render(nodes.baseAddress! + index, stack: &stack, into: &output) }
                return
            }
            // A line of an indented partial starts after a line break this template wrote.
            var own: [UInt8] = []
            for index in nodes.indices {
                var piece: [UInt8] = []
                render(nodes.baseAddress! + index, stack: &stack, into: &piece)
                if !piece.isEmpty, own.last == UInt8(ascii: "\n"), own.dropLast().last != UInt8(ascii: "\r") {
                    own += indentation
                }
                own += piece
            }
            output += own
        }
    }

    /// Renders one node, read where it lies in its template: passed as a value, each node
    /// was copied (a reference count on its box), since the call might have written the
    /// array it came from.
    private mutating func render(_ node: UnsafePointer<Template.Node>, stack: inout [TemplateValue], into output: inout [UInt8]) {
        switch node.pointee {
        case .text(let bytes):
            output += bytes
        case .variable(let name, let escaped):
            var value = TemplateValue.flag(false)
            guard Self.lookup(name, in: stack, into: &value) else { return }
            Self.write(value, escaped: escaped, into: &output)
        case .section(let name, let body, let inverted):
            // A section treats a missing name as false.
            var value = TemplateValue.flag(false)
            if !Self.lookup(name, in: stack, into: &value) { value = .flag(false) }
            renderSection(body, value: value, inverted: inverted, stack: &stack, into: &output)
        case .partial(let name, let indented, let inherited):
            guard let template = library.template(named: name) else { return }
            let (savedOverrides, savedIndentation, savedPartial) = (overrides, indentation, partial)
            partial = name
            if let indented, !indented.isEmpty { indentation += indented }
            if let inherited {
                // The outermost parent's override wins; with none yet, the parent's own are the overrides.
                if overrides.isEmpty { overrides = inherited } else { overrides.merge(inherited) { outer, _ in outer } }
            }
            render(template.nodes, stack: &stack, into: &output)
            (overrides, indentation, partial) = (savedOverrides, savedIndentation, savedPartial)
        case .block(let name, let fallback, let indented):
            let saved = indentation
            if !indented.isEmpty { indentation += indented }
            render(overrides[name] ?? fallback, stack: &stack, into: &output)
            indentation = saved
        case .blockDefinition:
            return
        }
    }

    /// A section's body for its value: once for a true flag or any other value (pushed on
    /// the stack), once per item of a list, never for false (also a missing name's) or an
    /// empty list; an inverted section the other way round, without pushing.
    private mutating func renderSection(
        _ body: [Template.Node], value: TemplateValue, inverted: Bool, stack: inout [TemplateValue], into output: inout [UInt8]
    ) {
        if inverted {
            if !value.isTruthy { render(body, stack: &stack, into: &output) }
            return
        }
        switch value {
        case .flag(false): return
        case .flag(true): render(body, stack: &stack, into: &output)
        case .list(let items):
            stack.append(.flag(false))
            for item in items {
                stack[stack.count - 1] = item
                render(body, stack: &stack, into: &output)
            }
            stack.removeLast()
        default:
            stack.append(value)
            render(body, stack: &stack, into: &output)
            stack.removeLast()
        }
    }

    /// Puts the value a name refers to in `value` and returns true; returns false when there
    /// is none (and `value` is then to be ignored).
    ///
    /// Why not an optional result: an optional value was destroyed through its type's
    /// metadata after each of a page's hundred lookups.
    static func lookup(_ name: TemplateName, in stack: [TemplateValue], into value: inout TemplateValue) -> Bool {
        guard !stack.isEmpty else { return false }
        var next = 0
        switch name.scope {
        case .current:
            value = stack[stack.count - 1]
            return true
        case .anchored:
            value = stack[stack.count - 1]
        case .stack:
            // The innermost value is not copied first: a name searched outwards is found
            // in the value that has it, and only that is taken.
            var index = stack.count - 1
            while !child(name, 0, of: stack[index], into: &value) {
                guard index > 0 else { return false }
                index -= 1
            }
            next = 1
        }
        while next < name.components.count {
            let parent = value
            guard child(name, next, of: parent, into: &value) else { return false }
            next += 1
        }
        return true
    }

    /// Puts the value of `name`'s component `index` in `parent` into `value`; false when
    /// `parent` has none.
    private static func child(_ name: TemplateName, _ index: Int, of parent: TemplateValue, into value: inout TemplateValue) -> Bool {
        guard case .object(let object) = parent, let position = object.index(of: name.components[index], hash: name.hashes[index]) else {
            return false
        }
        value = object.values[position]
        return true
    }

    /// Writes a value as text: escaped text, a number, `true` or `false`; lists and objects write nothing.
    private static func write(_ value: TemplateValue, escaped: Bool, into output: inout [UInt8]) {
        switch value {
        case .text(var text):
            text.withUTF8 { escaped ? HTMLEscaping.appendMustacheEscaped($0, to: &output) : output.append(contentsOf: $0) }
        case .bytes(let bytes):
            if escaped { HTMLEscaping.appendMustacheEscaped(bytes, to: &output) } else { output += bytes }
        case .number(let number):
            DecimalBytes.append(Int64(number), to: &output)
        case .flag(let flag):
            output += (flag ? "true" : "false").utf8
        case .list, .object:
            return
        }
    }
}

/// Finds templates that include themselves whatever the data: `{{> a}}` in `a`, a layout
/// that is its own `{{<parent}}`, or `a -> b -> a`.
///
/// Such a template would render forever (a stack overflow that kills `notesim serve`), so the
/// theme refuses it when it is loaded, at the tag that starts the cycle. A partial named
/// inside a section or block is not followed: the data or an override may end the recursion,
/// as in the built-in table of contents (`{{#children}}{{> partials/toc-entry}}{{/children}}`);
/// the renderer's depth limit bounds those.
enum TemplateCycles {
    /// A cycle: template names from its first template back to it, and the tag in the first
    /// template that names the second.
    struct Cycle: Equatable {
        let names: [String]
        let line: Int
        let column: Int
    }

    /// Every cycle found by a depth-first walk from each template in name order, each reported
    /// once, at the template the walk reached it from.
    ///
    /// The walk keeps its own stack: a chain of thousands of partials must not be followed
    /// by recursion either.
    static func find(in templates: [String: Template]) -> [Cycle] {
        var state: [String: Visit] = [:]
        var cycles: [Cycle] = []
        for start in templates.keys.sorted() where state[start] == nil {
            var path: [(name: String, edges: [Template.PartialReference], next: Int)] = [(start, edges(of: start, in: templates), 0)]
            state[start] = .open
            while !path.isEmpty {
                let top = path.count - 1
                guard path[top].next < path[top].edges.count else {
                    state[path[top].name] = .done
                    path.removeLast()
                    continue
                }
                let edge = path[top].edges[path[top].next]
                path[top].next += 1
                switch state[edge.name] {
                case .done?: continue
                case .open?:
                    let first = path.firstIndex { $0.name == edge.name }!
                    let reference = path[first].edges[path[first].next - 1]
                    cycles.append(Cycle(names: path[first...].map(\.name) + [edge.name], line: reference.line, column: reference.column))
                case nil:
                    state[edge.name] = .open
                    path.append((edge.name, edges(of: edge.name, in: templates), 0))
                }
            }
        }
        return cycles
    }

    private enum Visit { case open, done }

    /// The templates `name` always renders, first tag per name.
    private static func edges(of name: String, in templates: [String: Template]) -> [Template.PartialReference] {
        var seen: Set<String> = []
        return templates[name]?.references.filter { !$0.conditional && templates[$0.name] != nil && seen.insert($0.name).inserted } ?? []
    }
}

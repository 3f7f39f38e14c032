import CCmark

/// GitHub's strikethrough: text between matching runs of one or two tildes becomes `<del>`.
///
/// cmark left the tildes in text nodes and has already made emphasis, links and code, so
/// runs are paired among the children of one inline container at a time, with cmark's
/// flanking rules: a run opens if it is left-flanking and closes if it is right-flanking,
/// and a closer pairs with the nearest opener the rule of three allows, only if they are
/// of equal length. An escaped tilde (`\~`) is not a `~` yet here (`EscapedTildes`).
enum Strikethrough {
    /// A run of tildes in a text node.
    private struct Run {
        var node: OpaquePointer
        var range: Range<Int>
        var canOpen: Bool
        var canClose: Bool
    }

    /// Pairs the runs under every inline container of the tree that holds a tilde, in the
    /// order the containers open.
    ///
    /// Containers are found from their text nodes, and only a page with a tilde is walked
    /// again to order them: listing every node's children to look for tildes allocated an
    /// array per node of every page.
    static func run(_ document: OpaquePointer) {
        var holders: Set<OpaquePointer> = []
        CmarkTree.forEachEntered(document) { node in
            if CmarkTree.type(node) == CMARK_NODE_TEXT, CmarkTree.literalContains(node, "~"), let parent = cmark_node_parent(node) {
                holders.insert(parent)
            }
        }
        guard !holders.isEmpty else { return }
        var containers: [OpaquePointer] = []
        CmarkTree.forEachEntered(document) { node in
            if holders.contains(node) { containers.append(node) }
        }
        for container in containers { pair(in: container) }
    }

    private static func pair(in container: OpaquePointer) {
        let children = CmarkTree.children(container)
        var runs: [Run] = []
        for (position, child) in children.enumerated() where CmarkTree.type(child) == CMARK_NODE_TEXT {
            let bytes = Array(CmarkTree.literal(child).utf8)
            var start = 0
            while start < bytes.count {
                guard bytes[start] == UInt8(ascii: "~") else {
                    start += 1
                    continue
                }
                var end = start
                while end < bytes.count, bytes[end] == UInt8(ascii: "~") { end += 1 }
                let before = start > 0 ? Flanking.scalar(before: start, in: bytes) : Flanking.neighbour(children, position - 1, last: true)
                let after = end < bytes.count ? Flanking.scalar(at: end, in: bytes) : Flanking.neighbour(children, position + 1, last: false)
                let (left, right) = Flanking.flanking(before: before, after: after)
                if end - start <= 2 { runs.append(Run(node: child, range: start..<end, canOpen: left, canClose: right)) }
                start = end
            }
        }
        var openers: [Int] = []
        var matches: [(Int, Int)] = []
        // As cmark-gfm: a closer takes the nearest opener that CommonMark's rule of three
        // allows; nothing pairs when their lengths differ (both stay, and the closer may
        // open a later pair); a pair drops the openers between them.
        for (index, run) in runs.enumerated() {
            let found = run.canClose ? openers.lastIndex { Self.mayPair(runs[$0], run) } : nil
            if let found, runs[openers[found]].range.count == run.range.count {
                matches.append((openers[found], index))
                openers.removeSubrange(found...)
            } else if run.canOpen {
                openers.append(index)
            }
        }
        guard !matches.isEmpty else { return }
        var pieces: [Int: OpaquePointer] = [:]
        let used = Set(matches.flatMap { [$0.0, $0.1] })
        for node in Set(used.map { runs[$0].node }) {
            let own = used.filter { runs[$0].node == node }.sorted()
            let nodes = split(node, at: own.map { runs[$0].range })
            for (run, piece) in zip(own, nodes) { pieces[run] = piece }
        }
        for (opener, closer) in matches {
            guard let open = pieces[opener], let close = pieces[closer] else { continue }
            let del = CmarkTree.custom(block: false, enter: "<del>", exit: "</del>")
            cmark_node_insert_before(open, del)
            var next = cmark_node_next(open)
            while let node = next, node != close {
                next = cmark_node_next(node)
                cmark_node_unlink(node)
                cmark_node_append_child(del, node)
            }
            CmarkTree.remove(open)
            CmarkTree.remove(close)
        }
    }

    /// CommonMark's rule of three, which cmark-gfm applies to tildes too: a run that can
    /// both open and close pairs only if the two lengths do not add up to a multiple of 3.
    private static func mayPair(_ opener: Run, _ closer: Run) -> Bool {
        let sum = opener.range.count + closer.range.count
        return !(closer.canOpen || opener.canClose) || closer.range.count % 3 == 0 || sum % 3 != 0
    }

    /// Splits a text node so that each range is a node of its own; returns those nodes.
    private static func split(_ node: OpaquePointer, at ranges: [Range<Int>]) -> [OpaquePointer] {
        let bytes = Array(CmarkTree.literal(node).utf8)
        var result: [OpaquePointer] = []
        var offset = 0
        for range in ranges {
            if range.lowerBound > offset {
                cmark_node_insert_before(node, CmarkTree.text(String(decoding: bytes[offset..<range.lowerBound], as: UTF8.self)))
            }
            let piece = CmarkTree.text(String(decoding: bytes[range], as: UTF8.self))
            cmark_node_insert_before(node, piece)
            result.append(piece)
            offset = range.upperBound
        }
        if offset < bytes.count {
            cmark_node_insert_before(node, CmarkTree.text(String(decoding: bytes[offset...], as: UTF8.self)))
        }
        CmarkTree.remove(node)
        return result
    }
}

import NotesCore
import NotesMarkdown

/// The highlight step, between parse and render: the HTML of every code block of the pages
/// to render, from the cache, else from one highlighter run for all the others.
///
/// Parsing stays pure (a note's code blocks are left as code markers, `CodeBlock.codeSlot`)
/// and rendering stays pure (it fills the markers from this step's output); this step is
/// the I/O edge between them, through the injected highlighter and cache. Blocks the
/// highlighter does not colour are left out of `blocks`, and the page shows them plain.
struct HighlightStep {
    /// Per note (source path), the highlighted HTML of each code slot that has some.
    var blocks: [String: [Int: [UInt8]]] = [:]
    /// At most one warning: the highlighter could not run (`highlight.unavailable`).
    var diagnostics: [Diagnostic] = []
    /// Distinct blocks sent to the highlighter in this run (the others came from the cache).
    var highlighted = 0

    /// The id of the warning a build gives when its highlighter fails.
    static let unavailableID = "highlight.unavailable"

    init(pages: [Note], highlighter: (any Highlighter)?, cache: (any HighlightResultCache)?) {
        guard let highlighter else { return }
        var requests: [HighlightRequest] = []
        var index: [HighlightRequest: Int] = [:]
        var firstUse: [(path: String, position: SourcePosition)] = []
        for note in pages {
            for block in note.page.codeBlocks where block.codeSlot != nil {
                let request = CodeBlockHTML.request(block)
                guard index[request] == nil else { continue }
                index[request] = requests.count
                requests.append(request)
                firstUse.append((note.sourcePath, block.position))
            }
        }
        guard !requests.isEmpty else { return }
        let identity = highlighter.identity
        let keys = requests.map { HighlightCacheKey.make($0, highlighter: identity) }
        var results: [String??] = cache.map { cache in ForkJoin.map(keys) { cache.load($0) } } ?? Array(repeating: nil, count: keys.count)
        let misses = results.indices.filter { results[$0] == nil }
        if !misses.isEmpty {
            switch highlighter.highlight(misses.map { requests[$0] }) {
            case .success(let html):
                highlighted = misses.count
                for (miss, value) in zip(misses, html) { results[miss] = .some(value) }
                if let cache { _ = ForkJoin.map(Array(zip(misses, html))) { cache.save(keys[$0.0], html: $0.1) } }
            case .failure(let failure):
                let first = firstUse[misses[0]]
                diagnostics.append(
                    .warning(
                        Self.unavailableID, path: first.path, at: first.position,
                        "code blocks are shown without colours: the highlighter did not run (\(failure.reason))",
                        hint: "install Pygments (Debian: apt-get install python3-pygments), or ignore this: the site is complete"))
            }
        }
        for note in pages {
            var slots: [Int: [UInt8]] = [:]
            for block in note.page.codeBlocks {
                guard let slot = block.codeSlot, let html = results[index[CodeBlockHTML.request(block)]!] ?? nil else { continue }
                slots[slot] = CodeBlockHTML.highlighted(language: block.language, html: html)
            }
            if !slots.isEmpty { blocks[note.sourcePath] = slots }
        }
    }
}

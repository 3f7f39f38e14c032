import NotesCore

/// What checking one note's links has looked up so far, kept so that each link costs
/// little however many there are: every target's anchors as a set, "did you mean" indexes
/// of anchors and of folders, and the budget that all of the note's hints share.
///
/// Without it a note with 20,000 broken links listed the whole site, and compared every
/// heading, once per link (quadratic: 61 s and 44 s for the hostile notes of issue 18).
struct LinkLookups {
    /// Per target, how often its anchors were asked for, and once that reaches
    /// `setThreshold`, its anchors as a set.
    private var anchorSets: [String: (asks: Int, names: Set<String>?)] = [:]
    private var anchorIndexes: [String: SuggestionIndex?] = [:]
    private var folderIndexes: [String: SuggestionIndex?] = [:]
    private var budget = SuggestionBudget()

    /// How many fragments of one target are looked for in its list of anchors before the
    /// list is made a set.
    static let setThreshold = 8

    /// Whether `target` has a heading id or an anchor named `fragment`.
    ///
    /// The first few of a target's fragments are searched for in its list: a note links to
    /// most targets once or twice, and hashing every anchor of the target into a set cost
    /// more than comparing them. A target asked about more often (a hostile note's thousands
    /// of links) gets its set, so each further link costs one lookup.
    mutating func hasAnchor(_ fragment: String, in target: Note) -> Bool {
        let entry = anchorSets[target.contentPath, default: (0, nil)]
        if let names = entry.names { return names.contains(fragment) }
        let asks = entry.asks + 1
        anchorSets[target.contentPath] = (asks, asks >= Self.setThreshold ? Set(target.anchorNames) : nil)
        return target.hasAnchor(fragment)
    }

    /// The anchor of `target` closest to a misspelt `fragment`, within the note's budget.
    mutating func suggestAnchor(for fragment: String, in target: Note) -> String? {
        let key = target.contentPath
        if anchorIndexes[key] == nil { anchorIndexes[key] = paidIndex(target.anchorNames) }
        guard let index = anchorIndexes[key] ?? nil else { return nil }
        return index.closest(to: fragment, budget: &budget)
    }

    /// The file in `folder` closest to a misspelt file `name`, within the note's budget.
    mutating func suggestFile(named name: String, inFolder folder: String, site: SiteIndex) -> String? {
        if folderIndexes[folder] == nil { folderIndexes[folder] = paidIndex(site.files(inFolder: folder)) }
        guard let index = folderIndexes[folder] ?? nil else { return nil }
        return index.closest(to: name, budget: &budget)
    }

    /// An index of `names` if the budget covers building it (nil, remembered, otherwise).
    private mutating func paidIndex(_ names: [String]) -> SuggestionIndex? {
        guard !budget.isExhausted else { return nil }
        let index = SuggestionIndex(names)
        return budget.spend(index.cost) ? index : nil
    }
}

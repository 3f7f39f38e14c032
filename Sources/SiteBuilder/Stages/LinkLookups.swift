import NotesCore

/// What checking one note's links has looked up so far, kept so that each link costs
/// little however many there are: every target's anchors as a set, "did you mean" indexes
/// of anchors and of folders, and the budget that all of the note's hints share.
///
/// Without it a note with 20,000 broken links listed the whole site, and compared every
/// heading, once per link (quadratic: 61 s and 44 s for the hostile notes of issue 18).
struct LinkLookups {
    private var anchorSets: [String: Set<String>] = [:]
    private var anchorIndexes: [String: SuggestionIndex?] = [:]
    private var folderIndexes: [String: SuggestionIndex?] = [:]
    private var budget = SuggestionBudget()

    /// Whether `target` has a heading id or an anchor named `fragment`.
    mutating func hasAnchor(_ fragment: String, in target: Note) -> Bool {
        if let names = anchorSets[target.contentPath] { return names.contains(fragment) }
        let names = Set(target.anchorNames)
        anchorSets[target.contentPath] = names
        return names.contains(fragment)
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

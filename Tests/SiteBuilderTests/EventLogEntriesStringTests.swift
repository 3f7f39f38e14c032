import Testing

@testable import SiteBuilder

/// `UIStrings.eventLogEntries(forLanguage:)`: the string `forLanguage` gives, without the rest.
@Suite struct EventLogEntriesStringTests {
    @Test func theLanguageTagChoosesTheString() {
        #expect(UIStrings.eventLogEntries(forLanguage: "ja") == "%d 件")
        #expect(UIStrings.eventLogEntries(forLanguage: "JA-jp") == "%d 件")
        #expect(UIStrings.eventLogEntries(forLanguage: "en") == "%d entries")
        #expect(UIStrings.eventLogEntries(forLanguage: "fr") == "%d entries")
        for tag in ["ja", "ja-JP", "en-GB", "de", ""] {
            #expect(UIStrings.eventLogEntries(forLanguage: tag) == UIStrings.forLanguage(tag).eventLogEntries)
        }
    }
}

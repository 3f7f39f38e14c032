import NotesCore
import Testing

/// `DurationText`: durations rounded for labels, instants exact for event logs.
@Suite struct DurationTextTests {
    private func exact(_ milliseconds: Int64, _ units: DurationText.Units = .english) -> String {
        var text = ""
        DurationText.writeExact(milliseconds, units: units, into: &text)
        return text
    }

    @Test func durationsAreRoundedToWhatALabelNeeds() {
        #expect(DurationText.english(0) == "0 ms")
        #expect(DurationText.english(850) == "850 ms")
        #expect(DurationText.english(1_050) == "1.1 s")
        #expect(DurationText.english(12_500) == "12.5 s")
        #expect(DurationText.english(150_000) == "2 min 30 s")
        #expect(DurationText.english(3_900_000) == "1 h 5 min")
        #expect(DurationText.japanese(150_000) == "2分30秒")
        // Past a day, days and hours (rounded to the hour): never thousands of hours.
        #expect(DurationText.english(86_369_999) == "23 h 59 min")
        #expect(DurationText.english(86_370_000) == "1 d")
        #expect(DurationText.english(137_439_000_000) == "1590 d 18 h")
        #expect(DurationText.japanese(93_600_000) == "1日2時間")
        #expect(DurationText.english(-850) == "-850 ms")
    }

    @Test func instantsKeepEveryMillisecond() {
        #expect(exact(0) == "0 ms")
        #expect(exact(999) == "999 ms")
        #expect(exact(1_000) == "1 s")
        // Rounded, both read 1.1 s; an event log must tell them apart.
        #expect(exact(1_050) == "1.05 s")
        #expect(exact(1_100) == "1.1 s")
        #expect(exact(1_005) == "1.005 s")
        #expect(exact(59_999) == "59.999 s")
        #expect(exact(60_000) == "1 min")
        #expect(exact(150_250) == "2 min 30.25 s")
        #expect(exact(3_600_000) == "1 h")
        #expect(exact(3_605_000) == "1 h 5 s")
        #expect(exact(3_900_001) == "1 h 5 min 0.001 s")
        #expect(exact(86_400_000) == "1 d")
        #expect(exact(90_000_500) == "1 d 1 h 0.5 s")
        #expect(exact(150_250, .japanese) == "2分30.25秒")
    }

    @Test func extremesAreWrittenWithoutOverflow() {
        #expect(exact(-1_050) == "-1.05 s")
        #expect(exact(.max) == "106751991167 d 7 h 12 min 55.807 s")
        #expect(exact(.min) == "-106751991167 d 7 h 12 min 55.807 s")
    }
}

import Foundation
import Testing

/// Compares text with a golden file stored beside the test, in
/// `__Snapshots__/<test file name>/<name>`.
///
/// A missing or different golden fails the test. With `RECORD_SNAPSHOTS=1` in the
/// environment the golden is (re)written instead, and the test still fails, so a recording
/// run can never pass by accident.
public func expectSnapshot(
    _ actual: String,
    named name: String,
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let testFile = URL(fileURLWithPath: filePath)
    let folder = testFile.deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
        .appendingPathComponent(testFile.deletingPathExtension().lastPathComponent)
    let golden = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: golden)
        Issue.record("Recorded snapshot \(golden.path); run again without RECORD_SNAPSHOTS to verify.", sourceLocation: sourceLocation)
        return
    }
    guard let data = FileManager.default.contents(atPath: golden.path) else {
        Issue.record("No snapshot at \(golden.path); run with RECORD_SNAPSHOTS=1 to record it.", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        Issue.record(
            "Snapshot \(name) differs.\n\(firstDifference(expected: expected, actual: actual))\nRe-record with RECORD_SNAPSHOTS=1 if the change is intended.",
            sourceLocation: sourceLocation
        )
    }
}

/// The first differing line of two texts, for a readable failure.
func firstDifference(expected: String, actual: String) -> String {
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(left.count, right.count) {
        let expectedLine = index < left.count ? String(left[index]) : "<end of file>"
        let actualLine = index < right.count ? String(right[index]) : "<end of file>"
        if expectedLine != actualLine {
            return "line \(index + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)"
        }
    }
    return "(no line differs)"
}

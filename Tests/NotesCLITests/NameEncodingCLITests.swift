import Foundation
import NotesCore
import Testing
import TestSupport

/// Built by the real executable, every address in every page and in the sidebar script of
/// a site with hostile note names, resolved against its page and percent-decoded as a
/// browser and a static server do, names a file that exists in the output.
@Suite struct NameEncodingCLITests {
    @Test func everyAddressNamesAnExistingFile() throws {
        let site = try CLI.makeSite(HostileNames.site)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try CLI.run(["build", ".", "--output", "public", "--no-search", "--no-cache"], in: site)
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let output = site + "/public"
        let files = try FileManager.default.subpathsOfDirectory(atPath: output).sorted()
        var checked = 0
        for file in files where file.hasSuffix(".html") || (file.hasPrefix("toc.") && file.hasSuffix(".js")) {
            let text = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            // The sidebar's addresses are relative to the site root; each page's to itself.
            let base = file.hasSuffix(".js") ? "" : (file as NSString).deletingLastPathComponent
            for address in HostileNames.addresses(in: text) where !address.hasPrefix("#") {
                #expect(!address.contains(":"), "\(file): \(address) has a scheme")
                let path = String(address.prefix { $0 != "#" && $0 != "?" })
                let decoded = try #require(PercentEncoding.decodeStrictly(path), "\(file): \(address)")
                let target = Self.resolve(decoded, against: decoded.hasPrefix("/") ? "" : base)
                #expect(files.contains(target), "\(file): \(address) -> \(target) is missing")
                checked += 1
            }
        }
        #expect(checked > 100)
        #expect(files.contains("javascript:alert(1);x.html") && files.contains("h#1.html") && files.contains("\"q'<x>.html"))
    }

    /// A relative path resolved against a folder of the output (`..` and `.` removed; a
    /// path from the root, as the 404 page writes them, taken from the output's root).
    private static func resolve(_ path: String, against folder: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}

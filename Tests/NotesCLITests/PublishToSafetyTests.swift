import Foundation
import Testing

/// `publish --to` never writes, reads or deletes through a symbolic link in the destination,
/// and refuses a destination that is itself a link.
@Suite struct PublishToSafetyTests {
    private let files = FileManager.default

    /// A built site in a new folder, and a folder beside it standing for "outside".
    private func builtSite() throws -> (site: String, outside: String) {
        let site = try CLI.makeSite(["content/one.md": "# One\n", "content/sub/two.md": "# Two\n"])
        let outside = try CLI.makeSite(["one.html": "precious\n", "sub/two.html": "precious too\n", "keep.txt": "mine\n"])
        #expect(try CLI.run(["build", "--no-search"], in: site).status == 0)
        return (site, outside)
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func aLinkWhereAFileOrFolderGoesIsReplacedAndItsTargetKept() throws {
        let (site, outside) = try builtSite()
        defer { for folder in [site, outside] { try? files.removeItem(atPath: folder) } }
        #expect(try CLI.run(["publish", "--to", "out"], in: site).status == 0)
        try files.removeItem(atPath: site + "/out/one.html")
        try files.removeItem(atPath: site + "/out/sub")
        try files.createSymbolicLink(atPath: site + "/out/one.html", withDestinationPath: outside + "/one.html")
        try files.createSymbolicLink(atPath: site + "/out/sub", withDestinationPath: outside + "/sub")
        try files.createSymbolicLink(atPath: site + "/out/stale", withDestinationPath: outside + "/keep.txt")
        try files.createSymbolicLink(atPath: site + "/out/dangling.html", withDestinationPath: outside + "/none")

        let result = try CLI.run(["publish", "--to", "out"], in: site)
        #expect(result.status == 0)
        #expect(
            result.standardError == """
                out/dangling.html: warning: removed this symbolic link (its target is untouched); publish never writes through links [publish.link-removed]
                out/one.html: warning: removed this symbolic link (its target is untouched); publish never writes through links [publish.link-removed]
                out/stale: warning: removed this symbolic link (its target is untouched); publish never writes through links [publish.link-removed]
                out/sub: warning: removed this symbolic link (its target is untouched); publish never writes through links [publish.link-removed]

                """)
        #expect(result.lastLine.hasPrefix("Published public/ to out/: 2 written, 0 deleted, "))
        for path in ["one.html", "sub", "sub/two.html"] {
            let kind = try files.attributesOfItem(atPath: site + "/out/" + path)[.type] as? FileAttributeType
            #expect(kind == (path == "sub" ? .typeDirectory : .typeRegular), "\(path)")
        }
        #expect(try text(site + "/out/one.html").contains("<h1"))
        #expect(try text(outside + "/one.html") == "precious\n")
        #expect(try text(outside + "/sub/two.html") == "precious too\n")
        #expect(try text(outside + "/keep.txt") == "mine\n")
        #expect(!files.fileExists(atPath: site + "/out/stale"))
    }

    @Test(arguments: ["out", "out/", "out//"])
    func aDestinationThatIsALinkIsRefused(argument: String) throws {
        let (site, outside) = try builtSite()
        defer { for folder in [site, outside] { try? files.removeItem(atPath: folder) } }
        try files.createSymbolicLink(atPath: site + "/out", withDestinationPath: outside)
        let result = try CLI.run(["publish", "--to", argument], in: site)
        #expect(result.status == 1)
        let resolved = try #require(URL(fileURLWithPath: outside).resolvingSymlinksInPath().path.removingPercentEncoding)
        #expect(
            result.standardError == """
                out: error: the destination is a symbolic link; publish never writes through links [publish.destination-link]
                out: note: publish into the folder it points to: --to \(resolved)

                """)
        #expect(try text(outside + "/one.html") == "precious\n")
        #expect(try files.contentsOfDirectory(atPath: outside).sorted() == ["keep.txt", "one.html", "sub"])
    }

    /// A copy inside the site it copies grew a level with every publish and was published
    /// along with it; an unrelated folder's hint names publish's own option.
    @Test func theBuiltSiteItselfOrAFolderInsideItIsRefused() throws {
        let (site, outside) = try builtSite()
        defer { for folder in [site, outside] { try? files.removeItem(atPath: folder) } }
        for destination in ["public", "public/sub", "public/new"] {
            let result = try CLI.run(["publish", "--to", destination], in: site)
            #expect(result.status == 1, "\(destination)")
            #expect(
                result.standardError
                    == "\(destination): error: refusing to publish the site into itself, a folder inside it or a folder that holds it [output.refused]\n\(destination): note: choose a folder outside public/\n"
            )
        }
        #expect(!files.fileExists(atPath: site + "/public/new"))
        let unrelated = try CLI.run(["publish", "--to", outside], in: site)
        #expect(unrelated.status == 1)
        #expect(unrelated.standardError.hasSuffix("note: empty it, or choose another directory with --to\n"))
        let empty = try CLI.run(["publish", "--to", ""], in: site)
        #expect(empty.status == 2)
        #expect(empty.standardError.hasPrefix("Error: --to needs a folder: --to DIR\n"))
    }

    @Test func aDanglingDestinationLinkIsRefusedWithoutAHint() throws {
        let (site, outside) = try builtSite()
        defer { for folder in [site, outside] { try? files.removeItem(atPath: folder) } }
        try files.createSymbolicLink(atPath: site + "/out", withDestinationPath: outside + "/new-folder")
        let result = try CLI.run(["publish", "--to", "out"], in: site)
        #expect(result.status == 1)
        #expect(result.standardError == "out: error: the destination is a symbolic link; publish never writes through links [publish.destination-link]\n")
        #expect(!files.fileExists(atPath: outside + "/new-folder"))
    }
}

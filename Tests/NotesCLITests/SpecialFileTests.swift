import Foundation
import Testing

/// A FIFO, socket or device where notesim expects a file is an error, never a read that
/// waits forever (issue 18, "no hang").
@Suite struct SpecialFileTests {
    /// Makes a FIFO, a Unix socket and (where allowed) a character device at the given paths.
    private func makeSpecialFiles(fifos: [String], socket: String, device: String) throws -> Bool {
        for path in fifos { #expect(mkfifo(path, 0o644) == 0, "mkfifo \(path)") }
        let descriptor = Foundation.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socket.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0, "bind \(socket)")
        close(descriptor)
        // /dev/null's numbers (1, 3); only root may make a device node.
        return mknod(device, S_IFCHR | 0o644, dev_t((1 << 8) | 3)) == 0
    }

    @Test func specialFilesAreErrorsNotHangs() throws {
        let site = try CLI.makeSite(["content/a.md": "# A\n\n![i](pipe.png)\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/templates", withIntermediateDirectories: true)
        let device = try makeSpecialFiles(
            fifos: [site + "/content/pipe.png", site + "/content/x.md", site + "/notesim.yml", site + "/templates/page.mustache"],
            socket: site + "/content/s.md", device: site + "/content/zero.md")
        let check = try CLI.run(["check", "."], in: site)
        #expect(check.status == 1)
        let errors = check.standardError.split(separator: "\n").filter { $0.hasSuffix("[file.not-regular]") }
        var expected = ["content/pipe.png", "content/s.md", "content/x.md", "notesim.yml", "templates/page.mustache"]
        if device { expected.append("content/zero.md") }
        #expect(errors.map { String($0.prefix { $0 != ":" }) }.sorted() == expected.sorted())
        #expect(
            errors.first.map(String.init)?.hasSuffix(
                ": error: not a regular file (a FIFO, socket or device); notesim reads only regular files [file.not-regular]") == true)
        let simulate = try CLI.run(["simulate", "content/x.md#1"], in: site)
        #expect(simulate.status == 1)
        #expect(simulate.standardError.contains("not a regular file"))
    }
}

import Foundation
import Testing

@testable import Pipeline

/// ``AtomicFileWriter``: a replaced or copied destination changes only on commit; one appended to in place is
/// added to directly, and cut back to its length before when the writer discards.
@Suite struct AtomicFileWriterTests {
    func inode(_ path: String) -> UInt64 {
        var info = stat()
        #expect(stat(path, &info) == 0)
        return UInt64(info.st_ino)
    }

    @Test func aCopyingWriterLeavesTheDestinationUntouchedUntilItCommits() throws {
        let folder = TemporaryFolder()
        let path = folder.write("out.jsonl", "first\n")
        let writer = try AtomicFileWriter(path: path, existing: .copied)
        try writer.write("second\n")
        try writer.flush()
        #expect(writer.keptBytes == 6)
        #expect(folder.read("out.jsonl") == "first\n")
        try writer.commit()
        #expect(folder.read("out.jsonl") == "first\nsecond\n")
    }

    @Test func appendingInPlaceWritesIntoTheSameFileAndCommitKeepsIt() throws {
        let folder = TemporaryFolder()
        let path = folder.write("out.jsonl", "first\n")
        let before = inode(path)
        let writer = try AtomicFileWriter(path: path, existing: .appendedInPlace)
        #expect(writer.keptBytes == 6)
        try writer.write("second\n")
        try writer.flush()
        #expect(folder.read("out.jsonl") == "first\nsecond\n")
        try writer.commit()
        #expect(folder.read("out.jsonl") == "first\nsecond\n")
        #expect(inode(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.jsonl"])
    }

    @Test func appendingInPlaceThenDiscardingCutsTheFileBack() throws {
        let folder = TemporaryFolder()
        let path = folder.write("out.jsonl", "first\n")
        let writer = try AtomicFileWriter(path: path, existing: .appendedInPlace)
        try writer.write("second, from a run that failed\n")
        try writer.flush()
        writer.discard()
        #expect(folder.read("out.jsonl") == "first\n")
    }

    @Test func appendingInPlaceCreatesAMissingFileInItsFolder() throws {
        let folder = TemporaryFolder()
        let writer = try AtomicFileWriter(path: folder.file("new/out.jsonl"), existing: .appendedInPlace)
        #expect(writer.keptBytes == 0)
        try writer.write("only\n")
        try writer.commit()
        #expect(folder.read("new/out.jsonl") == "only\n")
    }
}

import Testing

@testable import Pipeline

@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func parsesNestedValues() throws {
        let value = try parser.parse(#" {"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}} "#)
        #expect(
            value
                == .object([
                    "a": .array([.integer(1), .double(-25), .bool(true), .bool(false), .null]),
                    "b": .object(["c": .string("d")]),
                ])
        )
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parser.parse(#""tab\there \"q\" \u00e9 \ud83d\ude00 \/""#)
        #expect(value == .string("tab\there \"q\" é 😀 /"))
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, "unexpected character '}', expected a string key at column 9"),
        (#"[1 2]"#, "unexpected character '2', expected ',' or ']' at column 4"),
        (#""\ud800""#, "lone surrogate in a \\u escape at column 8"),
        (#"{"a": 01}"#, "unexpected character '1', expected ',' or '}' at column 8"),
        ("[1] x", "unexpected character 'x' after the value at column 5"),
        ("", "unexpected end of input, expected a value at column 1"),
        (#""abc"#, "unterminated string at column 5"),
    ])
    func reportsSyntaxErrors(input: String, message: String) {
        let error = #expect(throws: JSONParser.SyntaxError.self) { try parser.parse(input) }
        #expect(error?.description == message)
    }

    @Test func rejectsInvalidUTF8InStrings() {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x22]
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParser.SyntaxError) in try parser.parse(buffer) }
        }
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message == "invalid UTF-8 in a string")
    }

    @Test func limitsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: JSONParser.SyntaxError.self) { try parser.parse(deep) }
        #expect(error?.description == "nesting deeper than 256 levels at column 257")
    }

    @Test func serialisesWithSortedKeysAndEscapes() {
        let value = JSONValue.object([
            "z": .integer(1), "a": .string("line\nquote\" back\\ \u{01} é"),
            "m": .array([.null, .bool(true), .double(0.5)]),
        ])
        #expect(value.serialized() == #"{"a":"line\nquote\" back\\ \u0001 é","m":[null,true,0.5],"z":1}"#)
    }

    @Test func documentJSONRoundTrips() throws {
        let document = Document(
            id: "a/b.txt",
            text: "Héllo\n\"world\"",
            fields: ["topic": .string("x"), "count": .integer(3)]
        )
        var bytes: [UInt8] = []
        document.writeJSON(to: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == #"{"id":"a/b.txt","text":"Héllo\n\"world\"","count":3,"topic":"x"}"#)
        let parsed = try parser.parse(text)
        #expect(parsed == document.json)
    }

    @Test(arguments: [
        (Int64(0), "0"), (9, "9"), (10, "10"), (-7, "-7"), (1_234_567_890, "1234567890"),
        (Int64.max, "9223372036854775807"), (Int64.min, "-9223372036854775808"),
    ])
    func serialisesIntegers(value: Int64, text: String) throws {
        #expect(JSONValue.integer(value).serialized() == text)
        #expect(try JSONParser().parse(text) == .integer(value))
    }

    @Test func sortsKeysByteWiseIncludingNonASCII() {
        // UTF-8 byte order: "Z" (5A) < "a" (61) < "é" (C3 A9) < "中" (E4 B8 AD) < "😀" (F0 9F 98 80).
        let value = JSONValue.object([
            "😀": .integer(5), "é": .integer(3), "a": .integer(2), "中": .integer(4), "Z": .null,
        ])
        #expect(value.serialized() == #"{"Z":null,"a":2,"é":3,"中":4,"😀":5}"#)
    }
}

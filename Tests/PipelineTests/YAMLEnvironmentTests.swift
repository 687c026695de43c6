import Testing

@testable import Pipeline

@Suite("YAMLNode environment interpolation")
struct YAMLEnvironmentTests {
    private static func interpolate(
        _ text: String,
        _ environment: [String: String],
        keyPath: String = ""
    ) throws -> YAMLNode {
        let node = try #require(try YAMLParser().parse(text, file: "env.yaml"))
        return try node.interpolatingEnvironment(environment, keyPath: keyPath)
    }

    private static func errors(_ text: String, _ environment: [String: String]) throws -> [ConfigurationError] {
        let node = try #require(try YAMLParser().parse(text, file: "env.yaml"))
        do {
            _ = try node.interpolatingEnvironment(environment)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func substitutesSetVariables() throws {
        let node = try Self.interpolate(
            "url: \"http://${HOST}:${PORT}/x\"\nport: ${PORT}\n",
            ["HOST": "db", "PORT": "5432"]
        )
        #expect(node["url"]?.scalar == YAMLScalar(value: "http://db:5432/x", style: .doubleQuoted))
        #expect(node["port"]?.scalar == YAMLScalar(value: "5432", style: .plain))
        #expect(try YAMLNodeDecoder().decode(Int.self, from: node["port"]!) == 5432)
    }

    @Test func usesDefaults() throws {
        let text = "a: ${MISSING:-fallback}\nb: ${EMPTY:-used}\nc: x${MISSING:-}y\nd: ${SET:-unused}\n"
        let node = try Self.interpolate(text, ["EMPTY": "", "SET": "value"])
        #expect(node["a"]?.scalar?.value == "fallback")
        #expect(node["b"]?.scalar?.value == "used")
        #expect(node["c"]?.scalar?.value == "xy")
        #expect(node["d"]?.scalar?.value == "value")
    }

    @Test func emptyVariableWithoutDefaultIsEmpty() throws {
        let node = try Self.interpolate("a: \"${EMPTY}\"\n", ["EMPTY": ""])
        #expect(node["a"]?.scalar?.value == "")
    }

    @Test func keysAreNotInterpolated() throws {
        let node = try Self.interpolate("${KEY}: value\n", ["KEY": "k"])
        #expect(node.mapping?.first?.key.scalar?.value == "${KEY}")
    }

    @Test func escapedDollarBrace() throws {
        let node = try Self.interpolate("a: \"$${HOME} costs $5 and $$ ${X}\"\n", ["X": "x"])
        #expect(node["a"]?.scalar?.value == "${HOME} costs $5 and $$ x")
        #expect(node["a"]?.scalar?.isSensitive == false)
    }

    @Test func unsetVariable() throws {
        let errors = try Self.errors("database:\n  url: ${DB_URL}\n", [:])
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.code == .undefinedVariable)
        #expect(error.message == "environment variable 'DB_URL' is not set")
        #expect(error.hint == "set it or give a default: ${DB_URL:-value}")
        #expect(error.keyPath == "database.url")
        #expect(error.location == SourceLocation(file: "env.yaml", line: 2, column: 8) as Pipeline.SourceLocation)
    }

    @Test func collectsEveryProblem() throws {
        let text = """
            stages:
              - path: ${A}
              - path: ${B}/${C}
            bad: ${not valid}
            open: ${UNCLOSED
            """
        let errors = try Self.errors(text, ["C": "c"])
        #expect(
            errors.map(\.code) == [
                .undefinedVariable, .undefinedVariable, .invalidInterpolation, .invalidInterpolation,
            ]
        )
        #expect(errors.map(\.keyPath) == ["stages[0].path", "stages[1].path", "bad", "open"])
        #expect(errors[2].message == "invalid environment variable reference '${not valid}'")
        #expect(errors[3].message == "unterminated environment variable reference: '${' without a closing '}'")
        #expect(errors[3].hint == "close it with '}', or write '$${' for a literal '${'")
        #expect(ConfigurationErrors(errors).description.split(separator: "\n").count == 8)
    }

    @Test(arguments: ["${}", "${1ABC}", "${A:B}", "${A-B}"])
    func malformedReferences(reference: String) throws {
        let errors = try Self.errors("a: \"\(reference)\"\n", ["A": "x"])
        #expect(errors.map(\.code) == [.invalidInterpolation])
    }

    @Test func newlineInValueIsRejected() throws {
        let errors = try Self.errors("password: ${PW}\n", ["PW": "line1\nline2"])
        #expect(errors.map(\.code) == [.invalidInterpolation])
        #expect(errors.first?.message == "the value of environment variable 'PW' contains a line break")
        #expect(errors.first?.description.contains("line1") == false)
    }

    @Test func literalBlockKeepsItsOwnNewlines() throws {
        let node = try Self.interpolate("text: |\n  hello ${NAME}\n  bye\n", ["NAME": "ada"])
        #expect(node["text"]?.scalar?.value == "hello ada\nbye\n")
    }

    @Test func sensitiveKeysMarkInterpolatedValues() throws {
        let text = """
            api_key: ${API_KEY}
            db_password: literal
            auth:
              Token: "Bearer ${TOKEN}"
            secrets:
              - ${S1}
            name: ${NAME}
            """
        let node = try Self.interpolate(text, ["API_KEY": "k", "TOKEN": "t", "S1": "s", "NAME": "n"])
        #expect(node["api_key"]?.scalar?.isSensitive == true)
        #expect(node["db_password"]?.scalar?.isSensitive == false)
        #expect(
            node["auth"]?["Token"]?.scalar == YAMLScalar(value: "Bearer t", style: .doubleQuoted, isSensitive: true)
        )
        #expect(node["secrets"]?.sequence?.first?.scalar?.isSensitive == true)
        #expect(node["name"]?.scalar?.isSensitive == false)
    }

    @Test func sensitiveValuesAreRedactedInDecodingErrors() throws {
        struct Options: Decodable { var token: Int }
        let node = try Self.interpolate("token: ${TOKEN}\n", ["TOKEN": "hunter2"])
        do {
            _ = try YAMLNodeDecoder().decode(Options.self, from: node)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "expected an integer, found a redacted value")
            #expect(!error.description.contains("hunter2"))
        }
        #expect(node["token"]?.kindDescription == "a redacted value")
    }

    @Test func sensitiveValuesAreRedactedInRangeErrors() throws {
        struct Options: Decodable {
            var keySize: Int
            enum CodingKeys: String, CodingKey { case keySize = "key_size" }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                keySize = try container.decode(Int.self, forKey: .keySize, in: 1...64)
            }
        }
        let node = try Self.interpolate("key_size: ${SIZE}\n", ["SIZE": "123456"])
        do {
            _ = try YAMLNodeDecoder().decode(Options.self, from: node)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .outOfRange)
            #expect(error.message == "expected a value between 1 and 64, found a redacted value")
        }
    }

    @Test func keyPathPrefix() throws {
        let node = try #require(try YAMLParser().parse("url: ${U}\n", file: "env.yaml"))
        do {
            _ = try node.interpolatingEnvironment([:], keyPath: "stages[3]")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.keyPath) == ["stages[3].url"])
        }
    }
}

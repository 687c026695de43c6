import Testing

@testable import Pipeline

@Suite struct StageRegistryTests {
    struct Options: StageOptions {
        static let declarations: [OptionDeclaration<Self>] = []
    }

    /// A stage registered as "upper".
    struct UpperStage: ConfigurableStage, DocumentStage {
        static let typeName = "upper"
        static let summary = "Upper-cases the text."
        init(options: Options) {}
        func process(_ document: Document, context: StageContext) async throws -> StageResult {
            var document = document
            document.text = document.text.uppercased()
            return .keep(document)
        }
    }

    /// Another stage type claiming the same name.
    struct OtherUpperStage: ConfigurableStage, DocumentStage {
        static let typeName = "upper"
        static let summary = "Also claims 'upper'."
        init(options: Options) {}
        func process(_ document: Document, context: StageContext) async throws -> StageResult { .keep(document) }
    }

    @Test func registeringASecondTypeUnderATakenNameThrowsWithTheName() throws {
        let registry = try StageRegistry().registering(UpperStage.self)
        let error = #expect(throws: StageRegistrationError.self) {
            try registry.registering(OtherUpperStage.self)
        }
        #expect(error?.code == .duplicateTypeName)
        #expect(error?.typeName == "upper")
        #expect(
            error?.description
                == "cannot register OtherUpperStage as 'upper': UpperStage is already registered under that name; "
                + "give one of them another typeName"
        )
    }

    @Test func aFailedRegistrationLeavesTheFirstTypeInPlace() throws {
        var registry = try StageRegistry().registering(UpperStage.self)
        let error = #expect(throws: StageRegistrationError.self) { try registry.register(OtherUpperStage.self) }
        #expect(error?.code == .duplicateTypeName)
        #expect(registry.typeNames == ["upper"])
        #expect(registry.entry(named: "upper")?.summary == "Upper-cases the text.")
    }

    @Test func registeringTheSameTypeTwiceIsAnErrorToo() throws {
        var registry = StageRegistry()
        try registry.register(UpperStage.self)
        let error = #expect(throws: StageRegistrationError.self) { try registry.register(UpperStage.self) }
        #expect(
            error?.description
                == "cannot register UpperStage as 'upper': UpperStage is already registered under that name; "
                + "give one of them another typeName"
        )
    }
}

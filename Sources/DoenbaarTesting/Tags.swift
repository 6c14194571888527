import Testing

/// Tags per provision, so a tester can run one provision's uitvoeringstoets:
/// `swift test --filter .tags:buitenland` (or select them in an IDE).
extension Tag {
    @Tag public static var ww: Self
    @Tag public static var buitenland: Self
    @Tag public static var wajong: Self
    @Tag public static var samenloop: Self
    @Tag public static var verrekening: Self
    @Tag public static var personas: Self
}

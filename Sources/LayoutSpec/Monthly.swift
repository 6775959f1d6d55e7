import Geometry

extension LayoutSpec {
    /// The built-in design: A4, two columns, serif body, sans headings, a deep-blue brand colour.
    public static let monthly = LayoutSpec(
        name: "monthly",
        page: PageSpec(
            size: PaperSize.a4,
            margins: Insets(top: .mm(20), right: .mm(16), bottom: .mm(20), left: .mm(16)),
            columns: 2, columnGap: .mm(7), columnRule: true, spanGap: .pt(10)),
        fonts: FontFamilies(
            body: "Noto Serif, Noto Serif Devanagari, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans Symbols2, Symbola",
            heading: "Noto Sans, Noto Sans Devanagari, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans Symbols2, Symbola",
            mono: "Noto Sans Mono, Noto Sans Devanagari, Symbola"),
        colors: Palette(
            brand: Color(hex: "#1B3A5C") ?? .black,
            accent: Color(hex: "#C0392B") ?? .black,
            text: Color(hex: "#1A1A1A") ?? .black,
            muted: Color(hex: "#5F6B76") ?? .black,
            rule: Color(hex: "#B8C2CC") ?? .black,
            link: Color(hex: "#1F5F99") ?? .black,
            tableHeaderFill: Color(hex: "#DCE6F0") ?? .white,
            tableZebraFill: Color(hex: "#F3F6F9") ?? .white,
            calloutTint: [
                "note": Color(hex: "#EEF3F8") ?? .white,
                "summary": Color(hex: "#EAF4EC") ?? .white,
                "important": Color(hex: "#FCEEEC") ?? .white,
                "exam": Color(hex: "#FFF6E0") ?? .white,
                "fact": Color(hex: "#F1ECF7") ?? .white,
            ],
            calloutAccent: [
                "note": Color(hex: "#3C6E9F") ?? .black,
                "summary": Color(hex: "#2E7D4F") ?? .black,
                "important": Color(hex: "#B03A2E") ?? .black,
                "exam": Color(hex: "#B7791F") ?? .black,
                "fact": Color(hex: "#6B4C9A") ?? .black,
            ]),
        text: TextSpec(size: .pt(9.5), leading: .pt(13), justify: true,
                       paragraphSpacing: .pt(5), blockSpacing: .pt(8),
                       smallSize: .pt(8), smallLeading: .pt(10.5)),
        headings: [
            HeadingStyle(size: .pt(12.5), leading: .pt(15), spaceBefore: .pt(10), spaceAfter: .pt(4),
                         color: Color(hex: "#1B3A5C") ?? .black),
            HeadingStyle(size: .pt(10.5), leading: .pt(13), spaceBefore: .pt(8), spaceAfter: .pt(3),
                         color: Color(hex: "#1B3A5C") ?? .black),
            HeadingStyle(size: .pt(9.5), leading: .pt(12.5), spaceBefore: .pt(6), spaceAfter: .pt(2),
                         color: Color(hex: "#1A1A1A") ?? .black),
        ],
        lists: ListStyle(indent: .pt(13), bullets: ["•", "◦", "▪"],
                         numbering: ["decimal", "lower-alpha", "lower-roman"],
                         itemSpacing: .pt(2), maxIndentLevels: 4),
        table: TableStyle(fontSize: .pt(8), leading: .pt(10), cellPadding: .pt(3), ruleWidth: .pt(0.5)),
        callout: CalloutStyle(
            padding: .pt(7), barWidth: .pt(3),
            labels: ["note": "Note", "summary": "Summary", "important": "Important",
                     "exam": "Exam Focus", "fact": "Fact Check"]),
        timeline: TimelineStyle(dateWidth: .pt(58), dotDiameter: .pt(5), ruleWidth: .pt(1)),
        running: RunningStyle(fontSize: .pt(7.5), headerBaseline: .mm(12), footerBaseline: .mm(11)))
}

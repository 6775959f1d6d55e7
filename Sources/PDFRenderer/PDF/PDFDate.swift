/// ISO 8601 dates in the form cairo 1.16 turns into PDF dates.
///
/// Cairo's converter accepts only the characters `0-9 - T : + Z` in fixed positions; anything
/// else (fractional seconds, a lower-case `t`, `+0530`) makes it drop the date without a word,
/// and the PDF then carries the clock time. Normalising here keeps output reproducible and
/// turns a bad date into an error.
package enum PDFDate {
    /// `text` rewritten as `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, or the latter followed by `Z`
    /// or `±HH:MM`; nil when `text` is not a valid ISO 8601 date or date-time.
    ///
    /// Accepts a `T`, `t` or space between date and time, optional seconds, fractional seconds
    /// (dropped), and zones `Z`, `z`, `±HH`, `±HHMM`, `±HH:MM`.
    package static func cairoDate(fromISO8601 text: String) -> String? {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.skip("-"), let month = scanner.digits(2),
            scanner.skip("-"), let day = scanner.digits(2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let date = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
        if scanner.atEnd { return date }

        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.digits(2), scanner.skip(":"), let minute = scanner.digits(2),
            hour < 24, minute < 60
        else { return nil }
        var second = 0
        if scanner.skip(":") {
            guard let value = scanner.digits(2), value < 60 else { return nil }
            second = value
            if scanner.skip(".") || scanner.skip(",") {
                guard scanner.skipDigits() else { return nil }
            }
        }
        let time = "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))"
        if scanner.atEnd { return time }

        if scanner.skip("Z") || scanner.skip("z") {
            return scanner.atEnd ? time + "Z" : nil
        }
        let sign = scanner.skip("+") ? "+" : scanner.skip("-") ? "-" : nil
        guard let sign, let zoneHour = scanner.digits(2), zoneHour < 24 else { return nil }
        var zoneMinute = 0
        if !scanner.atEnd {
            _ = scanner.skip(":")
            guard let value = scanner.digits(2), value < 60 else { return nil }
            zoneMinute = value
        }
        guard scanner.atEnd else { return nil }
        return "\(time)\(sign)\(pad(zoneHour)):\(pad(zoneMinute))"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Reads ASCII digits and punctuation from the front of a byte string.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Exactly `count` digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        /// One or more digits, ignored.
        mutating func skipDigits() -> Bool {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                index += 1
            }
            return index > start
        }
    }
}

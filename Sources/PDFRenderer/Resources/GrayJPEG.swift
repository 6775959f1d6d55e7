internal import CTurboJPEG

/// JPEG bytes turned into a grayscale JPEG without decoding them: libjpeg-turbo drops the
/// colour components of the compressed image (`TJXOPT_GRAY`), so the picture loses no
/// sharpness and the PDF embeds it as compactly as the original.
enum GrayJPEG {
    /// The grayscale JPEG of `bytes`; `path` names the file in errors.
    static func convert(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        guard let handle = tjInitTransform() else {
            throw RenderError.unreadableFile(path: path, reason: "libjpeg-turbo could not start")
        }
        defer { tjDestroy(handle) }
        var transform = tjtransform()
        transform.op = Int32(TJXOP_NONE.rawValue)
        transform.options = TJXOPT_GRAY
        var output: UnsafeMutablePointer<UInt8>?
        var outputSize: UInt = 0
        let status = bytes.withUnsafeBufferPointer { input in
            tjTransform(handle, input.baseAddress, UInt(input.count), 1, &output, &outputSize, &transform, 0)
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else {
            let reason = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
            throw RenderError.unreadableFile(path: path, reason: "cannot turn the JPEG gray: \(reason)")
        }
        return Array(UnsafeBufferPointer(start: output, count: Int(outputSize)))
    }
}

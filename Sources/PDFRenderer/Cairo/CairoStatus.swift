internal import CCairo

/// Cairo's own words for a failed status, or nil for success.
///
/// Cairo errors are sticky: once an object is in error every later call is a no-op, so checking
/// after a group of calls reports the first thing that went wrong.
func failureMessage(_ status: cairo_status_t) -> String? {
    guard status != CAIRO_STATUS_SUCCESS else { return nil }
    return String(cString: cairo_status_to_string(status))
}

/// Throws `RenderError.cairo` when `status` is not success.
func checkCairo(_ status: cairo_status_t, action: String, path: String) throws {
    if let message = failureMessage(status) {
        throw RenderError.cairo(status: message, action: action, path: path)
    }
}

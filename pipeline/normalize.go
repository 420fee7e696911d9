package pipeline

import "strings"

// Normalize drops a leading byte order mark and turns CRLF and lone CR line
// endings into LF. Nothing else changes, so offsets into the result mean the
// same characters as in the source (SPEC section 2).
func Normalize(text string) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.IndexByte(text, '\r') < 0 {
		return text
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.ReplaceAll(text, "\r", "\n")
}

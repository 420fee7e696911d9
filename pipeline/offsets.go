package pipeline

import (
	"slices"
	"unicode/utf8"
)

// CodePoints converts byte offsets into text to code-point offsets (what
// Python's text[start:end] and DuckDB's substring use), in place. Every
// offset must lie on a rune boundary in [0, len(text)]. It reads text once,
// whatever the number of offsets.
func CodePoints(text string, offsets []*int) {
	if len(offsets) == 0 {
		return
	}
	vals := make([]int, len(offsets))
	for i, p := range offsets {
		vals[i] = *p
	}
	slices.Sort(vals)
	vals = slices.Compact(vals)
	conv := make(map[int]int, len(vals))
	cp, b := 0, 0
	for _, v := range vals {
		cp += utf8.RuneCountInString(text[b:v])
		b = v
		conv[v] = cp
	}
	for _, p := range offsets {
		*p = conv[*p]
	}
}

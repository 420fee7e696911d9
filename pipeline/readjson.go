package pipeline

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// decodeArticle is json.Unmarshal(line, &j), for a line of valid UTF-8
// (jsonRecord checks that first), for the lines it can vouch for, in one pass and without reflection: it validates the whole line as
// encoding/json does (or more strictly), skips the fields we do not read
// (PolNeAR's annotations are most of its bytes) and unquotes the ones we do.
// It returns ok false, having decided nothing, for anything unusual (not an
// object, a syntax error, a field name in another case or with escapes, a
// field twice, a field of another type, \u escapes in a field we read); the
// caller then runs json.Unmarshal, which gives the same result or the same
// error as always. FuzzDecodeArticle holds the two together.
func decodeArticle(line []byte) (j jsonArticle, ok bool) {
	d := jsonScanner{b: line}
	d.space()
	if !d.byte('{') {
		return j, false
	}
	var seen [6]bool
	d.space()
	if d.byte('}') {
		return j, d.end()
	}
	for {
		d.space()
		k0, k1, esc, okKey := d.str()
		if !okKey || esc {
			return j, false
		}
		key := line[k0:k1]
		d.space()
		if !d.byte(':') {
			return j, false
		}
		d.space()
		field := -1
		switch string(key) {
		case "id":
			field = 0
		case "outlet":
			field = 1
		case "url":
			field = 2
		case "published":
			field = 3
		case "title":
			field = 4
		case "text":
			field = 5
		default:
			// A name json.Unmarshal might match without regard to case.
			if foldsToField(key) {
				return j, false
			}
		}
		if field >= 0 {
			if seen[field] {
				return j, false
			}
			seen[field] = true
		}
		v0 := d.i
		if !d.value(0) {
			return j, false
		}
		if field >= 0 {
			raw := line[v0:d.i]
			switch field {
			case 0:
				j.ID = raw // parsed (and so copied) by jsonID before the line is reused
			default:
				var s string
				null := false
				switch raw[0] {
				case '"':
					var okStr bool
					if s, okStr = unquote(raw); !okStr {
						return j, false
					}
				case 'n':
					null = true
				default:
					return j, false // not a string: json.Unmarshal says what
				}
				switch field {
				case 1:
					j.Outlet = s
				case 2:
					j.URL = s
				case 3:
					j.Published = s
				case 4:
					j.Title = s
				case 5:
					if !null {
						j.Text = &s
					}
				}
			}
		}
		d.space()
		if d.byte(',') {
			continue
		}
		if d.byte('}') {
			return j, d.end()
		}
		return j, false
	}
}

// foldsToField says whether a field name could be one of jsonArticle's in
// encoding/json's case-insensitive matching: ASCII letters in another case,
// or any byte outside ASCII (some fold to ASCII letters: ſ to s, K to k).
func foldsToField(key []byte) bool {
	var low [16]byte
	if len(key) > len(low) {
		for _, c := range key {
			if c >= utf8.RuneSelf {
				return true
			}
		}
		return false
	}
	for i, c := range key {
		if c >= utf8.RuneSelf {
			return true
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	switch string(low[:len(key)]) {
	case "id", "outlet", "url", "published", "title", "text":
		return true
	}
	return false
}

// unquote returns the string a JSON string token (quotes included, already
// validated) stands for. Escapes other than \u are undone here; a token
// with \u goes to json.Unmarshal, which knows its surrogate rules.
func unquote(tok []byte) (string, bool) {
	body := tok[1 : len(tok)-1]
	i := bytes.IndexByte(body, '\\')
	if i < 0 {
		return string(body), true
	}
	// A Builder hands over its bytes as the string: an article's text is
	// not copied a second time.
	var out strings.Builder
	out.Grow(len(body))
	out.Write(body[:i])
	for ; i < len(body); i++ {
		if body[i] != '\\' {
			n := bytes.IndexByte(body[i:], '\\')
			if n < 0 {
				n = len(body) - i
			}
			out.Write(body[i : i+n])
			i += n - 1
			continue
		}
		i++
		switch body[i] {
		case '"', '\\', '/':
			out.WriteByte(body[i])
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		default: // 'u'
			var s string
			if json.Unmarshal(tok, &s) != nil {
				return "", false
			}
			return s, true
		}
	}
	return out.String(), true
}

// jsonScanner validates JSON as encoding/json's scanner does: RFC 8259,
// any byte from 0x20 up inside strings (the line's UTF-8 is checked
// before), whitespace space, tab, LF and CR.
type jsonScanner struct {
	b []byte
	i int
}

// maxDepth is where decodeArticle gives up and lets json.Unmarshal decide
// (its own limit is 10000).
const maxDepth = 1000

func (d *jsonScanner) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// byte consumes c if it is next.
func (d *jsonScanner) byte(c byte) bool {
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

// end says whether only whitespace is left.
func (d *jsonScanner) end() bool {
	d.space()
	return d.i == len(d.b)
}

// str consumes a string and returns the span of its contents and whether
// it holds an escape.
func (d *jsonScanner) str() (start, end int, esc, ok bool) {
	if !d.byte('"') {
		return 0, 0, false, false
	}
	start = d.i
	quote := -1 // the next '"' at or after d.i, once found
	for d.i < len(d.b) {
		// Step over the plain bytes up to the next quote or backslash at
		// once (IndexByte is vectorised), checking them for control bytes.
		if quote < d.i {
			q := bytes.IndexByte(d.b[d.i:], '"')
			if q < 0 {
				return 0, 0, false, false
			}
			quote = d.i + q
		}
		n := quote - d.i
		if bs := bytes.IndexByte(d.b[d.i:quote], '\\'); bs >= 0 {
			n = bs
		}
		if hasControl(d.b[d.i : d.i+n]) {
			return 0, 0, false, false
		}
		d.i += n
		if d.i >= len(d.b) {
			break
		}
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			return start, d.i - 1, esc, true
		case c < 0x20:
			return 0, 0, false, false
		case c == '\\':
			esc = true
			d.i++
			if d.i >= len(d.b) {
				return 0, 0, false, false
			}
			switch d.b[d.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				d.i++
			case 'u':
				if d.i+4 >= len(d.b) {
					return 0, 0, false, false
				}
				for _, h := range d.b[d.i+1 : d.i+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return 0, 0, false, false
					}
				}
				d.i += 5
			default:
				return 0, 0, false, false
			}
		default:
			d.i++
		}
	}
	return 0, 0, false, false
}

// hasControl says whether b holds a byte below 0x20, eight bytes at a time.
func hasControl(b []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		// a byte is below 0x20 when subtracting 0x20 borrows into its
		// high bit while the byte's own high bit is clear
		if (x-0x20*ones)&^x&highs != 0 {
			return true
		}
		b = b[8:]
	}
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// value consumes one value.
func (d *jsonScanner) value(depth int) bool {
	if d.i >= len(d.b) || depth > maxDepth {
		return false
	}
	switch c := d.b[d.i]; {
	case c == '"':
		_, _, _, ok := d.str()
		return ok
	case c == '{':
		d.i++
		d.space()
		if d.byte('}') {
			return true
		}
		for {
			d.space()
			if _, _, _, ok := d.str(); !ok {
				return false
			}
			d.space()
			if !d.byte(':') {
				return false
			}
			d.space()
			if !d.value(depth + 1) {
				return false
			}
			d.space()
			if d.byte(',') {
				continue
			}
			return d.byte('}')
		}
	case c == '[':
		d.i++
		d.space()
		if d.byte(']') {
			return true
		}
		for {
			d.space()
			if !d.value(depth + 1) {
				return false
			}
			d.space()
			if d.byte(',') {
				continue
			}
			return d.byte(']')
		}
	case c == 't':
		return d.word("true")
	case c == 'f':
		return d.word("false")
	case c == 'n':
		return d.word("null")
	default:
		return d.number()
	}
}

func (d *jsonScanner) word(w string) bool {
	if len(d.b)-d.i >= len(w) && string(d.b[d.i:d.i+len(w)]) == w {
		d.i += len(w)
		return true
	}
	return false
}

// number consumes -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *jsonScanner) number() bool {
	d.byte('-')
	switch {
	case d.byte('0'):
	case d.i < len(d.b) && '1' <= d.b[d.i] && d.b[d.i] <= '9':
		d.digits()
	default:
		return false
	}
	if d.byte('.') {
		if d.digits() == 0 {
			return false
		}
	}
	if d.byte('e') || d.byte('E') {
		if !d.byte('+') {
			d.byte('-')
		}
		if d.digits() == 0 {
			return false
		}
	}
	return true
}

func (d *jsonScanner) digits() int {
	n := 0
	for d.i < len(d.b) && '0' <= d.b[d.i] && d.b[d.i] <= '9' {
		d.i++
		n++
	}
	return n
}

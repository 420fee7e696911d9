package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoted is a stretch of text between quotation marks.
type quoted struct {
	Open       int  // byte offset of the opening mark
	Start, End int  // the content, without the marks
	CloseEnd   int  // just after the closing mark, or End when unclosed
	Closed     bool // false when the paragraph ended first
	Para       int  // paragraph of the opening mark
}

// scanMarks finds every quoted stretch in text in one pass. It knows “ ”,
// straight ", « », “ ” (NYT), and single ‘ ’ / ' when not inside a double
// quote (British style). Quotes inside quotes stay part of the outer quote.
// A quote left open at the end of a paragraph continues when the next
// paragraph opens with the same kind of mark (a multi-paragraph quote);
// otherwise it stops there, so a stray mark never swallows the rest of the
// article.
func scanMarks(text string) []quoted {
	var out []quoted
	var cur *quoted
	var closer rune // expected closing mark of cur
	para := 0
	curly := strings.Contains(text, "“")
	for i := 0; i < len(text); {
		// An ASCII byte other than these neither opens, closes nor
		// ends a paragraph: most of the text is skipped here.
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\'' && c != '`' && c != '\n' {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == '`' && i+1 < len(text) && text[i+1] == '`' {
			r, w = '“', 2 // `` opens like “
		} else if r == '\'' && i+1 < len(text) && text[i+1] == '\'' {
			// '' closes like ” (NYT style); it opens like “ where no quote
			// is open and it starts a word (''This isn't tax reform,'').
			r, w = '”', 2
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			next, _ := utf8.DecodeRuneInString(text[i+2:])
			if cur == nil && boundaryBefore(prev) && !unicode.IsSpace(next) && next != utf8.RuneError {
				r = '“'
			}
		}
		if r == '\n' {
			// End of a paragraph: a quote still open either continues into
			// the next paragraph or ends here.
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t') {
				j++
			}
			if cur != nil {
				nr, nw := utf8.DecodeRuneInString(text[j:])
				// A paragraph that opens with a speaker's label
				// ("WALLACE: ...") starts a new turn of a transcript.
				// So does a stage direction ("(CROSSTALK.)") end the turn.
				if j >= len(text) || !sameOpener(nr, cur, text) || turnLabel(text[j+nw:]) != 0 || strings.HasPrefix(text[j+nw:], "(") {
					cur.End = trimRightSpace(text, cur.Start, i)
					cur.CloseEnd = cur.End
					out = append(out, *cur)
					cur = nil
				}
			}
			para++
			i += w
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+w:])
		if cur != nil {
			// A mark opening a continuation paragraph is followed by a
			// letter, so it never closes the quote.
			if prev != '\n' && closes(r, closer, prev, next) {
				cur.End, cur.CloseEnd, cur.Closed = i, i+w, true
				out = append(out, *cur)
				cur = nil
			}
			i += w
			continue
		}
		if c, ok := opens(r, prev, next); ok {
			if r == '"' && curly && (prev == '\n' || i == 0) && blockQuote(text[i+w:]) {
				i += w
				continue
			}
			cur = &quoted{Open: i, Start: i + w, Para: para}
			closer = c
		}
		i += w
	}
	if cur != nil {
		cur.End = trimRightSpace(text, cur.Start, len(text))
		cur.CloseEnd = cur.End
		out = append(out, *cur)
	}
	return out
}

// opens says whether r opens a quote here and which mark closes it.
func opens(r, prev, next rune) (rune, bool) {
	switch r {
	case '“', '„':
		return '”', true
	case '«':
		return '»', true
	case '"':
		if boundaryBefore(prev) && !unicode.IsSpace(next) && next != utf8.RuneError {
			return '"', true
		}
	case '‘':
		if boundaryBefore(prev) && !unicode.IsSpace(next) {
			return '’', true
		}
	case '\'':
		if boundaryBefore(prev) && unicode.IsLetter(next) {
			return '\'', true
		}
	}
	return 0, false
}

// closes says whether r closes a quote that expects closer.
func closes(r, closer, prev, next rune) bool {
	switch closer {
	case '”':
		// An opening mark typed for the closing one ends a word and is
		// followed by no word: “It's unusual,“ said Noble.
		return r == '”' || (r == '"' && !unicode.IsLetter(next)) ||
			r == '“' && !unicode.IsSpace(prev) && prev != '“' && !unicode.IsLetter(next) && !unicode.IsDigit(next)
	case '»':
		return r == '»'
	case '"':
		return r == '"' && !unicode.IsLetter(next) && !unicode.IsDigit(next)
	case '’', '\'':
		// An apostrophe inside a word (don’t, Ukraine’s) never closes.
		return (r == '’' || r == '\'') && !unicode.IsLetter(next) && !unicode.IsSpace(prev)
	}
	return false
}

func boundaryBefore(prev rune) bool {
	return prev == utf8.RuneError || unicode.IsSpace(prev) || prev == '(' || prev == '[' ||
		prev == '—' || prev == '–' || prev == '-' || prev == ':' || prev == '/' || prev == '“' || prev == '"'
}

// sameOpener says whether nr, the first character of the next paragraph,
// continues the open quote cur.
func sameOpener(nr rune, cur *quoted, text string) bool {
	o, _ := utf8.DecodeRuneInString(text[cur.Open:])
	if strings.HasPrefix(text[cur.Open:], "''") {
		o = '“'
	}
	switch o {
	case '“', '„', '`':
		return nr == '“' || nr == '"' || nr == '`' || nr == '\''
	case '"':
		// A straight mark is continued by a straight mark only: in an
		// article written with curly marks, a paragraph opened by " is
		// a block quotation, and the next paragraph's “ starts its own.
		return nr == '"'
	case '«':
		return nr == '«'
	case '‘', '\'':
		return nr == '‘' || nr == '\''
	}
	return false
}

func trimRightSpace(text string, lo, hi int) int {
	for hi > lo {
		r, w := utf8.DecodeLastRuneInString(text[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		hi -= w
	}
	return hi
}

// blockQuote says whether a paragraph opened by a straight mark, in an
// article written with curly marks, is a block quotation: the mark never
// closes in the paragraph, so it sets off the author's excerpt of another
// text, not someone's words; quotes inside it are read on their own.
func blockQuote(rest string) bool {
	end := strings.IndexByte(rest, '\n')
	if end < 0 {
		end = len(rest)
	}
	return strings.IndexByte(rest[:end], '"') < 0 && turnLabel(rest) <= 0
}

// turnLabel returns the length of a transcript speaker's label at the start
// of s ("WALLACE: ", "JAKE TAPPER: "): one to three upper-case words and a
// colon. A label that names no speaker ("UPDATE: ", "VIDEO: ") gives minus
// its length, and no label 0.
func turnLabel(s string) int {
	i, words := 0, 0
	for words < 3 {
		j := i
		for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || j > i && (s[j] == '.' || s[j] == '\'' || s[j] == '-')) {
			j++
		}
		if j-i < 2 {
			return 0
		}
		words++
		if j < len(s) && s[j] == ' ' {
			i = j + 1
			continue
		}
		if j+1 < len(s) && s[j] == ':' && s[j+1] == ' ' {
			if notLabels[s[:j]] {
				return -(j + 2)
			}
			return j + 2
		}
		return 0
	}
	return 0
}

// notLabels are upper-case labels that open a paragraph without naming who
// speaks.
var notLabels = map[string]bool{
	"UPDATE": true, "VIDEO": true, "WATCH": true, "CLARIFICATION": true, "CORRECTION": true,
	"EDITOR'S NOTE": true, "NOTE": true, "PHOTOS": true, "PHOTO": true, "AUDIO": true, "BREAKING": true,
	"READ MORE": true, "RELATED": true, "FULL TEXT": true, "TRANSCRIPT": true, "Q": true, "A": true,
}

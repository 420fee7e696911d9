package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"
)

// Article is one annotated article of a gold file (SPEC section 8).
type Article struct {
	ID        string
	Outlet    string
	Published string
	Text      string
	Quotes    []Quote
	Line      int // where it is in the gold file, from 1
}

// Quote is one annotated quote. Offsets are code points into Article.Text.
type Quote struct {
	Kind       string
	Text       string
	Start, End int
	// Speakers are the acceptable speakers, canonical first; "UNNAMED" or a
	// generic mention ("officials") stands for an unnamed source. Empty when
	// the quote has no speaker.
	Speakers []string
	Tone     *int // -1, 0, +1, or nil when not annotated
	// Stance maps a topic to -1, 0 or +1. nil when the field is absent; an
	// empty map says the quote was read for stance and takes none.
	Stance   map[string]int
	Optional bool // neither rewarded when found nor penalised when missed
	// QuotedFragments are spans inside the quote that a found quote may
	// match on their own: the quoted words of a mixed quote.
	QuotedFragments [][2]int
	// Corpora converted from elsewhere may say more.
	SpeakerIsPronoun bool  // the speaker as written is "he", "she"...: not comparable to a name
	CueIsSpeech      *bool // PolNeAR: false for beliefs, polls and documents
}

// Error is one problem in a gold file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ErrorList is every problem found in a gold file, in line order.
type ErrorList []Error

// maxShown is how many errors ErrorList.Error spells out: a file that is not
// gold at all would otherwise give one per line.
const maxShown = 20

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == maxShown {
			fmt.Fprintf(&b, "\n(and %d more)", len(l)-maxShown)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Kinds are the quote kinds a gold file may use.
var kinds = []string{"direct", "partial", "indirect"}

// ReadGold reads and checks the gold file at path. See ParseGold.
func ReadGold(path string, topics []string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseGold(path, f, topics)
}

// ParseGold reads a gold file: one article per line, blank lines allowed. It
// checks every line and reports all problems at once as an ErrorList, each
// with the file name and line: JSON that does not parse, a missing id or
// text, a repeated id, an offset that does not give the quote's text, a kind,
// tone or stance value outside the SPEC, and, when topics is not nil, a
// stance topic the lexicons do not know. name is used in the messages.
func ParseGold(name string, r io.Reader, topics []string) ([]Article, error) {
	var (
		arts  []Article
		errs  ErrorList
		first = map[string]int{} // id -> line
	)
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			a, msgs := parseArticle(line, topics)
			for _, m := range msgs {
				errs = append(errs, Error{name, n, m})
			}
			if a != nil {
				a.Line = n
				if prev, dup := first[a.ID]; dup {
					errs = append(errs, Error{name, n, fmt.Sprintf("id %q already used on line %d", a.ID, prev)})
				} else {
					first[a.ID] = n
				}
				if len(msgs) == 0 {
					arts = append(arts, *a)
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(arts) == 0 {
		return nil, ErrorList{{name, 1, "no articles"}}
	}
	return arts, nil
}

// The JSON forms, kept apart from the checked records.
type jsonArticle struct {
	ID        *string         `json:"id"`
	Outlet    string          `json:"outlet"`
	Published string          `json:"published"`
	Text      *string         `json:"text"`
	Quotes    json.RawMessage `json:"quotes"`
}

type jsonQuote struct {
	Kind             string         `json:"kind"`
	Text             string         `json:"text"`
	Start            *int           `json:"start"`
	End              *int           `json:"end"`
	Speaker          speakers       `json:"speaker"`
	Tone             *int           `json:"tone"`
	Stance           map[string]int `json:"stance"`
	Optional         bool           `json:"optional"`
	QuotedFragments  [][2]int       `json:"quoted_fragments"`
	SpeakerIsPronoun bool           `json:"speaker_is_pronoun"`
	CueIsSpeech      *bool          `json:"cue_is_speech"`
}

// speakers reads a speaker given as one name, a list of names, or null.
type speakers []string

func (sp *speakers) UnmarshalJSON(b []byte) error {
	var one *string
	if json.Unmarshal(b, &one) == nil {
		*sp = nil
		if one != nil && *one != "" {
			*sp = speakers{*one}
		}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return errors.New("speaker must be a name, a list of names, or null")
	}
	*sp = many
	return nil
}

// parseArticle decodes and checks one line. It returns the article when its
// id could be read (so repeated ids are caught even on a bad line), and the
// problems found.
func parseArticle(line []byte, topics []string) (*Article, []string) {
	if !utf8.Valid(line) {
		return nil, []string{"invalid UTF-8"}
	}
	var j jsonArticle
	if err := json.Unmarshal(line, &j); err != nil {
		return nil, []string{jsonProblem(err)}
	}
	var msgs []string
	bad := func(format string, args ...any) { msgs = append(msgs, fmt.Sprintf(format, args...)) }
	a := &Article{Outlet: j.Outlet, Published: j.Published}
	if j.ID == nil || strings.TrimSpace(*j.ID) == "" {
		bad("no id")
	} else {
		a.ID = *j.ID
	}
	switch {
	case j.Text == nil || strings.TrimSpace(*j.Text) == "":
		bad("no text")
	case strings.HasPrefix(*j.Text, "\uFEFF") || strings.Contains(*j.Text, "\r"):
		bad("text has a byte order mark or a carriage return; remove them so offsets mean what the pipeline sees")
	default:
		a.Text = *j.Text
	}
	var raw []json.RawMessage
	if len(j.Quotes) == 0 || string(j.Quotes) == "null" {
		bad(`no "quotes" list (write "quotes": [] for an article without quotes)`)
	} else if err := json.Unmarshal(j.Quotes, &raw); err != nil {
		bad(`"quotes" is not a list`)
	}
	text := []rune(a.Text)
	// The same words attributed twice to the same speakers are a mistake;
	// to two different sources they are two quotes (PolNeAR has such).
	type key struct {
		start, end int
		speakers   string
	}
	spans := map[key]int{}
	for i, rq := range raw {
		q, qmsgs := parseQuote(rq, text, topics)
		if q != nil {
			k := key{q.Start, q.End, strings.Join(q.Speakers, "\x00")}
			if prev, dup := spans[k]; dup {
				qmsgs = append(qmsgs, fmt.Sprintf("same span [%d,%d) and speaker as quote %d", q.Start, q.End, prev))
			}
			spans[k] = i
			a.Quotes = append(a.Quotes, *q)
		}
		for _, m := range qmsgs {
			bad("quote %d%s: %s", i, label(rq), m)
		}
	}
	if a.ID == "" {
		return nil, msgs
	}
	return a, msgs
}

// label names a quote in a message by the start of its text.
func label(rq json.RawMessage) string {
	var q struct {
		Text string `json:"text"`
	}
	if json.Unmarshal(rq, &q) != nil || q.Text == "" {
		return ""
	}
	return fmt.Sprintf(" (%q)", clip(q.Text, 40))
}

func parseQuote(rq json.RawMessage, text []rune, topics []string) (*Quote, []string) {
	var j jsonQuote
	if err := json.Unmarshal(rq, &j); err != nil {
		return nil, []string{jsonProblem(err)}
	}
	var msgs []string
	bad := func(format string, args ...any) { msgs = append(msgs, fmt.Sprintf(format, args...)) }
	if !slices.Contains(kinds, j.Kind) {
		bad("kind %q is not one of %s", j.Kind, strings.Join(kinds, ", "))
	}
	q := &Quote{Kind: j.Kind, Text: j.Text, Speakers: j.Speaker, Tone: j.Tone, Stance: j.Stance,
		Optional: j.Optional, QuotedFragments: j.QuotedFragments,
		SpeakerIsPronoun: j.SpeakerIsPronoun, CueIsSpeech: j.CueIsSpeech}
	switch {
	case j.Start == nil || j.End == nil:
		bad("start or end missing")
	case !(0 <= *j.Start && *j.Start < *j.End && *j.End <= len(text)):
		bad("span [%d,%d) is not inside the text (%d code points)", *j.Start, *j.End, len(text))
	default:
		q.Start, q.End = *j.Start, *j.End
		if got := string(text[q.Start:q.End]); got != j.Text {
			bad("text[%d:%d] is %q, not the quote's text %q (offsets are in code points)",
				q.Start, q.End, clip(got, 40), clip(j.Text, 40))
		}
	}
	for _, s := range j.Speaker {
		if strings.TrimSpace(s) == "" {
			bad("empty speaker name")
		}
	}
	if j.Tone != nil && !isValue(*j.Tone) {
		bad("tone %d is not -1, 0 or 1", *j.Tone)
	}
	for _, t := range sortedKeys(j.Stance) {
		if topics != nil && !slices.Contains(topics, t) {
			bad("stance topic %q is not in the lexicons (%s)", t, strings.Join(topics, ", "))
		}
		if !isValue(j.Stance[t]) {
			bad("stance %s=%d is not -1, 0 or 1", t, j.Stance[t])
		}
	}
	for _, f := range j.QuotedFragments {
		if !(q.Start <= f[0] && f[0] < f[1] && f[1] <= q.End) {
			bad("quoted fragment [%d,%d) is not inside the quote [%d,%d)", f[0], f[1], q.Start, q.End)
		}
	}
	if len(msgs) > 0 && q.End == 0 {
		return nil, msgs
	}
	return q, msgs
}

func isValue(v int) bool { return v == -1 || v == 0 || v == 1 }

// jsonProblem turns a decoding error into a message without Go's type names.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("not valid JSON at byte %d: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ) && typ.Field != "":
		return fmt.Sprintf("%s: %s where %s was expected", typ.Field, typ.Value, typeName(typ.Type.Kind().String()))
	case errors.As(err, &typ):
		return fmt.Sprintf("a JSON %s where an object was expected", typ.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

func typeName(kind string) string {
	switch kind {
	case "int":
		return "an integer"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "map", "struct":
		return "an object"
	case "slice", "array":
		return "a list"
	case "ptr":
		return "a value"
	}
	return kind
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// clip shortens s to at most n code points, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

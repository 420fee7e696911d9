package eval

import (
	"math"
	"slices"
	"strings"
	"testing"
)

var topics = []string{"nato_membership", "territory", "us_troops"}

// rules reads testdata/rules.jsonl: one small article per matching rule.
func rules(t *testing.T) map[string]Article {
	t.Helper()
	arts, err := ReadGold("testdata/rules.jsonl", topics)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]Article{}
	for _, a := range arts {
		m[a.ID] = a
	}
	return m
}

// found is a found quote at [start, end) said by a person.
func found(kind string, start, end int, speaker string) Found {
	return Found{Kind: kind, Start: start, End: end, SpeakerName: speaker, SpeakerType: "person", ToneLabel: "neutral"}
}

func scoreArticle(t *testing.T, id string, fs ...Found) *Report {
	t.Helper()
	a, ok := rules(t)[id]
	if !ok {
		t.Fatalf("no article %q in testdata/rules.jsonl", id)
	}
	return Score([]Article{a}, map[string][]Found{id: fs}, topics)
}

func TestMatching(t *testing.T) {
	tests := []struct {
		name    string
		article string
		found   []Found
		want    Counts // all kinds
	}{
		// The gold quote is [16,41), 25 code points: 13 shared are enough, 12 are not.
		{"overlap of half the longer span", "half", []Found{found("indirect", 16, 29, "")}, Counts{TP: 1}},
		{"overlap under half", "half", []Found{found("indirect", 16, 28, "")}, Counts{FP: 1, FN: 1}},
		{"longer found span", "half", []Found{found("indirect", 0, 42, "")}, Counts{TP: 1}},
		{"found span wider, gold at least half of it", "half", []Found{found("indirect", 3, 42, "")}, Counts{TP: 1}},
		// [1,13) is 12 code points: 6 shared is exactly half.
		{"exactly half", "two", []Found{found("direct", 1, 7, ""), found("indirect", 38, 53, "")}, Counts{TP: 2}},
		{"one short of half", "two", []Found{found("direct", 1, 6, ""), found("indirect", 38, 53, "")}, Counts{TP: 1, FP: 1, FN: 1}},
		{"no overlap", "half", []Found{found("indirect", 0, 10, "")}, Counts{FP: 1, FN: 1}},
		{"nothing found", "half", nil, Counts{FN: 1}},
		// Both found quotes match [1,13); the larger overlap takes it,
		// whatever the order, and the other is spurious.
		{"one to one, larger overlap first", "two", []Found{
			found("direct", 1, 12, ""), found("direct", 1, 13, ""), found("indirect", 38, 53, "")},
			Counts{TP: 2, FP: 1}},
		{"one found quote, one gold quote", "two", []Found{found("direct", 0, 54, "")}, Counts{FP: 1, FN: 2}},
		{"optional found: not counted", "optional", []Found{
			found("indirect", 15, 31, ""), found("indirect", 47, 55, "Trump")}, Counts{TP: 1}},
		{"optional missed: not counted", "optional", []Found{found("indirect", 15, 31, "")}, Counts{TP: 1}},
		// The clause is [11,50), 39 code points; the fragment [20,36) alone
		// shares too little of it but matches the fragment.
		{"quoted fragment alone", "fragment", []Found{found("partial", 20, 36, "Trump")}, Counts{TP: 1}},
		{"fragment with its marks", "fragment", []Found{found("partial", 19, 37, "Trump")}, Counts{TP: 1}},
		{"whole clause", "fragment", []Found{found("indirect", 11, 50, "Trump")}, Counts{TP: 1}},
		{"part of the fragment", "fragment", []Found{found("partial", 20, 27, "Trump")}, Counts{FP: 1, FN: 1}},
		// Offsets are code points: "«Ça suffit»" starts at 1, not at byte 2.
		{"code points", "accents", []Found{found("direct", 1, 10, "Zelenskyy")}, Counts{TP: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scoreArticle(t, tt.article, tt.found...)
			if r.Quotes != tt.want {
				t.Errorf("%s %v: quotes %+v, want %+v", tt.article, tt.found, r.Quotes, tt.want)
			}
			if r.Matched != tt.want.TP {
				t.Errorf("%s: matched %d, want %d", tt.article, r.Matched, tt.want.TP)
			}
		})
	}
}

func TestKinds(t *testing.T) {
	// A direct quote found as indirect and an indirect one found as direct:
	// both match, and each counts against its kind.
	r := scoreArticle(t, "two", found("indirect", 1, 13, "Lee"), found("direct", 38, 53, "Kim"))
	if want := (Counts{TP: 2}); r.Quotes != want {
		t.Errorf("all kinds %+v, want %+v", r.Quotes, want)
	}
	if want := (Counts{FP: 1, FN: 1}); r.Quoted != want || r.Indirect != want {
		t.Errorf("direct+partial %+v, indirect %+v, want %+v for both", r.Quoted, r.Indirect, want)
	}
}

func TestSpeakers(t *testing.T) {
	// The gold speakers of testdata/rules.jsonl "speakers": 0 Volodymyr
	// Zelensky, 1 Dmitry Peskov or Kremlin, 2 Kremlin, 3 UNNAMED.
	spans := [][2]int{{15, 28}, {60, 74}, {93, 109}, {122, 140}}
	tests := []struct {
		quote               int
		name, written, kind string
		want                bool
	}{
		{0, "Volodymyr Zelensky", "", "person", true},
		{0, "Zelenskyy", "", "person", true},                       // transliteration, surname
		{0, "President Volodymyr Zelenskiy", "", "person", true},   // honorific
		{0, "ZELENSKY", "", "person", true},                        // case
		{0, "Vladimir Putin", "", "person", false},                 //
		{1, "Kremlin", "", "organization", true},                   // the second acceptable name
		{1, "Peskov", "", "person", true},                          // a person's surname
		{1, "Peskov", "", "organization", false},                   // not an organization's
		{2, "", "The Kremlin", "organization", true},               // the mention as written
		{2, "Russia", "the Kremlin", "organization", true},         // canonical first, then as written
		{2, "Russia", "", "organization", false},                   //
		{3, "", "aides", "unnamed", true},                          // UNNAMED: an unnamed source
		{3, "officials", "", "person", true},                       // a generic name
		{3, "European leaders", "European leaders", "group", true}, // a group
		{3, "Donald Trump", "", "person", false},                   // not a named person
	}
	for _, tt := range tests {
		sp := spans[tt.quote]
		f := Found{Kind: "indirect", Start: sp[0], End: sp[1], SpeakerName: tt.name, Speaker: tt.written, SpeakerType: tt.kind}
		r := scoreArticle(t, "speakers", f)
		if r.SpeakerN != 1 || (r.SpeakerOK == 1) != tt.want {
			t.Errorf("quote %d, speaker %q/%q (%s): %d of %d right, want right=%v",
				tt.quote, tt.name, tt.written, tt.kind, r.SpeakerOK, r.SpeakerN, tt.want)
		}
	}
}

func TestPronounAndSpeech(t *testing.T) {
	// "He" is not a name to compare; "Smith believes" is not speech.
	r := scoreArticle(t, "pronoun", found("indirect", 8, 19, "Someone"), found("indirect", 36, 46, "John Smith"))
	if r.SpeakerN != 1 || r.SpeakerOK != 1 {
		t.Errorf("speakers %d of %d right, want 1 of 1", r.SpeakerOK, r.SpeakerN)
	}
	r = scoreArticle(t, "pronoun", found("indirect", 36, 46, "John Smith"))
	if want := (Counts{FN: 1}); r.Speech != want {
		t.Errorf("speech %+v, want %+v", r.Speech, want)
	}
	if got := r.Metrics()["speech_r"]; got != 0 {
		t.Errorf("speech_r = %v, want 0", got)
	}
}

func TestStanceTriples(t *testing.T) {
	// Gold: Donald Trump nato -1 (twice), Pete Hegseth us_troops -1 and
	// territory 0 (neutral: no claim).
	nato := map[string]int{"nato_membership": -1}
	troops := func(v int) map[string]int { return map[string]int{"us_troops": v, "territory": 0} }
	with := func(f Found, st map[string]int) Found { f.Stance = st; return f }
	q0 := found("indirect", 11, 37, "Donald Trump")
	q1 := found("indirect", 50, 82, "Donald Trump")
	q2 := found("indirect", 97, 115, "Pete Hegseth")
	tests := []struct {
		name  string
		found []Found
		want  Counts
		what  []string // the stance mistakes listed
	}{
		{"each claim once", []Found{with(q0, nato), with(q1, nato), with(q2, troops(-1))}, Counts{TP: 2}, nil},
		{"one quote is enough", []Found{with(q1, nato), q0, with(q2, troops(-1))}, Counts{TP: 2}, nil},
		{"wrong sign", []Found{with(q0, nato), with(q2, troops(+1))}, Counts{TP: 1, FP: 1, FN: 1}, []string{WrongStance}},
		{"wrong speaker", []Found{with(found("indirect", 11, 37, "Vladimir Putin"), nato), with(q2, troops(-1))},
			Counts{TP: 1, FP: 1, FN: 1}, []string{MissedStance, SpuriousStance}},
		{"surname", []Found{with(found("indirect", 11, 37, "Trump"), nato), with(q2, troops(-1))}, Counts{TP: 2}, nil},
		{"none found", []Found{q0, q1, q2}, Counts{FN: 2}, []string{MissedStance, MissedStance}},
		{"neutral is no claim", []Found{with(q0, nato), with(q2, map[string]int{"us_troops": 0})},
			Counts{TP: 1, FN: 1}, []string{MissedStance}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scoreArticle(t, "stance", tt.found...)
			if r.Triples != tt.want {
				t.Errorf("triples %+v, want %+v", r.Triples, tt.want)
			}
			var what []string
			for _, m := range r.Mistakes {
				if strings.HasPrefix(m.What, "stance") {
					what = append(what, m.What)
				}
			}
			if strings.Join(what, " ") != strings.Join(tt.what, " ") {
				t.Errorf("stance mistakes %q, want %q", what, tt.what)
			}
		})
	}

	// Per topic: the counts add up to the total.
	r := scoreArticle(t, "stance", with(q0, nato), with(q2, troops(+1)))
	if got := r.TopicTriples; got[0] != (Counts{TP: 1}) || got[1] != (Counts{}) || got[2] != (Counts{FP: 1, FN: 1}) {
		t.Errorf("per topic %+v, want nato tp 1, us_troops fp 1 fn 1", got)
	}
	if got := r.StanceConfusion[2][0][2]; got != 1 { // gold -1, found +1
		t.Errorf("us_troops confusion %v, want one -1 found as +1", r.StanceConfusion[2])
	}
}

func TestOptionalMakesNoClaim(t *testing.T) {
	// The optional gold quote says us_troops +1; finding it with that stance
	// is neither a hit nor a spurious claim.
	f := found("indirect", 47, 55, "Donald Trump")
	f.Stance = map[string]int{"us_troops": 1}
	r := scoreArticle(t, "optional", f)
	if r.Triples != (Counts{}) {
		t.Errorf("triples %+v, want none", r.Triples)
	}
}

func TestNotMeasurable(t *testing.T) {
	// "speakers" has no tone and no stance: those measures are NaN, not 0.
	r := scoreArticle(t, "speakers", found("indirect", 15, 28, "Zelensky"))
	m := r.Metrics()
	for _, k := range []string{"tone_macro_f1", "stance_triple_f1", "topic_f1", "speech_r", "stance_triple_f1_territory"} {
		if !math.IsNaN(m[k]) {
			t.Errorf("%s = %v, want NaN", k, m[k])
		}
	}
	for _, k := range []string{"quote_f1", "speaker_acc"} {
		if math.IsNaN(m[k]) {
			t.Errorf("%s is NaN, want a number", k)
		}
	}
}

func TestToneMacroF1(t *testing.T) {
	tests := []struct {
		name string
		conf Confusion // rows gold -1, 0, +1
		want float64
	}{
		{"perfect", Confusion{{2}, {0, 3}, {0, 0, 1}}, 1},
		{"all neutral", Confusion{{0, 1}, {0, 1}, {0, 1}}, 0.5 / 3},
		{"sign swapped", Confusion{{0, 0, 1}, {0, 1}, {1}}, 1.0 / 3},
	}
	for _, tt := range tests {
		if got := tt.conf.MacroF1(); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: macro-F1 %v, want %v", tt.name, got, tt.want)
		}
	}
	// The label decides; the score only when there is no label.
	for _, tt := range []struct {
		f    Found
		want int
	}{
		{Found{ToneLabel: "positive", Tone: -0.9}, 1},
		{Found{Tone: -0.05}, -1},
		{Found{Tone: 0.04}, 0},
		{Found{Tone: 0.05}, 1},
	} {
		if got := toneClass(&tt.f); got != tt.want {
			t.Errorf("toneClass(%q, %v) = %d, want %d", tt.f.ToneLabel, tt.f.Tone, got, tt.want)
		}
	}
}

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"President Volodymyr Zelenskyy": "volodymyr zelensky",
		"Zelenskiy":                     "zelensky",
		"J. D. Vance":                   "jd vance",
		"JD Vance":                      "jd vance",
		"U.S. Secretary Pete Hegseth":   "pete hegseth",
		"the U.S.":                      "the u s",
		"Emmanuel Macron":               "emmanuel macron",
		"Dmitrii Peskov":                "dmitry peskov",
		"Ángela Merkel":                 "angela merkel",
		"":                              "",
	} {
		if got := foldName(in); got != want {
			t.Errorf("foldName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMistakes(t *testing.T) {
	// A spurious quote, a missed one and a wrong speaker, each with context.
	r := scoreArticle(t, "two", found("direct", 1, 13, "Kim"), found("indirect", 0, 10, "Lee"))
	var got []string
	for _, m := range r.Mistakes {
		got = append(got, m.What+": "+m.Context)
	}
	want := []string{ // in text order
		`spurious: ⟦"We will w⟧in," Lee said, and Kim said the war is over.`,
		`speaker: "⟦We will win,⟧" Lee said, and Kim said the war is over.`,
		`missed: "We will win," Lee said, and Kim said ⟦the war is over⟧.`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mistakes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseGoldErrors(t *testing.T) {
	const good = `{"id": "a", "text": "Kim said no.", "quotes": [{"kind": "indirect", "text": "no", "start": 9, "end": 11, "speaker": "Kim"}]}`
	q := func(quote string) string {
		return `{"id": "a", "text": "Kim said no.", "quotes": [` + quote + `]}`
	}
	tests := []struct{ in, want string }{
		{`{"id": "a", "text": "x", "quotes": [`, "g.jsonl:1: not valid JSON"},
		{`[1, 2]`, "g.jsonl:1: a JSON array where an object was expected"},
		{`{"text": "x", "quotes": []}`, "g.jsonl:1: no id"},
		{`{"id": "a", "quotes": []}`, "g.jsonl:1: no text"},
		{`{"id": "a", "text": "x"}`, `g.jsonl:1: no "quotes" list`},
		{`{"id": "a", "text": "x\r\ny", "quotes": []}`, "carriage return"},
		{q(`{"kind": "quote", "text": "no", "start": 9, "end": 11}`), `quote 0 ("no"): kind "quote" is not one of direct, partial, indirect`},
		{q(`{"kind": "direct", "text": "no", "start": 8, "end": 10}`), `text[8:10] is " n", not the quote's text "no"`},
		{q(`{"kind": "direct", "text": "no", "start": 9, "end": 40}`), "span [9,40) is not inside the text (12 code points)"},
		{q(`{"kind": "direct", "text": "no", "end": 11}`), "start or end missing"},
		{q(`{"kind": "direct", "text": "no", "start": 9, "end": 11, "tone": 2}`), "tone 2 is not -1, 0 or 1"},
		{q(`{"kind": "direct", "text": "no", "start": 9, "end": 11, "tone": 0.5}`), "tone: number 0.5 where an integer was expected"},
		{q(`{"kind": "direct", "text": "no", "start": 9, "end": 11, "stance": {"nato": 1}}`), `stance topic "nato" is not in the lexicons`},
		{q(`{"kind": "direct", "text": "no", "start": 9, "end": 11, "stance": {"territory": 5}}`), "stance territory=5 is not -1, 0 or 1"},
		{q(`{"kind": "direct", "text": "no", "start": 9, "end": 11, "speaker": 3}`), "speaker must be a name, a list of names, or null"},
		{q(`{"kind": "direct", "text": "no", "start": 9, "end": 11, "speaker": ["Kim", " "]}`), "empty speaker name"},
		{q(`{"kind": "partial", "text": "no", "start": 9, "end": 11, "quoted_fragments": [[8, 10]]}`), "quoted fragment [8,10) is not inside the quote [9,11)"},
		{q(`{"kind": "direct", "text": "no", "start": 9, "end": 11}, {"kind": "indirect", "text": "no", "start": 9, "end": 11}`), "quote 1 (\"no\"): same span [9,11) and speaker as quote 0"},
		{good + "\n\n" + good, `g.jsonl:3: id "a" already used on line 1`},
		{"\n  \n", "g.jsonl:1: no articles"},
	}
	for _, tt := range tests {
		_, err := ParseGold("g.jsonl", strings.NewReader(tt.in), topics)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseGold(%s):\n got error %v\nwant one containing %q", tt.in, err, tt.want)
		}
	}
	if _, err := ParseGold("g.jsonl", strings.NewReader(good+"\n"), topics); err != nil {
		t.Errorf("ParseGold(%s): %v", good, err)
	}
}

func TestParseGoldReportsAll(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "text": "x", "quotes": []}`,
		`{"id": "b", "text": "x", "quotes": [{"kind": "said"}]}`,
		``,
		`not json`,
		`{"id": "a", "text": "x", "quotes": []}`,
	}, "\n")
	_, err := ParseGold("g.jsonl", strings.NewReader(in), nil)
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("error %v (%T), want an ErrorList", err, err)
	}
	var lines []int
	for _, e := range list {
		lines = append(lines, e.Line)
	}
	// Line 2 has a bad kind and no offsets.
	if want := []int{2, 2, 4, 5}; !slices.Equal(lines, want) {
		t.Errorf("errors on lines %v, want %v:\n%v", lines, want, err)
	}
}

package pipeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"score/lexicons"
)

// TestMeasure runs the quote and speaker stages on the shared gold sets (the
// seeds and PolNeAR dev) and prints precision, recall and speaker accuracy the
// way the referee counts them (SPEC section 8). It skips when ../shared is
// absent. SCORE_SHARED overrides where the shared directory is;
// SCORE_MEASURE_V=1 lists every miss, spurious quote and wrong speaker;
// SCORE_MEASURE_SETS picks sets by name (seeds,dev,train).
//
// The referee in ../shared/referee is the judge; this test is a fast,
// in-process approximation of it for tuning (no Parquet, no tone).
func TestMeasure(t *testing.T) {
	shared := os.Getenv("SCORE_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "shared")
	}
	sets := map[string]string{
		"seeds": filepath.Join(shared, "gold", "seeds.jsonl"),
		"dev":   filepath.Join(shared, "data", "polnear", "dev.jsonl"),
		"train": filepath.Join(shared, "data", "polnear", "train.jsonl"),
	}
	names := []string{"seeds", "dev"}
	if s := os.Getenv("SCORE_MEASURE_SETS"); s != "" {
		names = strings.Split(s, ",")
	}
	lx := lexicons.Default()
	for _, name := range names {
		path, ok := sets[name]
		if !ok {
			t.Fatalf("SCORE_MEASURE_SETS: unknown set %q (want seeds, dev or train)", name)
		}
		t.Run(name, func(t *testing.T) {
			arts, err := readGold(path)
			if os.IsNotExist(err) {
				t.Skipf("%s is absent: nothing to measure (set SCORE_SHARED to the shared directory)", path)
			}
			if err != nil {
				t.Fatal(err)
			}
			m := measure(arts, lx, os.Getenv("SCORE_MEASURE_V") != "")
			t.Logf("%s: quote P %.3f R %.3f F1 %.3f | direct+partial P %.3f R %.3f F1 %.3f | indirect P %.3f R %.3f F1 %.3f | speech_r %.3f | speaker acc %.3f (n=%d)",
				name, m.all.p(), m.all.r(), m.all.f1(), m.quoted.p(), m.quoted.r(), m.quoted.f1(),
				m.indirect.p(), m.indirect.r(), m.indirect.f1(), m.speech.r(), m.spkAcc(), m.spkN)
		})
	}
}

type goldArticle struct {
	ID     string      `json:"id"`
	Text   string      `json:"text"`
	Quotes []goldQuote `json:"quotes"`
}

type goldQuote struct {
	Kind      string          `json:"kind"`
	Text      string          `json:"text"`
	Start     int             `json:"start"`
	End       int             `json:"end"`
	Speaker   json.RawMessage `json:"speaker"`
	Pronoun   bool            `json:"speaker_is_pronoun"`
	Optional  bool            `json:"optional"`
	Speech    *bool           `json:"cue_is_speech"`
	Fragments [][2]int        `json:"quoted_fragments"`
	speakers  []string
}

func readGold(path string) ([]goldArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []goldArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for n := 1; sc.Scan(); n++ {
		var a goldArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		for i := range a.Quotes {
			q := &a.Quotes[i]
			var one string
			if json.Unmarshal(q.Speaker, &one) == nil {
				q.speakers = []string{one}
			} else {
				_ = json.Unmarshal(q.Speaker, &q.speakers)
			}
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

type counts struct{ tp, fp, fn float64 }

func (c counts) p() float64  { return ratio(c.tp, c.tp+c.fp) }
func (c counts) r() float64  { return ratio(c.tp, c.tp+c.fn) }
func (c counts) f1() float64 { return ratio(2*c.p()*c.r(), c.p()+c.r()) }

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

type measurement struct {
	all, quoted, indirect, speech counts
	spkOK, spkN                   int
}

func (m measurement) spkAcc() float64 { return ratio(float64(m.spkOK), float64(m.spkN)) }

func isQuoted(kind string) bool { return kind == Direct || kind == Partial }

func measure(arts []goldArticle, lx *lexicons.Set, verbose bool) measurement {
	var m measurement
	for _, a := range arts {
		text := a.Text
		sents := Segment(text, lx)
		toks := Tokenize(text, sents)
		qs := FindQuotes(text, sents, toks, lx)
		ResolveSpeakers(text, sents, toks, qs, lx)
		type sq struct {
			Quote
			cs, ce int
		}
		sys := make([]sq, len(qs))
		for i, q := range qs {
			sys[i] = sq{Quote: q, cs: q.Start, ce: q.End}
			CodePoints(text, []*int{&sys[i].cs, &sys[i].ce})
		}
		type cand struct{ gi, si, ov int }
		var cs []cand
		for gi, g := range a.Quotes {
			spans := append([][2]int{{g.Start, g.End}}, g.Fragments...)
			for si, s := range sys {
				best := 0
				for _, sp := range spans {
					ov := min(sp[1], s.ce) - max(sp[0], s.cs)
					if ov > 0 && 2*ov >= max(sp[1]-sp[0], s.ce-s.cs) {
						best = max(best, ov)
					}
				}
				if best > 0 {
					cs = append(cs, cand{gi, si, best})
				}
			}
		}
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].ov > cs[j].ov })
		usedG, usedS := map[int]bool{}, map[int]bool{}
		runes := []rune(text)
		clip := func(s, e int) string {
			s, e = max(0, s), min(len(runes), e)
			out := string(runes[s:e])
			if len(out) > 110 {
				out = out[:110] + "…"
			}
			return out
		}
		for _, c := range cs {
			if usedG[c.gi] || usedS[c.si] {
				continue
			}
			usedG[c.gi], usedS[c.si] = true, true
			g, s := a.Quotes[c.gi], sys[c.si]
			if g.Optional {
				continue
			}
			m.all.tp++
			if g.Speech != nil && *g.Speech {
				m.speech.tp++
			}
			switch {
			case isQuoted(g.Kind) && isQuoted(s.Kind):
				m.quoted.tp++
			case isQuoted(g.Kind):
				m.quoted.fn++
				m.indirect.fp++
			case isQuoted(s.Kind):
				m.indirect.fn++
				m.quoted.fp++
			default:
				m.indirect.tp++
			}
			if len(g.speakers) > 0 && g.speakers[0] != "" && !g.Pronoun {
				m.spkN++
				if goldSpeakerMatch(s.SpeakerName, s.Speaker, s.SpeakerType, g.speakers) {
					m.spkOK++
				} else if verbose {
					fmt.Printf("speaker  %s %-8s gold %q got %q (%q, %s) %q\n", a.ID, g.Kind, g.speakers, s.SpeakerName, s.Speaker, s.SpeakerType, clip(g.Start, g.End))
				}
			}
		}
		for gi, g := range a.Quotes {
			if usedG[gi] || g.Optional {
				continue
			}
			m.all.fn++
			if g.Speech != nil && *g.Speech {
				m.speech.fn++
			}
			if isQuoted(g.Kind) {
				m.quoted.fn++
			} else {
				m.indirect.fn++
			}
			if verbose {
				fmt.Printf("missed   %s %-8s %q\n", a.ID, g.Kind, clip(g.Start, g.End))
			}
		}
		for si, s := range sys {
			if usedS[si] {
				continue
			}
			m.all.fp++
			if isQuoted(s.Kind) {
				m.quoted.fp++
			} else {
				m.indirect.fp++
			}
			if verbose {
				fmt.Printf("spurious %s %-8s %q [%s %q]\n", a.ID, s.Kind, clip(s.cs, s.ce), s.Cue, s.Speaker)
			}
		}
	}
	return m
}

// goldSpeakerMatch compares a found speaker with the acceptable gold names
// after folding case, accents, honorifics and transliteration; for people the
// surname alone is enough.
func goldSpeakerMatch(name, mention, typ string, gold []string) bool {
	return nameFits(name, typ, gold) || mention != "" && nameFits(mention, typ, gold)
}

var measureHonorifics = map[string]bool{
	"the": true, "president": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"secretary": true, "minister": true, "prime": true, "general": true, "gen": true,
	"sen": true, "senator": true, "spokesman": true, "spokesperson": true, "spokeswoman": true,
	"vice": true, "us": true, "u": true, "s": true,
}

var measureGeneric = map[string]bool{
	"source": true, "sources": true, "official": true, "officials": true, "aides": true, "aide": true,
	"analysts": true, "experts": true, "people": true, "critics": true, "observers": true, "diplomats": true,
	"a source": true, "someone": true, "unnamed": true,
}

func measureNorm(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	var out []string
	initials := ""
	for _, w := range strings.Fields(b.String()) {
		if len(w) == 1 && w != "s" && w != "u" {
			initials += w
			continue
		}
		if initials != "" {
			out = append(out, initials)
			initials = ""
		}
		if measureHonorifics[w] {
			continue
		}
		for _, suf := range []string{"yy", "iy", "yi", "ii"} {
			if strings.HasSuffix(w, suf) && len(w) > 4 {
				w = w[:len(w)-2] + "y"
			}
		}
		if strings.HasSuffix(w, "i") && len(w) > 4 {
			w = w[:len(w)-1] + "y"
		}
		out = append(out, w)
	}
	if initials != "" {
		out = append(out, initials)
	}
	if len(out) == 0 {
		return strings.Join(strings.Fields(b.String()), " ")
	}
	return strings.Join(out, " ")
}

func nameFits(name, typ string, gold []string) bool {
	sn := measureNorm(name)
	for _, g := range gold {
		if g == "UNNAMED" || measureGeneric[strings.ToLower(strings.TrimSpace(g))] {
			if typ == Unnamed || typ == Group || sn == "" || sn == "unnamed" || measureGeneric[sn] {
				return true
			}
			continue
		}
		gn := measureNorm(g)
		if sn == "" || gn == "" {
			continue
		}
		if sn == gn {
			return true
		}
		sf, gf := strings.Fields(sn), strings.Fields(gn)
		if (len(gf) > 1 || len(sf) > 1) && sf[len(sf)-1] == gf[len(gf)-1] && typ != Organization {
			return true
		}
	}
	return false
}

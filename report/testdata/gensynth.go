//go:build ignore

// Gensynth writes a SYNTHETIC corpus for trying score report at scale:
// articles of 36 made-up outlets ("outlet-01" to "outlet-36") over three
// days, one JSON Lines file per day, composed from sentences written for
// this generator. Nothing in it is real news. Each outlet leans on its own
// mix of speakers, tone and positions, so that the report has differences
// to show; some outlets get few articles, so that small samples show up.
//
//	go run report/testdata/gensynth.go -out /tmp/synth-input
//	for d in 2025-02-12 2025-02-13 2025-02-14; do
//	  go run ./cmd/score run -quiet -out /tmp/synth/$d /tmp/synth-input/$d.jsonl
//	done
//	go run ./cmd/score report -out /tmp/synth-report /tmp/synth
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

type speaker struct{ name, later string }

var speakers = []speaker{
	{"U.S. President Donald Trump", "Trump"},
	{"Russian President Vladimir Putin", "Putin"},
	{"Ukrainian President Volodymyr Zelensky", "Zelensky"},
	{"French President Emmanuel Macron", "Macron"},
	{"NATO Secretary General Mark Rutte", "Rutte"},
	{"Kremlin spokesman Dmitry Peskov", "Peskov"},
	{"Secretary of State Marco Rubio", "Rubio"},
	{"German Chancellor Olaf Scholz", "Scholz"},
}

// Statements: %s is the speaker. Each is a position on one topic (or
// none), with a tone.
var statements = []struct{ text, topic string }{
	{"“Ukraine's place is in NATO, and membership is the only real security guarantee,” %s said.", "nato+"},
	{"%s said that Ukraine joining NATO is unrealistic and must be ruled out.", "nato-"},
	{"“We will never give up our land, every occupied village will be returned,” %s said.", "territory+"},
	{"%s said that Kyiv will have to accept territorial concessions to end the war.", "territory-"},
	{"%s ruled out the deployment of U.S. troops in Ukraine.", "troops-"},
	{"%s said Europe needs a U.S. military backstop for any peacekeeping force in Ukraine.", "troops+"},
	{"“The talks were productive and we made real progress toward peace,” %s said.", "positive"},
	{"“This is a hopeful moment, and we welcome the agreement,” %s told reporters.", "positive"},
	{"“The attacks on our cities are a tragedy and a disaster,” %s said.", "negative"},
	{"%s warned that the war could get much worse and that the threat is growing.", "negative"},
	{"“We will continue the discussions next week,” %s said.", "neutral"},
}

var narrative = []string{
	"Delegations met on Tuesday in Riyadh for a second round of talks.",
	"Fighting continued along the front line in the east.",
	"Critics called the plan a failure and a dangerous concession.",
	"Markets rose after the announcement of a possible ceasefire.",
	"The meeting lasted more than four hours.",
	"Shelling destroyed a school and killed three civilians overnight.",
	"Diplomats described the atmosphere as constructive.",
	"Kyiv has long insisted on its territorial integrity.",
}

func main() {
	out := flag.String("out", "synth-input", "output directory")
	n := flag.Int("outlets", 36, "number of outlets")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	days := []string{"2025-02-12", "2025-02-13", "2025-02-14"}
	files := map[string]*json.Encoder{}
	for _, d := range days {
		f, err := os.Create(filepath.Join(*out, d+".jsonl"))
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		files[d] = json.NewEncoder(f)
	}
	rng := rand.New(rand.NewPCG(2025, 36))
	total := 0
	for o := 1; o <= *n; o++ {
		outlet := fmt.Sprintf("outlet-%02d", o)
		// The outlet's lean: a favourite speaker, a share of positive
		// statements, a side on the topics.
		fav := o % len(speakers)
		positive := float64(o) / float64(*n+1)
		favor := (o % 3) - 1 // -1, 0 or +1
		articles := 6 + (o*11)%45
		for a := range articles {
			var sents []string
			for range 4 + rng.IntN(5) {
				if rng.Float64() < 0.35 {
					sents = append(sents, narrative[rng.IntN(len(narrative))])
					continue
				}
				s := speakers[rng.IntN(len(speakers))]
				if rng.Float64() < 0.45 {
					s = speakers[fav]
				}
				sents = append(sents, statement(rng, s, positive, favor))
			}
			day := days[a%len(days)]
			rec := map[string]string{
				"id":        fmt.Sprintf("synth-%s-%03d", outlet, a),
				"outlet":    outlet,
				"published": day,
				"title":     fmt.Sprintf("Synthetic article %d of %s", a+1, outlet),
				"text":      strings.Join(sents, " "),
			}
			if err := files[day].Encode(rec); err != nil {
				log.Fatal(err)
			}
			total++
		}
	}
	fmt.Fprintf(os.Stderr, "gensynth: %d synthetic articles of %d outlets in %s\n", total, *n, *out)
}

// statement picks a statement for speaker s: a position on a topic with
// the outlet's side more often than not, else a toned remark.
func statement(rng *rand.Rand, s speaker, positive float64, favor int) string {
	var want string
	switch r := rng.Float64(); {
	case r < 0.4:
		topic := []string{"nato", "territory", "troops"}[rng.IntN(3)]
		side := favor
		if side == 0 || rng.Float64() < 0.3 {
			side = []int{-1, 1}[rng.IntN(2)]
		}
		want = topic + map[int]string{-1: "-", 1: "+"}[side]
	case r < 0.4+0.5*positive:
		want = "positive"
	case r < 0.9:
		want = "negative"
	default:
		want = "neutral"
	}
	var pool []string
	for _, st := range statements {
		if st.topic == want {
			pool = append(pool, st.text)
		}
	}
	name := s.name
	if rng.Float64() < 0.4 {
		name = s.later
	}
	text := fmt.Sprintf(pool[rng.IntN(len(pool))], name)
	r, size := utf8.DecodeRuneInString(text)
	return string(unicode.ToUpper(r)) + text[size:]
}

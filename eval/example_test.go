package eval_test

import (
	"fmt"
	"os"
	"strings"

	"score/eval"
)

func ExampleScore() {
	const gold = `{"id": "a1", "text": "Trump said the talks went well. Peskov said no deal was near.", "quotes": [
	{"kind": "indirect", "text": "the talks went well", "start": 11, "end": 30, "speaker": ["Donald Trump"], "tone": 1},
	{"kind": "indirect", "text": "no deal was near", "start": 44, "end": 60, "speaker": ["Dmitry Peskov"], "tone": -1}]}`
	articles, err := eval.ParseGold("gold.jsonl", strings.NewReader(strings.ReplaceAll(gold, "\n", "")), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	found := map[string][]eval.Found{"a1": {
		{Kind: "indirect", Start: 11, End: 30, SpeakerName: "Trump", SpeakerType: "person", ToneLabel: "positive"},
		{Kind: "indirect", Start: 44, End: 51, SpeakerName: "Peskov", SpeakerType: "person", ToneLabel: "neutral"},
	}}
	r := eval.Score(articles, found, nil)
	m := r.Metrics()
	fmt.Printf("quote F1 %.2f, speaker accuracy %.2f\n", m["quote_f1"], m["speaker_acc"])
	r.WriteMistakes(os.Stdout)
	// Output:
	// quote F1 0.50, speaker accuracy 1.00
	// a1 [44,60) missed indirect: Dmitry Peskov (found [44,51) shares 7 of 16 code points, under the half needed)
	//     Trump said the talks went well. Peskov said ⟦no deal was near⟧.
	// a1 [44,51) spurious indirect: Peskov (person)
	//     Trump said the talks went well. Peskov said ⟦no deal⟧ was near.
}

package pipeline

import "strings"

// quotedWithin makes partial the reported quotes that hold a quoted stretch
// the fragment rules let pass as a name or title ("Ames Says Plan Will
// ‘Pay for Itself’": a Title Case fragment): the clause is still given
// partly in the speaker's words. quotes are in text order.
func quotedWithin(quotes []Quote, marks []quoted) {
	m := 0
	for i := range quotes {
		q := &quotes[i]
		if q.Kind != Indirect {
			continue
		}
		for m < len(marks) && marks[m].Open < q.Start {
			m++
		}
		for k := m; k < len(marks) && marks[k].Open < q.End; k++ {
			if marks[k].Closed && marks[k].CloseEnd <= q.End+len(".”") {
				q.Kind = Partial
				break
			}
		}
	}
}

// mergeFragments joins quoted fragments of one sentence given to the same
// speaker by the same cue when only a few connecting words stand between
// them: "called the plan “reckless” and “a waste,”", "calling them “dull”
// because “I am a poor man”" is one characterisation in the speaker's
// words, not two quotes. quotes are in text order.
func (f *finder) mergeFragments(quotes []Quote) []Quote {
	out := quotes[:0]
	for _, q := range quotes {
		if n := len(out); n > 0 && q.Kind == Partial && out[n-1].Kind == Partial {
			p := &out[n-1]
			if p.Sentence == q.Sentence && p.End <= q.Start && q.Start-p.End <= 24 && p.SpeakerStart == q.SpeakerStart &&
				(q.CueStart == -1 || q.CueStart == p.CueStart) && !strings.ContainsAny(f.text[p.End:q.Start], ".;?!") {
				p.End = q.End
				continue
			}
		}
		out = append(out, q)
	}
	return out
}

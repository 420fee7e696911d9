package eval

import (
	"cmp"
	"slices"
)

// Found is one quote the pipeline found, with code-point offsets like the
// gold's.
type Found struct {
	Kind        string
	Start, End  int
	Text        string
	Cue         string
	Speaker     string // as written
	SpeakerName string // canonical
	SpeakerType string
	Tone        float64
	ToneLabel   string
	Stance      map[string]int // topic -> -1, 0, +1
}

// pair is a gold quote matched with a found one (indices into the article's
// lists).
type pair struct{ gold, found int }

// overlap is the number of code points two spans share.
func overlap(a0, a1, b0, b1 int) int {
	return max(0, min(a1, b1)-max(a0, b0))
}

// spanOverlap is how well a found span matches a gold quote: the largest
// overlap with the quote or with one of its quoted fragments that covers at
// least half of the longer of the two spans; 0 if there is none.
func spanOverlap(g *Quote, f *Found) int {
	best := 0
	try := func(s, e int) {
		ov := overlap(s, e, f.Start, f.End)
		if ov > 0 && 2*ov >= max(e-s, f.End-f.Start) {
			best = max(best, ov)
		}
	}
	try(g.Start, g.End)
	for _, fr := range g.QuotedFragments {
		try(fr[0], fr[1])
	}
	return best
}

// match pairs gold and found quotes one to one, the largest overlap first
// (ties go to the earlier gold quote, then the earlier found one). It returns
// the pairs in gold order and which gold and found quotes are left over.
func match(gold []Quote, found []Found) (pairs []pair, freeGold, freeFound []int) {
	type cand struct {
		pair
		ov int
	}
	var cands []cand
	for gi := range gold {
		for fi := range found {
			if ov := spanOverlap(&gold[gi], &found[fi]); ov > 0 {
				cands = append(cands, cand{pair{gi, fi}, ov})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.ov, a.ov) })
	usedG, usedF := make([]bool, len(gold)), make([]bool, len(found))
	for _, c := range cands {
		if usedG[c.gold] || usedF[c.found] {
			continue
		}
		usedG[c.gold], usedF[c.found] = true, true
		pairs = append(pairs, c.pair)
	}
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(a.gold, b.gold) })
	for gi, u := range usedG {
		if !u {
			freeGold = append(freeGold, gi)
		}
	}
	for fi, u := range usedF {
		if !u {
			freeFound = append(freeFound, fi)
		}
	}
	return pairs, freeGold, freeFound
}

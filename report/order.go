package report

import (
	"cmp"
	"slices"
	"strings"
)

// Each chart orders the outlets by what it shows, so that differences stand
// out; its caption says which order.

// ByTopic returns the outlets ordered by net stance on topic t (quoted and
// narrative stances together), most favorable first; outlets without a
// stance on t come last.
func (r *Report) ByTopic(t int) []Outlet {
	os := slices.Clone(r.Outlets)
	slices.SortStableFunc(os, func(a, b Outlet) int {
		sa, sb := a.Topics[t].Quoted.plus(a.Topics[t].Narrative), b.Topics[t].Quoted.plus(b.Topics[t].Narrative)
		if (sa.N() == 0) != (sb.N() == 0) {
			if sa.N() == 0 {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(sb.Net(), sa.Net()), strings.Compare(a.Name, b.Name))
	})
	return os
}

// MainTopic is the index of the topic with the most stances, or -1 when
// there are no stances.
func (r *Report) MainTopic() int {
	best, bestN := -1, 0
	for t := range r.Topics {
		n := 0
		for _, o := range r.Outlets {
			n += o.Topics[t].Quoted.N() + o.Topics[t].Narrative.N()
		}
		if n > bestN {
			best, bestN = t, n
		}
	}
	return best
}

// SpreadAffiliation is the affiliation group whose share of quotes varies
// most across the outlets that have quotes (largest variance), the first
// group when none varies.
func (r *Report) SpreadAffiliation() int {
	best, bestVar := 0, -1.0
	for g := range Affiliations {
		var n, sum, sq float64
		for i := range r.Outlets {
			if r.Outlets[i].Quotes == 0 {
				continue
			}
			s := r.Outlets[i].Share(g)
			n++
			sum += s
			sq += s * s
		}
		if n == 0 {
			break
		}
		v := sq/n - (sum/n)*(sum/n)
		if v > bestVar+1e-12 {
			best, bestVar = g, v
		}
	}
	return best
}

// ByAffiliation returns the outlets ordered by their share of quotes from
// affiliation group g, largest first; outlets without quotes come last.
func (r *Report) ByAffiliation(g int) []Outlet {
	os := slices.Clone(r.Outlets)
	slices.SortStableFunc(os, func(a, b Outlet) int {
		if (a.Quotes == 0) != (b.Quotes == 0) {
			if a.Quotes == 0 {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(b.Share(g), a.Share(g)), strings.Compare(a.Name, b.Name))
	})
	return os
}

// sortName says in words how Options.Sort orders the outlets.
func sortName(by string) string {
	switch by {
	case "tone":
		return "mean article tone, most negative first"
	case "quote-tone":
		return "mean quote tone, most negative first"
	case "articles":
		return "number of articles, most first"
	case "quotes":
		return "number of quotes, most first"
	}
	return "name"
}

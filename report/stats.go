package report

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// Affiliations are the speaker affiliation groups of the report, in
// display order: the values of quotes.speaker_affiliation, and Other for
// an empty or any other value.
var Affiliations = []struct{ Code, Name string }{
	{"US", "US"},
	{"RU", "Russia"},
	{"UA", "Ukraine"},
	{"EU", "Europe"},
	{"NATO", "NATO"},
	{"", "other/unknown"},
}

// affiliationIndex maps a speaker_affiliation value to its group.
func affiliationIndex(code string) int {
	for i, a := range Affiliations[:len(Affiliations)-1] {
		if a.Code == code {
			return i
		}
	}
	return len(Affiliations) - 1
}

// Thresholds under which a number is flagged as a small sample. Flagged
// numbers are shown, marked, never hidden.
const (
	MinArticles = 20 // an outlet's article tone and counts
	MinQuotes   = 30 // an outlet's quote tone and speaker mix
	MinStances  = 10 // one topic's stance counts, quoted or narrative
)

// Options tune a report. The zero value gives the defaults.
type Options struct {
	Top       int    // most quoted speakers listed per outlet (default 5)
	Resamples int    // bootstrap resamples (default 2000)
	Seed      uint64 // bootstrap seed (default 1)
	Sort      string // outlet order: "tone" (default), "quote-tone", "articles", "quotes", "name"
}

func (o *Options) defaults() {
	if o.Top <= 0 {
		o.Top = 5
	}
	if o.Resamples <= 0 {
		o.Resamples = 2000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Sort == "" {
		o.Sort = "tone"
	}
}

// SortOrders are the values of Options.Sort.
var SortOrders = []string{"tone", "quote-tone", "articles", "quotes", "name"}

// Interval is a mean with its bootstrap 95% confidence interval over N
// values. N == 0 means there was nothing to average.
type Interval struct {
	Mean, Lo, Hi float64
	N            int
}

// Stances counts stances on one topic.
type Stances struct{ Favor, Against, Neutral int }

// N is the number of stances.
func (s Stances) N() int { return s.Favor + s.Against + s.Neutral }

// Net is (favor - against) / N, in [-1, 1]; 0 when N is 0.
func (s Stances) Net() float64 {
	if s.N() == 0 {
		return 0
	}
	return float64(s.Favor-s.Against) / float64(s.N())
}

// Small tells whether the count is under MinStances.
func (s Stances) Small() bool { return s.N() < MinStances }

func (s *Stances) add(stance float64) {
	switch {
	case stance > 0:
		s.Favor++
	case stance < 0:
		s.Against++
	default:
		s.Neutral++
	}
}

func (s Stances) plus(t Stances) Stances {
	return Stances{s.Favor + t.Favor, s.Against + t.Against, s.Neutral + t.Neutral}
}

// TopicStances are an outlet's stances on one topic: in quotes (rows of
// the stances table with a quote_index) and in the outlet's own narrative
// sentences (quote_index null).
type TopicStances struct {
	Topic             string
	Quoted, Narrative Stances
}

// Speaker is a speaker and the number of quotes attributed to them.
type Speaker struct {
	Name   string
	Quotes int
}

// Outlet is the comparison row of one outlet.
type Outlet struct {
	Name        string
	Articles    int
	Quotes      int
	Affiliation []int // quotes per group of Affiliations
	TopSpeakers []Speaker
	ArticleTone Interval // over articles.tone
	QuoteTone   Interval // over quotes.tone, resampled by article
	Topics      []TopicStances
}

// Share is the share of the outlet's quotes in affiliation group i.
func (o *Outlet) Share(i int) float64 {
	if o.Quotes == 0 {
		return 0
	}
	return float64(o.Affiliation[i]) / float64(o.Quotes)
}

// Small tells whether the outlet has fewer than MinArticles articles or
// MinQuotes quotes.
func (o *Outlet) Small() bool { return o.Articles < MinArticles || o.Quotes < MinQuotes }

// Report is the comparison of outlets over the tables of one or more runs.
type Report struct {
	Runs       []string // the directories read
	Outlets    []Outlet // in Options.Sort order
	Topics     []string // sorted
	Articles   int
	Quotes     int
	Stances    int
	Duplicates int // article rows skipped because a later run had the article
	Options    Options
}

// NoOutlet names the outlet of articles whose outlet is empty.
const NoOutlet = "(no outlet)"

// cluster is one article's contribution to a mean: the sum of n values.
type cluster struct {
	id  string
	sum float64
	n   int
}

// acc accumulates one outlet.
type acc struct {
	articles []cluster          // one per article, n = 1
	quotes   map[string]cluster // by article id
	aff      []int
	speakers map[string]int
	topics   map[string]*TopicStances
	nquotes  int
}

func newAcc() *acc {
	return &acc{quotes: map[string]cluster{}, aff: make([]int, len(Affiliations)), speakers: map[string]int{}, topics: map[string]*TopicStances{}}
}

// Build reads the tables of runs and computes the per-outlet comparison.
// An article that appears in several runs is counted once, from the last
// run in directory order (with dated nightly directories, the newest).
func Build(runs []Run, opt Options) (*Report, error) {
	opt.defaults()
	if !slices.Contains(SortOrders, opt.Sort) {
		return nil, fmt.Errorf("unknown sort order %q (want one of %s)", opt.Sort, strings.Join(SortOrders, ", "))
	}
	rep := &Report{Options: opt}
	outlets := map[string]*acc{}
	get := func(name string) *acc {
		if name == "" {
			name = NoOutlet
		}
		a := outlets[name]
		if a == nil {
			a = newAcc()
			outlets[name] = a
		}
		return a
	}
	topics := map[string]bool{}
	seen := map[string]int{} // article id -> index of the run that has it
	for ri := len(runs) - 1; ri >= 0; ri-- {
		run := runs[ri]
		rep.Runs = append(rep.Runs, run.Dir)
		skip := map[string]bool{} // articles a later run has
		for _, path := range run.Files["articles"] {
			err := scanTable(path, []string{"article_id", "outlet", "tone"}, nil, func(n int, cols []arrow.Array) error {
				id, err1 := stringsOf(cols[0])
				outlet, err2 := stringsOf(cols[1])
				tone, err3 := numbersOf(cols[2])
				if err := firstErr(err1, err2, err3); err != nil {
					return err
				}
				for i := range n {
					aid := id(i)
					if r, ok := seen[aid]; ok {
						rep.Duplicates++
						if r != ri {
							skip[aid] = true
						}
						continue
					}
					seen[aid] = ri
					a := get(outlet(i))
					t, ok := tone(i)
					if !ok {
						t = 0
					}
					a.articles = append(a.articles, cluster{aid, t, 1})
					rep.Articles++
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		for _, path := range run.Files["quotes"] {
			cols := []string{"article_id", "outlet", "speaker_name", "speaker_affiliation", "tone"}
			err := scanTable(path, cols, []string{"speaker_affiliation"}, func(n int, cols []arrow.Array) error {
				id, err1 := stringsOf(cols[0])
				outlet, err2 := stringsOf(cols[1])
				speaker, err3 := stringsOf(cols[2])
				aff, err4 := stringsOf(cols[3])
				tone, err5 := numbersOf(cols[4])
				if err := firstErr(err1, err2, err3, err4, err5); err != nil {
					return err
				}
				for i := range n {
					aid := id(i)
					if skip[aid] {
						continue
					}
					a := get(outlet(i))
					a.nquotes++
					rep.Quotes++
					a.aff[affiliationIndex(aff(i))]++
					if s := speaker(i); s != "" {
						a.speakers[s]++
					}
					if t, ok := tone(i); ok {
						c := a.quotes[aid]
						c.id, c.sum, c.n = aid, c.sum+t, c.n+1
						a.quotes[aid] = c
					}
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		for _, path := range run.Files["stances"] {
			err := scanTable(path, []string{"article_id", "outlet", "quote_index", "topic", "stance"}, nil, func(n int, cols []arrow.Array) error {
				id, err1 := stringsOf(cols[0])
				outlet, err2 := stringsOf(cols[1])
				topic, err3 := stringsOf(cols[3])
				stance, err4 := numbersOf(cols[4])
				if err := firstErr(err1, err2, err3, err4); err != nil {
					return err
				}
				qi := cols[2]
				for i := range n {
					if skip[id(i)] {
						continue
					}
					a := get(outlet(i))
					t := topic(i)
					ts := a.topics[t]
					if ts == nil {
						ts = &TopicStances{Topic: t}
						a.topics[t] = ts
					}
					v, _ := stance(i)
					if qi.IsNull(i) {
						ts.Narrative.add(v)
					} else {
						ts.Quoted.add(v)
					}
					topics[t] = true
					rep.Stances++
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	slices.Reverse(rep.Runs)
	for t := range topics {
		rep.Topics = append(rep.Topics, t)
	}
	slices.Sort(rep.Topics)

	for name, a := range outlets {
		o := Outlet{Name: name, Articles: len(a.articles), Quotes: a.nquotes, Affiliation: a.aff}
		for s, n := range a.speakers {
			o.TopSpeakers = append(o.TopSpeakers, Speaker{s, n})
		}
		slices.SortFunc(o.TopSpeakers, func(x, y Speaker) int {
			return cmp.Or(cmp.Compare(y.Quotes, x.Quotes), strings.Compare(x.Name, y.Name))
		})
		o.TopSpeakers = o.TopSpeakers[:min(opt.Top, len(o.TopSpeakers))]
		o.ArticleTone = bootstrap(a.articles, opt.Resamples, seed(opt.Seed, name, "articles"))
		quotes := make([]cluster, 0, len(a.quotes))
		for _, c := range a.quotes {
			quotes = append(quotes, c)
		}
		o.QuoteTone = bootstrap(quotes, opt.Resamples, seed(opt.Seed, name, "quotes"))
		for _, t := range rep.Topics {
			ts := TopicStances{Topic: t}
			if p := a.topics[t]; p != nil {
				ts = *p
			}
			o.Topics = append(o.Topics, ts)
		}
		rep.Outlets = append(rep.Outlets, o)
	}
	sortOutlets(rep.Outlets, opt.Sort)
	return rep, nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sortOutlets orders outlets by the chosen measure, the name breaking ties.
// Tone orders put the most negative first; counts put the largest first.
func sortOutlets(outlets []Outlet, by string) {
	slices.SortFunc(outlets, func(a, b Outlet) int {
		var c int
		switch by {
		case "tone":
			c = compareMeans(a.ArticleTone, b.ArticleTone)
		case "quote-tone":
			c = compareMeans(a.QuoteTone, b.QuoteTone)
		case "articles":
			c = cmp.Compare(b.Articles, a.Articles)
		case "quotes":
			c = cmp.Compare(b.Quotes, a.Quotes)
		}
		return cmp.Or(c, strings.Compare(a.Name, b.Name))
	})
}

// compareMeans orders by mean, empty intervals last.
func compareMeans(a, b Interval) int {
	if (a.N == 0) != (b.N == 0) {
		if a.N == 0 {
			return 1
		}
		return -1
	}
	return cmp.Compare(a.Mean, b.Mean)
}

// seed derives the bootstrap seed of one outlet and measure from the
// report's seed, so that an outlet's interval does not change when other
// outlets are added.
func seed(base uint64, outlet, measure string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(outlet))
	h.Write([]byte{0})
	h.Write([]byte(measure))
	return base ^ h.Sum64()
}

// bootstrap returns the mean of the clusters' values (sum of sums over sum
// of counts) with a percentile bootstrap 95% interval: resamples times,
// draw len(cs) clusters with replacement and take the mean of the drawn
// values; the interval runs from the 2.5th to the 97.5th percentile of
// those means (with 2000 resamples, the 51st and the 1950th smallest).
// Resampling whole articles keeps the quotes of one article together, as
// they are not independent of each other. Clusters are taken in id order
// and drawn with a PCG generator, so the interval depends only on the
// values and the seed.
func bootstrap(cs []cluster, resamples int, seed uint64) Interval {
	slices.SortFunc(cs, func(a, b cluster) int { return strings.Compare(a.id, b.id) })
	var iv Interval
	var sum float64
	for _, c := range cs {
		sum += c.sum
		iv.N += c.n
	}
	if iv.N == 0 {
		return Interval{}
	}
	iv.Mean = sum / float64(iv.N)
	rng := rand.NewPCG(seed, 0x5c07e)
	k := uint64(len(cs))
	means := make([]float64, resamples)
	for r := range means {
		var s float64
		var n int
		for range cs {
			c := cs[(rng.Uint64()>>32)*k>>32]
			s += c.sum
			n += c.n
		}
		means[r] = s / float64(n)
	}
	slices.Sort(means)
	iv.Lo = means[int(math.Floor(0.025*float64(resamples)))]
	iv.Hi = means[int(math.Ceil(0.975*float64(resamples)))-1]
	return iv
}

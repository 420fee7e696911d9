package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteText writes the comparison as plain-text tables for a terminal: one
// row per outlet with counts, speaker mix and tone, then one table per
// stance topic.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d outlets, %d articles, %d quotes, %d stances from %s\n",
		len(r.Outlets), r.Articles, r.Quotes, r.Stances, plural(len(r.Runs), "run", "runs"))
	if r.Duplicates > 0 {
		fmt.Fprintf(&b, "%s skipped (an article is counted once, from the last run that has it)\n", plural(r.Duplicates, "duplicate article row", "duplicate article rows"))
	}
	fmt.Fprintf(&b, "Outlets ordered by %s. * small sample (fewer than %d articles or %d quotes). Tone in [-1, 1] with bootstrap 95%% CI.\n\n",
		sortName(r.Options.Sort), MinArticles, MinQuotes)

	head := []string{"outlet", "articles", "quotes"}
	for _, a := range Affiliations {
		head = append(head, a.Name)
	}
	head = append(head, "quote tone [95% CI]", "article tone [95% CI]", "most quoted")
	t := table{head: head, left: map[int]bool{0: true, len(head) - 1: true}}
	for i := range r.Outlets {
		o := &r.Outlets[i]
		name := o.Name
		if o.Small() {
			name += " *"
		}
		row := []string{name, fmt.Sprint(o.Articles), fmt.Sprint(o.Quotes)}
		for g := range Affiliations {
			row = append(row, percent(o.Share(g), o.Quotes))
		}
		var top []string
		for _, s := range o.TopSpeakers[:min(3, len(o.TopSpeakers))] {
			top = append(top, fmt.Sprintf("%s %d", s.Name, s.Quotes))
		}
		row = append(row, interval(o.QuoteTone), interval(o.ArticleTone), strings.Join(top, ", "))
		t.rows = append(t.rows, row)
	}
	t.write(&b)

	for ti, topic := range r.Topics {
		fmt.Fprintf(&b, "\nStance on %s: favor/against/neutral and net = (favor-against)/n; * n < %d. Ordered by net stance, most favorable first.\n", topic, MinStances)
		t := table{head: []string{"outlet", "quoted f/a/n", "net", "narrative f/a/n", "net"}, left: map[int]bool{0: true}}
		for _, o := range r.ByTopic(ti) {
			ts := o.Topics[ti]
			t.rows = append(t.rows, []string{o.Name, counts(ts.Quoted), net(ts.Quoted), counts(ts.Narrative), net(ts.Narrative)})
		}
		t.write(&b)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// percent formats a share of n; "-" when n is 0.
func percent(share float64, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*share)
}

// signed formats a tone or a net stance with its sign.
func signed(x float64) string {
	s := fmt.Sprintf("%+.2f", x)
	if s == "-0.00" {
		s = "+0.00"
	}
	return s
}

func interval(iv Interval) string {
	if iv.N == 0 {
		return "-"
	}
	return fmt.Sprintf("%s [%s, %s]", signed(iv.Mean), signed(iv.Lo), signed(iv.Hi))
}

func counts(s Stances) string {
	if s.N() == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d/%d", s.Favor, s.Against, s.Neutral)
}

func net(s Stances) string {
	if s.N() == 0 {
		return "-"
	}
	v := signed(s.Net())
	if s.Small() {
		v += " *"
	}
	return v
}

// table aligns columns of text: numbers right, the columns in left to the
// left.
type table struct {
	head []string
	rows [][]string
	left map[int]bool
}

func (t *table) write(b *strings.Builder) {
	width := make([]int, len(t.head))
	for _, r := range append([][]string{t.head}, t.rows...) {
		for i, c := range r {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range append([][]string{t.head}, t.rows...) {
		var line strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if t.left[i] {
				line.WriteString(c)
				if i < len(r)-1 {
					line.WriteString(pad)
				}
			} else {
				line.WriteString(pad + c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

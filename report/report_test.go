package report

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// writeSmall writes two nightly runs of a small hand-made output under
// parent: 2025-02-12 with outlets Alpha and Beta, and 2025-02-13 which has
// Alpha's article a2 again (re-scored) and a first article of Gamma.
func writeSmall(t testing.TB, parent string) {
	writeRun(t, filepath.Join(parent, "2025-02-12"),
		[]articleRow{{"a1", "Alpha", 0.5}, {"a2", "Alpha", -0.5}, {"a3", "Alpha", 0.25}, {"b1", "Beta", -0.2}, {"b2", "Beta", -0.2}},
		[]quoteRow{
			{"a1", "Alpha", "Vladimir Putin", "RU", -0.5},
			{"a1", "Alpha", "Volodymyr Zelensky", "UA", 0.5},
			{"a1", "Alpha", "Donald Trump", "US", 1.0},
			{"a2", "Alpha", "Vladimir Putin", "RU", -0.75}, // replaced by the next run's a2
			{"b1", "Beta", "Mark Rutte", "NATO", 0},
			{"b1", "Beta", "", "", 0.2}, // an unnamed source
			{"b2", "Beta", "Emmanuel Macron", "EU", 0.4},
		},
		[]stanceRow{
			{"a1", "Alpha", 0, "nato_membership", -1},
			{"a1", "Alpha", 1, "nato_membership", 1},
			{"a2", "Alpha", 0, "nato_membership", 1}, // replaced by the next run's a2
			{"a3", "Alpha", -1, "nato_membership", 0},
			{"b1", "Beta", 0, "territory", 1},
			{"b2", "Beta", -1, "territory", -1},
			{"b2", "Beta", -1, "territory", 1},
		})
	writeRun(t, filepath.Join(parent, "2025-02-13"),
		[]articleRow{{"a2", "Alpha", -0.25}, {"c1", "Gamma", 0.1}},
		[]quoteRow{{"a2", "Alpha", "Vladimir Putin", "RU", -1}},
		[]stanceRow{{"a2", "Alpha", 0, "nato_membership", -1}})
	// A run's temporary directory is not read.
	writeRun(t, filepath.Join(parent, "2025-02-13", ".run-123"), []articleRow{{"x", "Alpha", 1}}, nil, nil)
}

func buildSmall(t *testing.T) *Report {
	t.Helper()
	dir := t.TempDir()
	writeSmall(t, dir)
	runs, err := FindRuns([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 {
		t.Fatalf("FindRuns found %d runs, want 2: %v", len(runs), runs)
	}
	r, err := Build(runs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestBuildSmall checks every number of the hand-made output against what
// was worked out by hand.
func TestBuildSmall(t *testing.T) {
	r := buildSmall(t)
	if r.Articles != 6 || r.Quotes != 7 || r.Stances != 7 || r.Duplicates != 1 {
		t.Errorf("totals: articles %d quotes %d stances %d duplicates %d, want 6 7 7 1", r.Articles, r.Quotes, r.Stances, r.Duplicates)
	}
	if want := []string{"nato_membership", "territory"}; !reflect.DeepEqual(r.Topics, want) {
		t.Errorf("topics %q, want %q", r.Topics, want)
	}
	var names []string
	for _, o := range r.Outlets {
		names = append(names, o.Name)
	}
	// By mean article tone: Beta -0.2, Gamma 0.1, Alpha (0.5-0.25+0.25)/3.
	if want := []string{"Beta", "Gamma", "Alpha"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("outlet order %q, want %q", names, want)
	}
	beta, gamma, alpha := r.Outlets[0], r.Outlets[1], r.Outlets[2]

	want := []struct {
		name      string
		got, want any
	}{
		{"Alpha articles, quotes", []int{alpha.Articles, alpha.Quotes}, []int{3, 4}},
		{"Alpha affiliation", alpha.Affiliation, []int{1, 2, 1, 0, 0, 0}},
		{"Alpha speakers", alpha.TopSpeakers, []Speaker{{"Vladimir Putin", 2}, {"Donald Trump", 1}, {"Volodymyr Zelensky", 1}}},
		{"Alpha nato_membership", alpha.Topics[0], TopicStances{"nato_membership", Stances{1, 2, 0}, Stances{0, 0, 1}}},
		{"Alpha territory", alpha.Topics[1], TopicStances{Topic: "territory"}},
		{"Beta articles, quotes", []int{beta.Articles, beta.Quotes}, []int{2, 3}},
		{"Beta affiliation", beta.Affiliation, []int{0, 0, 0, 1, 1, 1}},
		{"Beta speakers", beta.TopSpeakers, []Speaker{{"Emmanuel Macron", 1}, {"Mark Rutte", 1}}},
		{"Beta territory", beta.Topics[1], TopicStances{"territory", Stances{1, 0, 0}, Stances{1, 1, 0}}},
		{"Gamma", []int{gamma.Articles, gamma.Quotes, len(gamma.TopSpeakers), gamma.QuoteTone.N}, []int{1, 0, 0, 0}},
	}
	for _, w := range want {
		if !reflect.DeepEqual(w.got, w.want) {
			t.Errorf("%s = %v, want %v", w.name, w.got, w.want)
		}
	}
	if got := alpha.Topics[0].Quoted.Net(); got != -1.0/3 {
		t.Errorf("Alpha quoted net stance on nato_membership = %v, want -1/3", got)
	}
	if !alpha.Small() || !beta.Small() || !gamma.Small() {
		t.Errorf("every outlet of the small output must be flagged small")
	}

	// Intervals worked out by hand. Alpha's quotes come from two articles:
	// a1 (tones -0.5, 0.5, 1: sum 1 over 3) and a2 (-1). Resampling two
	// articles gives a1+a1 = 2/6 (p 1/4), a1+a2 = 0/4 (p 1/2) or a2+a2 = -1
	// (p 1/4): about 500 of 2000 resamples at each end, so the 2.5th and
	// 97.5th percentiles are -1 and 1/3. Resampling quotes one by one would
	// give a narrower interval than that.
	for _, c := range []struct {
		name      string
		got, want Interval
	}{
		{"Alpha quote tone", alpha.QuoteTone, Interval{0, -1, 1.0 / 3, 4}},
		{"Alpha article tone", alpha.ArticleTone, Interval{0.5 / 3, -0.25, 0.5, 3}},
		{"Beta article tone", beta.ArticleTone, Interval{-0.2, -0.2, -0.2, 2}},
		{"Beta quote tone", beta.QuoteTone, Interval{0.2, 0.1, 0.4, 3}}, // b1+b1 0.4/4, b1+b2 0.6/3, b2+b2 0.8/2
		{"Gamma article tone", gamma.ArticleTone, Interval{0.1, 0.1, 0.1, 1}},
	} {
		if !close(c.got, c.want) {
			t.Errorf("%s = %+v, want %+v", c.name, c.got, c.want)
		}
	}
}

func close(a, b Interval) bool {
	eq := func(x, y float64) bool { return math.Abs(x-y) < 1e-12 }
	return a.N == b.N && eq(a.Mean, b.Mean) && eq(a.Lo, b.Lo) && eq(a.Hi, b.Hi)
}

// TestBootstrapDeterministic: the same values give the same interval
// whatever their order, and another seed may give another one.
func TestBootstrapDeterministic(t *testing.T) {
	var cs []cluster
	for i := range 50 {
		cs = append(cs, cluster{id: string(rune('A' + i)), sum: math.Sin(float64(i)), n: 1 + i%3})
	}
	a := bootstrap(append([]cluster(nil), cs...), 2000, 7)
	rev := append([]cluster(nil), cs...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	if b := bootstrap(rev, 2000, 7); a != b {
		t.Errorf("bootstrap depends on input order: %+v vs %+v", a, b)
	}
	if !(a.Lo < a.Mean && a.Mean < a.Hi) {
		t.Errorf("interval %+v does not hold its mean", a)
	}
}

// TestWriteTextGolden compares the terminal table of the small output with
// testdata/small.txt; go test -update rewrites it.
func TestWriteTextGolden(t *testing.T) {
	r := buildSmall(t)
	for i := range r.Runs {
		r.Runs[i] = filepath.Base(r.Runs[i])
	}
	var b bytes.Buffer
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "small.txt")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("terminal table differs from %s (go test -update rewrites it):\n--- got\n%s--- want\n%s", golden, got, want)
	}
}

// TestWriteHTML checks that the page is self-contained and shows every
// outlet in every chart.
func TestWriteHTML(t *testing.T) {
	r := buildSmall(t)
	var b bytes.Buffer
	if err := WriteHTML(&b, r, ""); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"ZgotmplZ", "%!", "<script", "<link", "@import", "url(", "src=", "https://", "http://localhost"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if n := strings.Count(page, "http://"); n != strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("page has %d http:// references besides the SVG namespace", n-strings.Count(page, "xmlns="))
	}
	for _, id := range []string{"chart-tone", "chart-stance", "chart-affiliation"} {
		i := strings.Index(page, `<svg id="`+id+`"`)
		if i < 0 {
			t.Errorf("page has no chart %s", id)
			continue
		}
		chart := page[i : i+strings.Index(page[i:], "</svg>")]
		for _, o := range r.Outlets {
			if !strings.Contains(chart, ">"+o.Name) {
				t.Errorf("chart %s does not show outlet %s", id, o.Name)
			}
		}
	}
}

func TestFindRuns(t *testing.T) {
	dir := t.TempDir()
	if _, err := FindRuns([]string{dir}); err == nil || !strings.Contains(err.Error(), "no tables") {
		t.Errorf("FindRuns on an empty directory: err = %v, want no tables", err)
	}
	if _, err := FindRuns([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Errorf("FindRuns on a missing directory: no error")
	}
	writeSmall(t, dir)
	// A run with a hive-partitioned quotes table.
	hive := filepath.Join(dir, "hive")
	writeRun(t, hive, []articleRow{{"h1", "Delta", 0}}, []quoteRow{{"h1", "Delta", "X", "US", 0}}, nil)
	part := filepath.Join(hive, "quotes", "published=2025-02-12")
	if err := os.MkdirAll(part, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(hive, "quotes", "part-0.parquet"), filepath.Join(part, "part-0.parquet")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		paths []string
		runs  []string
	}{
		{[]string{filepath.Join(dir, "2025-02-12")}, []string{"2025-02-12"}},
		{[]string{filepath.Join(dir, "2025-02-13"), filepath.Join(dir, "2025-02-12")}, []string{"2025-02-12", "2025-02-13"}},
		{[]string{dir}, []string{"2025-02-12", "2025-02-13", "hive"}},
	} {
		runs, err := FindRuns(c.paths)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range runs {
			got = append(got, filepath.Base(r.Dir))
		}
		if !reflect.DeepEqual(got, c.runs) {
			t.Errorf("FindRuns(%q) = %q, want %q", c.paths, got, c.runs)
		}
	}
	runs, _ := FindRuns([]string{hive})
	r, err := Build(runs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Quotes != 1 || r.Outlets[0].Affiliation[0] != 1 {
		t.Errorf("hive-partitioned quotes: %d quotes, want 1", r.Quotes)
	}
}

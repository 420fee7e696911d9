package report

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium is Debian's Chromium (apt-get install chromium).
const chromium = "/usr/bin/chromium"

// manyOutlets writes one run of hand-made tables with 36 outlets of
// different sizes, tones, speaker mixes and stances, plus one outlet whose
// name needs escaping.
func manyOutlets(t testing.TB, dir string) {
	var as []articleRow
	var qs []quoteRow
	var ss []stanceRow
	speakers := []struct{ name, aff string }{
		{"Donald Trump", "US"}, {"Vladimir Putin", "RU"}, {"Volodymyr Zelensky", "UA"},
		{"Emmanuel Macron", "EU"}, {"Mark Rutte", "NATO"}, {"", ""}, {"Dmitry Peskov", "RU"}, {"Marco Rubio", "US"},
	}
	topics := []string{"nato_membership", "territory", "us_troops"}
	outlets := []string{`Le Monde & <Co> "Ça"`}
	for i := 1; i <= 36; i++ {
		outlets = append(outlets, fmt.Sprintf("outlet-%02d", i))
	}
	for oi, o := range outlets {
		n := 4 + (oi*7)%40 // 4 to 43 articles: some outlets are small samples
		for a := range n {
			id := fmt.Sprintf("%s-%d", o, a)
			as = append(as, articleRow{id, o, 0.6*math.Sin(float64(oi)) + 0.2*math.Cos(float64(a))})
			for q := range 1 + (a+oi)%4 {
				s := speakers[(oi*q+a+q*q)%len(speakers)]
				qs = append(qs, quoteRow{id, o, s.name, s.aff, 0.5*math.Sin(float64(oi+q)) - 0.3*math.Cos(float64(a*q))})
				if (a+q)%3 == 0 {
					ss = append(ss, stanceRow{id, o, q, topics[(oi+q)%3], int8((oi+a+q)%3 - 1)})
				}
			}
			if a%2 == 0 {
				ss = append(ss, stanceRow{id, o, -1, topics[a%3], int8((oi*a)%3 - 1)})
			}
		}
	}
	writeRun(t, dir, as, qs, ss)
}

// TestPageInChromium opens the page of a 37-outlet report in headless
// Chromium: the rendered DOM must hold every outlet in every chart and no
// error, and the screenshot (saved in the test's temp dir) must show the
// charts' colors.
func TestPageInChromium(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no %s: install Debian's chromium (apt-get install chromium) to run the browser test", chromium)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	dir := t.TempDir()
	manyOutlets(t, filepath.Join(dir, "run"))
	runs, err := FindRuns([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(runs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Outlets) != 37 {
		t.Fatalf("%d outlets, want 37", len(r.Outlets))
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, r, "Synthetic test output: 37 outlets"); err != nil {
		t.Fatal(err)
	}
	pagePath := filepath.Join(dir, "report.html")
	if err := os.WriteFile(pagePath, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + pagePath

	dom, stderr := runChromium(t, dir, "--dump-dom", url)
	for _, bad := range []string{"ERR_", "This page", "parsererror", "ZgotmplZ"} {
		if strings.Contains(dom, bad) {
			t.Errorf("rendered page contains %q", bad)
		}
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "CONSOLE") || strings.Contains(line, "Uncaught") {
			t.Errorf("chromium reported: %s", line)
		}
	}
	for _, id := range []string{"chart-tone", "chart-stance", "chart-affiliation"} {
		i := strings.Index(dom, `<svg id="`+id+`"`)
		if i < 0 {
			t.Errorf("rendered page has no chart %s", id)
			continue
		}
		chart := dom[i : i+strings.Index(dom[i:], "</svg>")]
		for _, o := range r.Outlets {
			if !strings.Contains(chart, html.EscapeString(o.Name)) && !strings.Contains(chart, strings.ReplaceAll(html.EscapeString(o.Name), "&#34;", `"`)) {
				t.Errorf("chart %s in the rendered page does not show outlet %q", id, o.Name)
			}
		}
	}

	shot := filepath.Join(dir, "report.png")
	runChromium(t, dir, "--screenshot="+shot, "--hide-scrollbars", "--window-size=1400,3600", url)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// Count pixels of the US bar color and of the article tone dots: the
	// charts were drawn, not only the text.
	colors := map[[3]uint32]int{{0x00, 0x72, 0xB2}: 0, {0x1f, 0x3b, 0x73}: 0}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			k := [3]uint32{r >> 8, g >> 8, bl >> 8}
			if _, ok := colors[k]; ok {
				colors[k]++
			}
		}
	}
	for c, n := range colors {
		if n < 200 {
			t.Errorf("screenshot has %d pixels of #%02x%02x%02x, want the charts drawn", n, c[0], c[1], c[2])
		}
	}
	t.Logf("screenshot %dx%d: %s", b.Dx(), b.Dy(), shot)
	if keep := os.Getenv("REPORT_SCREENSHOT"); keep != "" {
		data, _ := os.ReadFile(shot)
		os.WriteFile(keep, data, 0o644)
	}
}

// runChromium runs headless Chromium with a fresh profile and returns what
// it printed.
func runChromium(t *testing.T, dir string, args ...string) (stdout, stderr string) {
	t.Helper()
	profile, err := os.MkdirTemp(dir, "profile-")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + profile}
	cmd := exec.CommandContext(ctx, chromium, append(base, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String(), errb.String()
}

package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
)

//go:embed report.html.tmpl
var pageTemplate string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"px":       func(x float64) string { return fmt.Sprintf("%.1f", x) },
	"interval": interval,
	"signed":   signed,
	"counts":   counts,
	"net":      net,
	"pct":      func(o Outlet, g int) string { return percent(o.Share(g), o.Quotes) },
	"sortName": sortName,
	"join":     strings.Join,
}).Parse(pageTemplate))

// Colors of the affiliation groups (Okabe-Ito, safe for color-blind
// readers), in Affiliations order.
var affiliationColors = []string{"#0072B2", "#D55E00", "#E6C200", "#009E73", "#56B4E9", "#BBBBBB"}

// Layout of the charts, in CSS pixels.
const (
	labelWidth = 210.0
	plotWidth  = 640.0
	rightWidth = 90.0
	rowHeight  = 24.0
	topMargin  = 34.0
	chartWidth = labelWidth + plotWidth + rightWidth
)

type tick struct {
	X     float64
	Label string
}

type mark struct {
	Ok        bool
	X, Lo, Hi float64
	Y         float64
	Title     string
}

type toneRow struct {
	Y              float64
	Name           string
	Small          bool
	Article, Quote mark
	Note           string
}

type toneChart struct {
	Width, Height, X0, X1, Zero float64
	Ticks                       []tick
	Rows                        []toneRow
}

type segment struct {
	X, W  float64
	Color string
	Dark  bool   // white text on it
	Label string // shown inside when the segment is wide enough
	Title string
}

type affRow struct {
	Y        float64
	Name     string
	Small    bool
	Segments []segment
	Note     string
}

type affChart struct {
	Width, Height, X0 float64
	By                string
	Rows              []affRow
	Legend            []segment
}

type cell struct {
	X, Y, W, H float64
	Fill       string
	Text       string
	Small      bool
	Title      string
	Dark       bool // white text
}

type stanceChart struct {
	Width, Height float64
	By            string
	Heads         []cell // topic headers
	Sub           []cell // quoted / narrative headers
	Labels        []toneRow
	Cells         []cell
}

type view struct {
	*Report
	Title                              string
	Affiliations                       []struct{ Code, Name string }
	Colors                             []string
	Tone                               toneChart
	Aff                                affChart
	Stance                             stanceChart
	MinArticles, MinQuotes, MinStances int
}

// WriteHTML writes the comparison as one self-contained HTML page: inline
// CSS and SVG, no script, no network resource.
func WriteHTML(w io.Writer, r *Report, title string) error {
	if title == "" {
		title = "score report: outlets compared"
	}
	v := view{Report: r, Title: title, Affiliations: Affiliations, Colors: affiliationColors,
		Tone: buildTone(r), Aff: buildAff(r), Stance: buildStance(r),
		MinArticles: MinArticles, MinQuotes: MinQuotes, MinStances: MinStances}
	return page.Execute(w, v)
}

// buildTone lays out the tone chart: one row per outlet in report order,
// article tone and quote tone with their intervals on a symmetric axis.
func buildTone(r *Report) toneChart {
	m := 0.1
	for _, o := range r.Outlets {
		for _, iv := range []Interval{o.ArticleTone, o.QuoteTone} {
			if iv.N > 0 {
				m = max(m, math.Abs(iv.Lo), math.Abs(iv.Hi), math.Abs(iv.Mean))
			}
		}
	}
	m = min(1, math.Ceil(m*10-1e-9)/10)
	c := toneChart{Width: chartWidth, X0: labelWidth, X1: labelWidth + plotWidth}
	x := func(v float64) float64 { return c.X0 + (v+m)/(2*m)*plotWidth }
	c.Zero = x(0)
	step := 0.1
	if m > 0.5 {
		step = 0.25
	} else if m > 0.25 {
		step = 0.1
	} else {
		step = 0.05
	}
	for v := -m; v <= m+1e-9; v += step {
		v := math.Round(v/step) * step
		c.Ticks = append(c.Ticks, tick{x(v), signed(v)})
	}
	for i, o := range r.Outlets {
		y := topMargin + float64(i)*rowHeight + rowHeight/2
		row := toneRow{Y: y, Name: o.Name, Small: o.Small(), Note: fmt.Sprintf("%d / %d", o.Articles, o.Quotes)}
		if iv := o.ArticleTone; iv.N > 0 {
			row.Article = mark{Ok: true, X: x(iv.Mean), Lo: x(iv.Lo), Hi: x(iv.Hi), Y: y - 4,
				Title: fmt.Sprintf("%s article tone %s (%d articles)", o.Name, interval(iv), iv.N)}
		}
		if iv := o.QuoteTone; iv.N > 0 {
			row.Quote = mark{Ok: true, X: x(iv.Mean), Lo: x(iv.Lo), Hi: x(iv.Hi), Y: y + 5,
				Title: fmt.Sprintf("%s quote tone %s (%d quotes)", o.Name, interval(iv), iv.N)}
		}
		c.Rows = append(c.Rows, row)
	}
	c.Height = topMargin + float64(len(r.Outlets))*rowHeight + 10
	return c
}

// buildAff lays out the affiliation chart: one 100% bar per outlet, ordered
// by the share of the group that varies most across outlets.
func buildAff(r *Report) affChart {
	g := r.SpreadAffiliation()
	c := affChart{Width: chartWidth, X0: labelWidth, By: Affiliations[g].Name}
	lx := labelWidth
	for i, a := range Affiliations {
		c.Legend = append(c.Legend, segment{X: lx, Color: affiliationColors[i], Label: a.Name})
		lx += 30 + 8*float64(len(a.Name))
	}
	for i, o := range r.ByAffiliation(g) {
		y := topMargin + float64(i)*rowHeight
		row := affRow{Y: y, Name: o.Name, Small: o.Small(), Note: fmt.Sprintf("%d quotes", o.Quotes)}
		x := c.X0
		// The sorting group first, so that its edge lines up.
		groups := []int{g}
		for gi := range Affiliations {
			if gi != g {
				groups = append(groups, gi)
			}
		}
		for _, gi := range groups {
			a := Affiliations[gi]
			s := o.Share(gi)
			if s == 0 {
				continue
			}
			seg := segment{X: x, W: s * plotWidth, Color: affiliationColors[gi], Dark: gi == 0 || gi == 1 || gi == 3,
				Title: fmt.Sprintf("%s: %s %d of %d quotes (%.1f%%)", o.Name, a.Name, o.Affiliation[gi], o.Quotes, 100*s)}
			if seg.W >= 34 {
				seg.Label = fmt.Sprintf("%.0f%%", 100*s)
			}
			row.Segments = append(row.Segments, seg)
			x += seg.W
		}
		c.Rows = append(c.Rows, row)
	}
	c.Height = topMargin + float64(len(r.Outlets))*rowHeight + 6
	return c
}

// stanceColor maps a net stance in [-1, 1] to a diverging purple (against)
// to green (favor) scale through white.
func stanceColor(v float64) (string, bool) {
	against := [3]float64{118, 42, 131}
	favor := [3]float64{27, 120, 55}
	end := favor
	if v < 0 {
		end = against
	}
	t := math.Min(1, math.Abs(v))
	var c [3]int
	for i := range c {
		c[i] = int(math.Round(247 + (end[i]-247)*t))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]), t > 0.55
}

// buildStance lays out the stance heat map: a row per outlet, two cells per
// topic (quoted speakers, narrative) colored by net stance.
func buildStance(r *Report) stanceChart {
	const cw, gap = 96.0, 10.0
	main := r.MainTopic()
	c := stanceChart{}
	outlets := r.Outlets
	if main >= 0 {
		outlets = r.ByTopic(main)
		c.By = r.Topics[main]
	}
	top := topMargin + 18
	for t, name := range r.Topics {
		x := labelWidth + float64(t)*(2*cw+gap)
		c.Heads = append(c.Heads, cell{X: x + cw, Y: 16, Text: name})
		c.Sub = append(c.Sub, cell{X: x + cw/2, Y: top - 8, Text: "quoted"}, cell{X: x + 1.5*cw, Y: top - 8, Text: "narrative"})
		for i, o := range outlets {
			y := top + float64(i)*rowHeight
			for k, s := range []Stances{o.Topics[t].Quoted, o.Topics[t].Narrative} {
				cl := cell{X: x + float64(k)*cw, Y: y, W: cw - 2, H: rowHeight - 2, Small: s.N() > 0 && s.Small(), Fill: "#eeeeee", Text: "–"}
				src := [2]string{"quoted speakers", "narrative"}[k]
				cl.Title = fmt.Sprintf("%s, %s, %s: no stance", o.Name, name, src)
				if s.N() > 0 {
					cl.Fill, cl.Dark = stanceColor(s.Net())
					cl.Text = fmt.Sprintf("%s (%d)", signed(s.Net()), s.N())
					cl.Title = fmt.Sprintf("%s, %s, %s: favor %d, against %d, neutral %d, net %s",
						o.Name, name, src, s.Favor, s.Against, s.Neutral, signed(s.Net()))
				}
				c.Cells = append(c.Cells, cl)
			}
		}
	}
	for i, o := range outlets {
		c.Labels = append(c.Labels, toneRow{Y: top + float64(i)*rowHeight + rowHeight/2, Name: o.Name, Small: o.Small()})
	}
	c.Width = max(chartWidth, labelWidth+float64(len(r.Topics))*(2*cw+gap)+10)
	c.Height = top + float64(len(outlets))*rowHeight + 6
	return c
}

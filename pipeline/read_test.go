package pipeline

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// readItems runs the reader over paths and returns what it emitted.
func readItems(t *testing.T, maxSize int, paths ...string) ([]Article, []Reject) {
	t.Helper()
	var arts []Article
	var rejs []Reject
	rd := &reader{maxSize: maxSize, seen: map[string][32]byte{}, emit: func(it item) {
		if it.reject != nil {
			rejs = append(rejs, *it.reject)
		} else {
			arts = append(arts, it.article)
		}
	}}
	if err := rd.readAll(paths); err != nil {
		t.Fatalf("readAll(%v): %v", paths, err)
	}
	return arts, rejs
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadJSONLRejects(t *testing.T) {
	lines := []string{
		`{"id": "a1", "outlet": "Daily", "published": "2025-02-12", "text": "Peace talks began.", "extra": {"x": 1}}`,
		`{"id": "a2", "text": "broken`,
		"{\"id\": \"a3\", \"text\": \"bad \xff byte\"}",
		`{"id": "a4", "text": "   \n\t "}`,
		`{"id": "a5", "text": "` + strings.Repeat("x", 200) + `"}`,
		`{"id": "a1", "text": "Peace talks began."}`,
		`{"id": "a1", "text": "Something else."}`,
		`{"text": "no id"}`,
		`{"id": "a6", "published": "12/02/2025", "text": "Bad date."}`,
		`{"id": 7, "published": "2025-02-12T10:00:00+02:00", "text": "\ufeffNumber id.\r\nSecond line."}`,
		`{"id": "a8"}`,
		``,
		`[1, 2]`,
	}
	p := writeFile(t, filepath.Join(t.TempDir(), "in.jsonl"), []byte(strings.Join(lines, "\n")+"\n"))
	arts, rejs := readItems(t, 100, p)

	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if got, want := strings.Join(ids, ","), "a1,7"; got != want {
		t.Errorf("accepted ids = %s, want %s", got, want)
	}
	if a := arts[0]; a.Outlet != "Daily" || a.Published != "2025-02-12" || a.Record != "line 1" {
		t.Errorf("first article = %+v", a)
	}
	if got, want := arts[1].Text, "Number id.\nSecond line."; got != want {
		t.Errorf("normalised text = %q, want %q", got, want)
	}
	if got, want := arts[1].Published, "2025-02-12"; got != want {
		t.Errorf("RFC 3339 date = %q, want %q", got, want)
	}
	want := []struct{ record, reason string }{
		{"line 2", "malformed JSON"},
		{"line 3", "invalid UTF-8"},
		{"line 4", "empty text"},
		{"line 5", "size limit"},
		{"line 6", "duplicate of an earlier record"},
		{"line 7", "duplicate id with different text"},
		{"line 8", "missing id"},
		{"line 9", "is not YYYY-MM-DD"},
		{"line 11", "no text field"},
		{"line 13", "malformed JSON"},
	}
	if len(rejs) != len(want) {
		t.Fatalf("got %d rejects, want %d: %+v", len(rejs), len(want), rejs)
	}
	for i, w := range want {
		if rejs[i].Record != w.record || !strings.Contains(rejs[i].Reason, w.reason) || rejs[i].Source != p {
			t.Errorf("reject %d = %+v, want record %q with reason containing %q", i, rejs[i], w.record, w.reason)
		}
	}
}

// Every record lands somewhere: accepted + rejected = non-blank lines.
func TestReadLosesNothing(t *testing.T) {
	var b strings.Builder
	n := 0
	for i := range 50 {
		switch i % 5 {
		case 0:
			b.WriteString(`{"id": "x` + string(rune('a'+i%26)) + `", "text": "A text."}`)
		case 1:
			b.WriteString(`{"id": "ok`)
		case 2:
			b.WriteString("{\"id\": \"u\", \"text\": \"\xc3\x28\"}")
		case 3:
			b.WriteString(`{"id": "e", "text": ""}`)
		case 4:
			b.WriteString(`not json at all`)
		}
		b.WriteString("\n")
		n++
	}
	p := writeFile(t, filepath.Join(t.TempDir(), "mixed.jsonl"), []byte(b.String()))
	arts, rejs := readItems(t, 1000, p)
	if len(arts)+len(rejs) != n {
		t.Errorf("articles %d + rejects %d != %d records", len(arts), len(rejs), n)
	}
}

func TestReadOversizedLineIsNotHeld(t *testing.T) {
	big := `{"id": "big", "text": "` + strings.Repeat("a", 300_000) + `"}`
	p := writeFile(t, filepath.Join(t.TempDir(), "big.jsonl"), []byte(big+"\n"+`{"id": "next", "text": "Still read."}`+"\n"))
	arts, rejs := readItems(t, 1000, p)
	if len(arts) != 1 || arts[0].ID != "next" {
		t.Errorf("articles = %+v, want only next", arts)
	}
	if len(rejs) != 1 || !strings.Contains(rejs[0].Reason, "size limit") || rejs[0].Record != "line 1" {
		t.Errorf("rejects = %+v, want one size-limit reject on line 1", rejs)
	}
}

func TestReadGzipAndDirectory(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id": "g1", "text": "From gzip."}` + "\n"))
	zw.Close()
	writeFile(t, filepath.Join(dir, "in", "b.jsonl.gz"), gz.Bytes())
	writeFile(t, filepath.Join(dir, "in", "a.txt"), []byte("\ufeffFirst line.\r\nSecond."))
	writeFile(t, filepath.Join(dir, "in", "c.txt"), []byte("\xff\xfe"))
	writeFile(t, filepath.Join(dir, "in", "notes.md"), []byte("ignored"))
	writeFile(t, filepath.Join(dir, "in", "manifest.csv"), []byte("id,outlet,url,published,title\na,The Post,http://x/a,2025-02-12,A title\n"))
	writeFile(t, filepath.Join(dir, "bad.jsonl.gz"), []byte("not gzip"))

	arts, rejs := readItems(t, 1000, filepath.Join(dir, "in"), filepath.Join(dir, "bad.jsonl.gz"))
	if len(arts) != 2 {
		t.Fatalf("articles = %+v, want a and g1", arts)
	}
	a := arts[0]
	if a.ID != "a" || a.Outlet != "The Post" || a.URL != "http://x/a" || a.Published != "2025-02-12" || a.Title != "A title" {
		t.Errorf("txt article with manifest = %+v", a)
	}
	if a.Text != "First line.\nSecond." {
		t.Errorf("txt text = %q", a.Text)
	}
	if arts[1].ID != "g1" || arts[1].Text != "From gzip." {
		t.Errorf("gzip article = %+v", arts[1])
	}
	if len(rejs) != 2 || !strings.Contains(rejs[0].Reason, "invalid UTF-8") || !strings.Contains(rejs[1].Reason, "gzip") {
		t.Errorf("rejects = %+v, want invalid UTF-8 (c.txt) then not gzip", rejs)
	}
}

func TestReadManifestJSONLBesideDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "manifest.jsonl"), []byte(`{"id": "x", "outlet": "Wire", "published": "2025-03-01", "extra": true}`+"\n"))
	writeFile(t, filepath.Join(dir, "texts", "x.txt"), []byte("Text."))
	arts, _ := readItems(t, 1000, filepath.Join(dir, "texts"))
	if len(arts) != 1 || arts[0].Outlet != "Wire" || arts[0].Published != "2025-03-01" {
		t.Errorf("articles = %+v, want outlet Wire from the manifest beside the directory", arts)
	}
}

func TestReadMissingPathFails(t *testing.T) {
	rd := &reader{maxSize: 10, seen: map[string][32]byte{}, emit: func(item) {}}
	if err := rd.readAll([]string{filepath.Join(t.TempDir(), "nope.jsonl")}); err == nil {
		t.Error("readAll on a missing path: no error")
	}
}

// decodeCases are lines for the fast decoder's differential test: what
// PolNeAR and our examples look like, and everything it must leave to
// encoding/json.
var decodeCases = []string{
	`{"id": "a1", "outlet": "Daily", "published": "2025-02-12", "text": "Peace talks began.", "extra": {"x": 1}}`,
	`{"id": 7, "text": "\ufeffNumber id.\r\nSecond line.", "quotes": [{"start": 1, "end": -2.5e+3, "ok": true, "no": false, "n": null}, [], {}]}`,
	`{"id":"x","text":"esc \" \\ \/ \b \f \n \r \t end","title":"T","url":"u"}`,
	`{"id": "s", "text": "surrogates \ud83d\ude00 \ud83d lone \u00e9"}`,
	`  {"id": "ws", "text": "t"}  ` + "\n",
	`{"id": "n", "text": null, "outlet": null}`,
	`{"id": null, "text": "t"}`,
	`{"ID": "case", "Text": "t"}`,
	`{"id": "dup", "text": "a", "text": "b"}`,
	`{"id": "dup", "text": "a", "TEXT": "b"}`,
	`{"id": "k", "te\u0078t": "escaped name"}`,
	`{"id": "k", "publiſhed": "2025-01-01", "text": "fold"}`,
	`{"id": "num", "text": 5}`,
	`{"id": "num", "outlet": 5, "text": "t"}`,
	`{"id": "num", "outlet": ["a"], "text": "t"}`,
	`{"id": [1, 2], "text": "t"}`,
	`{"id": 1.5e3, "text": "t"}`,
	`{"id": 01, "text": "t"}`,
	`{"id": -, "text": "t"}`,
	`{"id": "a", "text": "t",}`,
	`{"id": "a" "text": "t"}`,
	`{"id": "a", "text": "t"} x`,
	`{"id": "a", "text": "bad \x escape"}`,
	"{\"id\": \"a\", \"text\": \"control \x01 char\"}",
	`{"id": "a", "text": "t", "x": tru}`,
	`{"id": "a", "text": "t", "x": truex}`,
	`{"id": "a", "text": "t", "x": 1.}`,
	`{"id": "a", "text": "t", "x": 1e}`,
	`{"id": "a", "text": "t", "x": "\u12"}`,
	`{"id": "a", "text": "unterminated}`,
	`[1, 2]`,
	`"a string"`,
	`{}`,
	`{"x": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}`,
	"{\"id\": \"a\", \"text\": \"t\"}\n",
}

// TestDecodeArticle: where the fast decoder answers, it answers what
// json.Unmarshal does.
func TestDecodeArticle(t *testing.T) {
	for _, c := range decodeCases {
		checkDecode(t, []byte(c))
	}
	deep := strings.Repeat("[", 2000) + strings.Repeat("]", 2000)
	checkDecode(t, []byte(`{"id": "deep", "x": `+deep+`, "text": "t"}`))
	if _, ok := decodeArticle([]byte(decodeCases[0])); !ok {
		t.Errorf("decodeArticle(%q) left an ordinary line to encoding/json", decodeCases[0])
	}
}

func checkDecode(t *testing.T, line []byte) {
	t.Helper()
	if !utf8.Valid(line) {
		return // jsonRecord rejects it before decoding
	}
	got, ok := decodeArticle(line)
	if !ok {
		return
	}
	var want jsonArticle
	if err := json.Unmarshal(line, &want); err != nil {
		t.Fatalf("decodeArticle(%q) = %+v, ok; json.Unmarshal: %v", line, got, err)
	}
	if string(got.ID) != string(want.ID) || got.Outlet != want.Outlet || got.URL != want.URL ||
		got.Published != want.Published || got.Title != want.Title || (got.Text == nil) != (want.Text == nil) ||
		got.Text != nil && *got.Text != *want.Text {
		t.Fatalf("decodeArticle(%q) = %+v, json.Unmarshal %+v", line, show(got), show(want))
	}
}

func show(j jsonArticle) string {
	text := "<nil>"
	if j.Text != nil {
		text = strconv.Quote(*j.Text)
	}
	return fmt.Sprintf("{ID:%s Outlet:%q URL:%q Published:%q Title:%q Text:%s}", j.ID, j.Outlet, j.URL, j.Published, j.Title, text)
}

func FuzzDecodeArticle(f *testing.F) {
	for _, c := range decodeCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		checkDecode(t, line)
	})
}

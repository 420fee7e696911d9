package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// item is one input record on its way through the pipeline: an article to
// process or a reject, numbered in input order.
type item struct {
	seq     int
	article Article
	reject  *Reject
	sum     [32]byte // SHA-256 of article.Text, which the reader computes anyway
}

// reader turns input paths into items, in a deterministic order: the paths as
// given; inside a directory, its files sorted by name. It checks every record
// (SPEC section 2) and drops nothing: a bad record becomes a reject.
type reader struct {
	maxSize int
	emit    func(item)
	seq     int
	seen    map[string][32]byte // article id -> sha256 of its text
	read    func(n int)         // raw input bytes consumed, for progress
}

type countingReader struct {
	r io.Reader
	n func(int)
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 && c.n != nil {
		c.n(n)
	}
	return n, err
}

// InputSize returns the total size in bytes of the input files under paths,
// for progress reporting. Unreadable paths count 0: Run reports them.
func InputSize(paths []string) int64 {
	var total int64
	for _, p := range paths {
		filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	return total
}

// readAll reads every input path. It fails only when a path cannot be read
// at all; bad records inside are rejects.
func (rd *reader) readAll(paths []string) error {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("reading input: %w", err)
		}
		if info.IsDir() {
			err = rd.readDir(p)
		} else {
			err = rd.readFile(p, nil)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// manifestRow is what a manifest says about one article id.
type manifestRow struct {
	Outlet, URL, Published, Title string
}

func (rd *reader) readDir(dir string) error {
	man, err := readManifest(dir)
	if err != nil {
		return err
	}
	var files []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if isManifest(name) {
			return nil
		}
		if strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".jsonl.gz") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reading input directory: %w", err)
	}
	slices.Sort(files)
	for _, f := range files {
		if err := rd.readFile(f, man); err != nil {
			return err
		}
	}
	return nil
}

func isManifest(name string) bool { return name == "manifest.csv" || name == "manifest.jsonl" }

// readManifest reads manifest.csv or manifest.jsonl in dir or beside it.
func readManifest(dir string) (map[string]manifestRow, error) {
	for _, base := range []string{dir, filepath.Dir(filepath.Clean(dir))} {
		for _, name := range []string{"manifest.csv", "manifest.jsonl"} {
			p := filepath.Join(base, name)
			b, err := os.ReadFile(p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("reading manifest: %w", err)
			}
			m, err := parseManifest(name, b)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			return m, nil
		}
	}
	return nil, nil
}

func parseManifest(name string, b []byte) (map[string]manifestRow, error) {
	m := map[string]manifestRow{}
	if strings.HasSuffix(name, ".jsonl") {
		for n, line := range bytes.Split(b, []byte("\n")) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			var r struct{ ID, Outlet, URL, Published, Title string }
			if err := json.Unmarshal(line, &r); err != nil {
				return nil, fmt.Errorf("line %d: %v", n+1, err)
			}
			m[r.ID] = manifestRow{r.Outlet, r.URL, r.Published, r.Title}
		}
		return m, nil
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return m, nil
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))] = i
	}
	id, ok := col["id"]
	if !ok {
		return nil, fmt.Errorf("header has no id column")
	}
	get := func(r []string, k string) string {
		if i, ok := col[k]; ok && i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	for _, r := range rows[1:] {
		if id < len(r) {
			m[r[id]] = manifestRow{get(r, "outlet"), get(r, "url"), get(r, "published"), get(r, "title")}
		}
	}
	return m, nil
}

func (rd *reader) readFile(p string, man map[string]manifestRow) error {
	f, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("reading input: %w", err)
	}
	defer f.Close()
	var r io.Reader = countingReader{f, rd.read}
	switch {
	case strings.HasSuffix(p, ".jsonl.gz") || strings.HasSuffix(p, ".gz"):
		gz, err := gzip.NewReader(r)
		if err != nil {
			rd.reject(p, "file", fmt.Sprintf("not a gzip file: %v", err))
			return nil
		}
		defer gz.Close()
		rd.readJSONL(p, gz)
	case strings.HasSuffix(p, ".txt"):
		rd.readText(p, r, man)
	default:
		rd.readJSONL(p, r)
	}
	return nil
}

func (rd *reader) reject(source, record, reason string) {
	rd.emit(item{seq: rd.next(), reject: &Reject{Source: source, Record: record, Reason: reason}})
}

func (rd *reader) next() int {
	rd.seq++
	return rd.seq - 1
}

func (rd *reader) readText(p string, r io.Reader, man map[string]manifestRow) {
	name := filepath.Base(p)
	b, err := io.ReadAll(io.LimitReader(r, int64(rd.maxSize)+1))
	if err != nil {
		rd.reject(p, name, fmt.Sprintf("read error: %v", err))
		return
	}
	if len(b) > rd.maxSize {
		io.Copy(io.Discard, r)
		rd.reject(p, name, fmt.Sprintf("text over the size limit of %d bytes", rd.maxSize))
		return
	}
	a := Article{ID: strings.TrimSuffix(name, ".txt"), Source: p, Record: name}
	if m, ok := man[a.ID]; ok {
		a.Outlet, a.URL, a.Published, a.Title = m.Outlet, m.URL, m.Published, m.Title
	}
	rd.accept(a, string(b), false)
}

// readJSONL reads one article per line. A line longer than the size limit
// (plus room for the other fields) is rejected without being held in memory.
func (rd *reader) readJSONL(p string, r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<16)
	maxLine := rd.maxSize + 1<<16
	var buf []byte
	for n := 1; ; n++ {
		// A line that fits in the reader's buffer is read where it is;
		// a longer one is gathered in buf.
		line, err := br.ReadSlice('\n')
		over := false
		if err == bufio.ErrBufferFull {
			buf = append(buf[:0], line...)
			for err == bufio.ErrBufferFull {
				var chunk []byte
				chunk, err = br.ReadSlice('\n')
				if !over {
					if len(buf)+len(chunk) > maxLine {
						over, buf = true, buf[:0]
					} else {
						buf = append(buf, chunk...)
					}
				}
			}
			line = buf
		}
		rec := "line " + strconv.Itoa(n)
		switch {
		case over:
			rd.reject(p, rec, fmt.Sprintf("record over the size limit of %d bytes", rd.maxSize))
		case len(bytes.TrimSpace(line)) > 0:
			rd.jsonRecord(p, rec, line)
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			rd.reject(p, rec, fmt.Sprintf("read error, rest of file lost: %v", err))
			return
		}
	}
}

// jsonArticle is an input line; unknown fields are ignored.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	Outlet    string          `json:"outlet"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
	Title     string          `json:"title"`
	Text      *string         `json:"text"`
}

func (rd *reader) jsonRecord(p, rec string, line []byte) {
	// Go's decoder silently replaces invalid UTF-8, so check the raw bytes.
	if !utf8.Valid(line) {
		rd.reject(p, rec, "invalid UTF-8")
		return
	}
	j, ok := decodeArticle(line)
	if !ok {
		j = jsonArticle{}
		if err := json.Unmarshal(line, &j); err != nil {
			rd.reject(p, rec, fmt.Sprintf("malformed JSON: %v", err))
			return
		}
	}
	id, err := jsonID(j.ID)
	if err != nil {
		rd.reject(p, rec, err.Error())
		return
	}
	if j.Text == nil {
		rd.reject(p, rec, fmt.Sprintf("article %q has no text field", id))
		return
	}
	if len(*j.Text) > rd.maxSize {
		rd.reject(p, rec, fmt.Sprintf("article %q: text over the size limit of %d bytes", id, rd.maxSize))
		return
	}
	// The line is valid UTF-8, so is its text: unquoting makes only
	// ASCII or, for \u escapes, what encoding/json makes, valid UTF-8.
	rd.accept(Article{ID: id, Outlet: j.Outlet, URL: j.URL, Published: j.Published, Title: j.Title, Source: p, Record: rec}, *j.Text, true)
}

// jsonID accepts a string or a number as the id.
func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New("missing id")
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if strings.TrimSpace(s) == "" {
			return "", errors.New("empty id")
		}
		return s, nil
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("id %s is not a string or a number", raw)
}

// accept checks an article's text and date and emits it, or a reject.
// validUTF8 says the text is known to be valid UTF-8 already.
func (rd *reader) accept(a Article, text string, validUTF8 bool) {
	if !validUTF8 && !utf8.ValidString(text) {
		rd.reject(a.Source, a.Record, fmt.Sprintf("article %q: invalid UTF-8", a.ID))
		return
	}
	a.Text = Normalize(text)
	if strings.TrimSpace(a.Text) == "" {
		rd.reject(a.Source, a.Record, fmt.Sprintf("article %q: empty text", a.ID))
		return
	}
	if a.Published != "" {
		d, err := parseDate(a.Published)
		if err != nil {
			rd.reject(a.Source, a.Record, fmt.Sprintf("article %q: published %q is not YYYY-MM-DD or RFC 3339", a.ID, a.Published))
			return
		}
		a.Published = d
	}
	sum := sha256.Sum256([]byte(a.Text))
	if prev, dup := rd.seen[a.ID]; dup {
		if prev == sum {
			rd.reject(a.Source, a.Record, fmt.Sprintf("article %q: duplicate of an earlier record with the same id and text", a.ID))
		} else {
			rd.reject(a.Source, a.Record, fmt.Sprintf("article %q: duplicate id with different text", a.ID))
		}
		return
	}
	rd.seen[a.ID] = sum
	rd.emit(item{seq: rd.next(), article: a, sum: sum})
}

// parseDate accepts YYYY-MM-DD and RFC 3339 and returns YYYY-MM-DD (the date
// as written, not converted to UTC).
func parseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return "", err
	}
	return t.Format(time.DateOnly), nil
}

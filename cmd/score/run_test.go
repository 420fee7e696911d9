package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"score/lexicons"
)

func runScore(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "in.jsonl")
	os.WriteFile(good, []byte(`{"id": "a", "text": "“We want peace,” Zelensky said."}`+"\n"+`{"id": "b", "text": ""}`+"\n"), 0o644)
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, []byte("x"), 0o644)

	tests := []struct {
		name string
		args []string
		code int
		msg  string // in stderr
	}{
		{"no command", nil, 2, "Usage"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"no input", []string{"run", "-out", filepath.Join(dir, "o1")}, 2, "no input given"},
		{"bad flag", []string{"run", "-nope", good}, 2, "flag provided but not defined"},
		{"bad workers", []string{"run", "-workers", "0", good}, 2, "must be positive"},
		{"missing input", []string{"run", "-out", filepath.Join(dir, "o2"), filepath.Join(dir, "missing.jsonl")}, 1, "missing.jsonl"},
		{"unwritable output", []string{"run", "-out", filepath.Join(blocker, "o"), good}, 1, "output"},
		{"help", []string{"run", "-h"}, 0, "INPUT is a .jsonl"},
		{"rejects are not failures", []string{"run", "-out", filepath.Join(dir, "o3"), good}, 0, `"rejects":1`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runScore(tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.msg) {
				t.Errorf("score %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.msg)
			}
		})
	}
}

// Without a terminal, the run ends with one JSON summary line on stderr.
func TestRunSummaryLine(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(`{"id": "a", "text": "“We want peace,” Zelensky said."}`+"\n"), 0o644)
	code, _, stderr := runScore("run", "-out", filepath.Join(dir, "out"), in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	var sum map[string]any
	if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &sum) != nil {
		t.Fatalf("stderr = %q, want one JSON line", stderr)
	}
	for _, k := range []string{"articles", "rejects", "quotes", "stances", "mb_per_s", "seconds"} {
		if _, ok := sum[k]; !ok {
			t.Errorf("summary lacks %q: %s", k, lines[0])
		}
	}
	if sum["articles"] != 1.0 || sum["quotes"] != 1.0 {
		t.Errorf("summary = %s, want 1 article and 1 quote", lines[0])
	}
}

// -lexicons replaces the built-in lexicons without recompiling, and a broken
// lexicon directory is reported file:line, every problem at once.
func TestRunLexiconsFlag(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "lex")
	os.MkdirAll(lex, 0o755)
	fs.WalkDir(lexicons.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(lexicons.FS(), p)
			os.WriteFile(filepath.Join(lex, p), b, 0o644)
		}
		return err
	})
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(`{"id": "a", "text": "Smith whispered that the talks had failed."}`+"\n"), 0o644)

	code, _, stderr := runScore("run", "-out", filepath.Join(dir, "o1"), "-lexicons", lex, in)
	if code != 0 || !strings.Contains(stderr, `"quotes":0`) {
		t.Fatalf("before adding the verb: exit %d, %s; want 0 quotes", code, stderr)
	}
	f, _ := os.OpenFile(filepath.Join(lex, "verbs.txt"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("whisper: whispered, whispers\n")
	f.Close()
	code, _, stderr = runScore("run", "-out", filepath.Join(dir, "o2"), "-lexicons", lex, in)
	if code != 0 || !strings.Contains(stderr, `"quotes":1`) {
		t.Errorf("after adding the verb: exit %d, %s; want 1 quote", code, stderr)
	}

	os.WriteFile(filepath.Join(lex, "tone.txt"), []byte("good x\nbad\n"), 0o644)
	code, _, stderr = runScore("run", "-out", filepath.Join(dir, "o3"), "-lexicons", lex, in)
	if code != 1 || !strings.Contains(stderr, "tone.txt:1:") || !strings.Contains(stderr, "tone.txt:2:") {
		t.Errorf("broken lexicons: exit %d, stderr %q; want exit 1 naming tone.txt:1 and tone.txt:2", code, stderr)
	}
}

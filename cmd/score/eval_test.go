package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"score/pipeline"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvalMalformedGold(t *testing.T) {
	gold := writeFile(t, "gold.jsonl", strings.Join([]string{
		`{"id": "a", "text": "Kim said no.", "quotes": [{"kind": "indirect", "text": "no", "start": 9, "end": 11, "speaker": "Kim"}]}`,
		`{"id": "b", "text": "Kim said no.", "quotes": [{"kind": "indirect", "text": "no", "start": 8, "end": 10, "speaker": "Kim"}]}`,
		`{"id": "c", "text": "Kim said no.", "quotes": [{"kind": "indirect", "text": "no", "start": 9, "end": 11, "tone": "+1"}]}`,
	}, "\n"))
	var out, errb bytes.Buffer
	code := run([]string{"eval", "-gold", gold}, &out, &errb)
	if code != 2 {
		t.Errorf("exit status %d, want 2; stderr:\n%s", code, errb.String())
	}
	for _, want := range []string{gold + ":2: quote 0", gold + ":3: quote 0"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr does not name %q:\n%s", want, errb.String())
		}
	}
	if out.Len() > 0 {
		t.Errorf("printed metrics for a bad gold file:\n%s", out.String())
	}
}

func TestEvalUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"eval"}, 2},
		{[]string{"eval", "-gold"}, 2},
		{[]string{"eval", "-gold", filepath.Join(t.TempDir(), "none.jsonl")}, 2},
		{[]string{"eval", "-gold", "x.jsonl", "extra"}, 2},
		{[]string{"eval", "-h"}, 0},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if code := run(tt.args, &out, &errb); code != tt.code {
			t.Errorf("score %s: exit status %d, want %d; stderr:\n%s", strings.Join(tt.args, " "), code, tt.code, errb.String())
		}
	}
}

func TestEvalOutputs(t *testing.T) {
	gold := writeFile(t, "gold.jsonl",
		`{"id": "a", "text": "“We will win,” Kim said.", "quotes": [{"kind": "direct", "text": "We will win,", "start": 1, "end": 13, "speaker": "Kim", "tone": 1}]}`+"\n")
	var out, errb bytes.Buffer
	if code := run([]string{"eval", "-gold", gold, "-json", "-errors"}, &out, &errb); code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, errb.String())
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("-json printed %q: %v", out.String(), err)
	}
	for _, k := range []string{"quote_f1", "speaker_acc", "tone_macro_f1", "stance_triple_f1", "errors"} {
		if _, ok := m[k]; !ok {
			t.Errorf("-json has no %q: %s", k, out.String())
		}
	}
	out.Reset()
	if code := run([]string{"eval", "-gold", gold}, &out, &errb); code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, errb.String())
	}
	for _, want := range []string{"quotes, all kinds", "speaker accuracy", "tone macro-F1", "stance: not annotated"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report has no %q:\n%s", want, out.String())
		}
	}
}

// TestEvalAgreesWithReferee scores the seed gold with score eval and with the
// independent referee (on score run's tables), and wants the same numbers.
func TestEvalAgreesWithReferee(t *testing.T) {
	shared, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	gold := filepath.Join(shared, "gold", "seeds.jsonl")
	referee := filepath.Join(shared, "referee")
	if _, err := os.Stat(filepath.Join(referee, "main.go")); err != nil {
		t.Skipf("no referee at %s (the shared directory beside the repository): %v", referee, err)
	}
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("no seed gold: %v", err)
	}
	if testing.Short() {
		t.Skip("-short: not building the referee")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to run the referee with")
	}

	out := t.TempDir()
	model, err := loadModel("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Run(pipeline.Config{Inputs: []string{gold}, Out: out, Workers: 2,
		MaxSize: pipeline.DefaultMaxSize, Model: model}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool, "run", ".", "-gold", gold, "-out", out)
	cmd.Dir = referee
	refOut, err := cmd.Output()
	if err != nil {
		t.Fatalf("referee: %v\n%s", err, refOut)
	}
	var ref map[string]any
	for _, line := range strings.Split(string(refOut), "\n") {
		if js, ok := strings.CutPrefix(line, "METRICS "); ok {
			if err := json.Unmarshal([]byte(js), &ref); err != nil {
				t.Fatalf("referee printed %q: %v", line, err)
			}
		}
	}
	if ref == nil {
		t.Fatalf("referee printed no METRICS line:\n%s", refOut)
	}

	var ours bytes.Buffer
	var errb bytes.Buffer
	if code := run([]string{"eval", "-gold", gold, "-json"}, &ours, &errb); code != 0 {
		t.Fatalf("score eval: exit status %d\n%s", code, errb.String())
	}
	var got map[string]any
	if err := json.Unmarshal(ours.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"quote_f1", "speaker_acc", "tone_macro_f1", "stance_triple_f1",
		"quote_p", "quote_r", "quoted_f1", "indirect_f1", "matched", "speaker_n", "topic_f1", "stance_acc"} {
		r, rok := ref[k].(float64)
		g, gok := got[k].(float64)
		if !rok || !gok || math.Abs(r-g) > 0.02 {
			t.Errorf("%s: score eval %v, referee %v", k, got[k], ref[k])
		}
	}
}

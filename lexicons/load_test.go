package lexicons

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// copyFS returns the embedded files as a writable map, to edit in tests.
func copyFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(FS(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDefaultLoads(t *testing.T) {
	s, err := Load(FS())
	if err != nil {
		t.Fatalf("embedded lexicons: %v", err)
	}
	if len(s.Verbs) == 0 || len(s.Speakers) == 0 || len(s.Topics) == 0 || len(s.Tone) == 0 || len(s.Abbrev) == 0 {
		t.Errorf("a lexicon is empty: %d verbs, %d speakers, %d topics, %d tone words, %d abbreviations",
			len(s.Verbs), len(s.Speakers), len(s.Topics), len(s.Tone), len(s.Abbrev))
	}
	for _, name := range fileNames {
		if s.Sums[name] == "" {
			t.Errorf("no checksum for %s", name)
		}
	}
}

// Every name and alias of the registry resolves to its own entry, and no
// two entries share a canonical name.
func TestSpeakerRegistry(t *testing.T) {
	s := Default()
	names := map[string]bool{}
	for _, sp := range s.Speakers {
		if names[sp.Name] {
			t.Errorf("speaker %q is listed twice", sp.Name)
		}
		names[sp.Name] = true
		for _, a := range append([]string{sp.Name}, sp.Aliases...) {
			got, ok := s.LookupSpeaker(a)
			if !ok || got.Name != sp.Name {
				t.Errorf("LookupSpeaker(%q) = %q, %v; want %q", a, got.Name, ok, sp.Name)
			}
		}
		for _, r := range sp.Roles {
			if got, ok := s.LookupRole(r); !ok || got.Name != sp.Name {
				t.Errorf("LookupRole(%q) = %q, %v; want %q", r, got.Name, ok, sp.Name)
			}
		}
	}
	for _, tc := range []struct{ mention, want string }{
		{"Zelenskyy", "Volodymyr Zelensky"},
		{"Zelenskiy", "Volodymyr Zelensky"},
		{"ZELENSKY", "Volodymyr Zelensky"},
		{"J.D. Vance", "JD Vance"},
		{"J. D. Vance", "JD Vance"},
		{"the Kremlin", "Kremlin"},
		{"Dmitri Peskov", "Dmitry Peskov"},
	} {
		if got, ok := s.LookupSpeaker(tc.mention); !ok || got.Name != tc.want {
			t.Errorf("LookupSpeaker(%q) = %q, %v; want %q", tc.mention, got.Name, ok, tc.want)
		}
	}
}

func TestTopicsHaveTermsAndCues(t *testing.T) {
	for _, tp := range Default().Topics {
		if tp.ID == "" || tp.Proposition == "" || len(tp.Terms) == 0 || len(tp.Favor)+len(tp.Against) == 0 {
			t.Errorf("topic %+v lacks an id, proposition, terms or cues", tp)
		}
	}
}

// Errors name file and line, and all of them are reported at once.
func TestLoadErrors(t *testing.T) {
	m := copyFS(t)
	m["verbs.txt"] = &fstest.MapFile{Data: []byte("say: said\n# comment\nno colon here\nutter: said\n")}
	m["tone.txt"] = &fstest.MapFile{Data: []byte("good 1.5\nbad minus\nworse -9\n")}
	m["speakers.yaml"] = &fstest.MapFile{Data: []byte("- name: A One\n  type: person\n  aliases: [One]\n- name: B One\n  type: alien\n- name: C\n  type: person\n  aliases: [one]\n")}
	m["topics.yaml"] = &fstest.MapFile{Data: []byte("- id: t1\n  terms: [x]\n- id: t2\n  terms: [y]\n  favor: [z]\n- id: t2\n  terms: [y]\n  favor: [z]\n")}
	delete(m, "abbreviations.txt")
	_, err := Load(m)
	if err == nil {
		t.Fatal("Load accepted broken lexicons")
	}
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("error is %T, want ErrorList", err)
	}
	want := []string{
		"abbreviations.txt: cannot read",
		"speakers.yaml:4: B One: type \"alien\"",
		"speakers.yaml:6: alias \"one\" of C is already A One's",
		"tone.txt:2: valence \"minus\"",
		"tone.txt:3: valence \"-9\"",
		"topics.yaml:1: topic \"t1\" has no favor or against cues",
		"topics.yaml:6: topic \"t2\" is defined twice",
		"verbs.txt:3: want",
		"verbs.txt:4: form \"said\" is already on line 1",
	}
	if len(list) != len(want) {
		t.Errorf("got %d errors, want %d:\n%v", len(list), len(want), err)
	}
	for i, w := range want {
		if i < len(list) && !strings.HasPrefix(list[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, list[i].Error(), w)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Volodymyr Zelenskyy", "volodymyr zelensky"},
		{"Zelenskiy", "zelensky"},
		{"The Kremlin", "kremlin"},
		{"Ukraine’s leader", "ukraines leader"},
		{"J.D. Vance", "jd vance"},
		{"José", "jose"},
		{"the", "the"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A verb's class word, with or without "+to" or "+as", is read off the lemma; the
// filters in front of the verb-head and alias maps never turn a key away.
func TestVerbClassesAndFilters(t *testing.T) {
	m := copyFS(t)
	m["verbs.txt"] = &fstest.MapFile{Data: []byte("say: said\nvow clause+to: vowed\nrule out object: ruled out\nurge both+to: urged\nclause: clauses\ndescribe object+as: described\n")}
	s, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Verb{
		"said":      {Lemma: "say", Class: "clause"},
		"vowed":     {Lemma: "vow", Class: "clause", Infinitive: true},
		"ruled out": {Lemma: "rule out", Class: "object"},
		"urged":     {Lemma: "urge", Class: "both", Infinitive: true},
		"clauses":   {Lemma: "clause", Class: "clause"}, // a lone word is a lemma, not a class
		"described": {Lemma: "describe", Class: "object", As: true},
	}
	for form, v := range want {
		if got := s.Verbs[form]; got != v {
			t.Errorf("Verbs[%q] = %+v, want %+v", form, got, v)
		}
	}
	d := Default()
	for form := range d.Verbs {
		head := strings.Fields(form)[0]
		if !d.MaybeVerbHead(head) {
			t.Errorf("MaybeVerbHead(%q) = false for a verb head", head)
		}
	}
	for _, sp := range d.Speakers {
		for _, a := range append([]string{sp.Name}, sp.Aliases...) {
			f := strings.Fields(a)
			if !d.MaybeAliasEnd(f[len(f)-1]) {
				t.Errorf("MaybeAliasEnd(%q) = false for the last word of alias %q", f[len(f)-1], a)
			}
		}
	}
}

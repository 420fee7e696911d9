package lexicons

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Set is every lexicon, parsed once. It is not modified after Load, so one Set
// is shared by all workers.
type Set struct {
	// Verbs maps an inflected reporting form ("said", "ruled out") to its
	// entry. Multi-word forms are joined by one space, lower case.
	Verbs map[string]Verb
	// MaxVerbWords is the most words in any form of Verbs.
	MaxVerbWords int
	// VerbHeads maps the first word of every form ("ruled" for "ruled
	// out", "said" for "said") to the most words of a form starting with
	// it: a word it lacks starts no form.
	VerbHeads map[string]int
	// verbHeadBits is a filter over the keys of VerbHeads (see MaybeVerbHead).
	verbHeadBits *[1 << 10]uint64
	// Speakers is the registry of known speakers, in file order.
	Speakers []Speaker
	// Topics are the stance topics, in file order.
	Topics []Topic
	// Tone maps a lower-case word or phrase to a valence on VADER's scale
	// (about -4 to +4); it overrides or extends VADER's lexicon.
	Tone map[string]float64
	// ToneModel is the Naive Bayes word model of tone_nb.txt and the
	// constants that combine it with VADER.
	ToneModel ToneModel
	// Abbrev holds lower-case abbreviations without their final period
	// ("u.s", "sen", "feb") after which a period does not end a sentence.
	Abbrev map[string]bool
	// Titles are lower-case words that stand before a name ("president").
	Titles map[string]bool
	// Sums maps each file name to the SHA-256 of its bytes, for run metadata.
	Sums map[string]string

	alias map[string]int // folded alias -> index in Speakers
	// aliasLast holds the last folded word of every alias (see MaybeAliasEnd)
	aliasLast map[string]bool
	roles     map[string]int // folded role description -> index in Speakers
}

// Verb is a reporting cue.
type Verb struct {
	Lemma string
	// Class says what may follow: "clause" (say that ...), "object" (a
	// noun phrase carrying a position: ruled out X) or "both".
	Class string
	// Infinitive: the cue may take "to" and a verb as its content ("vowed
	// to block the nominee", "declined to comment").
	Infinitive bool
	// As: the cue reports only an object characterised after "as"
	// ("described the plan as a disaster"); the content is both.
	As bool
}

// Speaker is one entity of the registry.
type Speaker struct {
	Name        string   `yaml:"name"`
	Type        string   `yaml:"type"` // person, organization, group
	Affiliation string   `yaml:"affiliation"`
	Aliases     []string `yaml:"aliases"`
	Roles       []string `yaml:"roles"`
}

// Topic is a stance proposition with the words that name it and the cues that
// take a position on it.
type Topic struct {
	ID          string   `yaml:"id"`
	Proposition string   `yaml:"proposition"`
	Terms       []string `yaml:"terms"`
	Favor       []string `yaml:"favor"`
	Against     []string `yaml:"against"`
}

// ToneModel is a multinomial Naive Bayes tone model over words and word
// pairs, with the constants that combine it with VADER's score.
type ToneModel struct {
	// Features maps a lower-case word or word pair ("peace talks") to its
	// log-likelihood under the classes negative, neutral and positive,
	// centred on their mean.
	Features map[string][3]float64
	// Params holds the "@name value ..." lines: weight, scale, cuts.
	Params map[string][]float64
}

// Error is one problem in one lexicon file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ErrorList is every problem found by Load, in file and line order.
type ErrorList []Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// The files a lexicon directory holds. All are required: a partial directory
// would silently lose a whole capability.
var fileNames = []string{"verbs.txt", "speakers.yaml", "topics.yaml", "tone.txt", "tone_nb.txt", "abbreviations.txt", "titles.txt"}

// Load reads and checks every lexicon file in fsys. It reports all problems
// at once as an ErrorList.
func Load(fsys fs.FS) (*Set, error) {
	s := &Set{
		Verbs: map[string]Verb{}, VerbHeads: map[string]int{}, verbHeadBits: new([1 << 10]uint64), Tone: map[string]float64{}, Abbrev: map[string]bool{},
		ToneModel: ToneModel{Features: map[string][3]float64{}, Params: map[string][]float64{}},
		Titles:    map[string]bool{}, Sums: map[string]string{},
		alias: map[string]int{}, roles: map[string]int{},
	}
	var errs ErrorList
	data := map[string][]byte{}
	for _, name := range fileNames {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, Error{File: name, Msg: fmt.Sprintf("cannot read: %v", unwrapPath(err))})
			continue
		}
		sum := sha256.Sum256(b)
		s.Sums[name] = hex.EncodeToString(sum[:])
		data[name] = b
	}
	if b, ok := data["verbs.txt"]; ok {
		errs = append(errs, s.loadVerbs(b)...)
	}
	if b, ok := data["tone.txt"]; ok {
		errs = append(errs, s.loadTone(b)...)
	}
	if b, ok := data["tone_nb.txt"]; ok {
		errs = append(errs, s.loadToneModel(b)...)
	}
	if b, ok := data["abbreviations.txt"]; ok {
		errs = append(errs, loadWords("abbreviations.txt", b, func(w string) string {
			return strings.TrimSuffix(strings.ToLower(w), ".")
		}, s.Abbrev)...)
	}
	if b, ok := data["titles.txt"]; ok {
		errs = append(errs, loadWords("titles.txt", b, strings.ToLower, s.Titles)...)
	}
	if b, ok := data["speakers.yaml"]; ok {
		errs = append(errs, s.loadSpeakers(b)...)
	}
	if b, ok := data["topics.yaml"]; ok {
		errs = append(errs, s.loadTopics(b)...)
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool {
			if errs[i].File != errs[j].File {
				return errs[i].File < errs[j].File
			}
			return errs[i].Line < errs[j].Line
		})
		return nil, errs
	}
	return s, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// lines calls fn for every non-blank line with its comment removed.
func lines(b []byte, fn func(n int, line string)) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			fn(n, line)
		}
	}
}

func loadWords(file string, b []byte, fold func(string) string, into map[string]bool) ErrorList {
	var errs ErrorList
	first := map[string]int{}
	lines(b, func(n int, line string) {
		w := fold(line)
		if m, dup := first[w]; dup {
			errs = append(errs, Error{file, n, fmt.Sprintf("%q repeats line %d", line, m)})
			return
		}
		first[w] = n
		into[w] = true
	})
	return errs
}

// MaybeVerbHead says whether w may be a key of VerbHeads: false means
// surely not. A bit test on the word's length and first, middle and last bytes, it
// spares most words of a text the map lookup (a string hash) in the scan
// for cues.
func (s *Set) MaybeVerbHead(w string) bool {
	if len(w) == 0 || s.verbHeadBits == nil {
		return len(w) > 0
	}
	h := headKey(w)
	return s.verbHeadBits[h>>6]&(1<<(h&63)) != 0
}

func headKey(w string) uint32 {
	return (uint32(w[0])*61 + uint32(w[len(w)/2])*4099 + uint32(w[len(w)-1])*7 + uint32(len(w))*1031) & (1<<16 - 1)
}

// verbs.txt: "lemma [class]: form, form, ..." where class is clause (the
// default), object or both, each with an optional "+to" (the cue takes an
// infinitive too) or "+as" (the cue reports an object only with "as" and a
// characterisation). The lemma is a form too.
func (s *Set) loadVerbs(b []byte) ErrorList {
	const file = "verbs.txt"
	var errs ErrorList
	first := map[string]int{}
	lines(b, func(n int, line string) {
		head, rest, ok := strings.Cut(line, ":")
		if !ok {
			errs = append(errs, Error{file, n, `want "lemma [class]: form, form, ..."`})
			return
		}
		f := strings.Fields(head)
		if len(f) == 0 {
			errs = append(errs, Error{file, n, "missing lemma before the colon"})
			return
		}
		v := Verb{Class: "clause"}
		// A lemma may be several words ("rule out"); a last word naming a
		// class is the class, with "+to" when the cue takes an infinitive
		// and "+as" when it takes an object characterised after "as".
		if last := f[len(f)-1]; len(f) > 1 {
			class, to := strings.CutSuffix(last, "+to")
			class, as := strings.CutSuffix(class, "+as")
			if class == "clause" || class == "object" || class == "both" {
				v.Class, v.Infinitive, v.As, f = class, to, as, f[:len(f)-1]
			}
		}
		v.Lemma = strings.ToLower(strings.Join(f, " "))
		forms := append([]string{v.Lemma}, strings.Split(rest, ",")...)
		for _, form := range forms {
			form = strings.ToLower(strings.Join(strings.Fields(form), " "))
			if form == "" {
				continue
			}
			if m, dup := first[form]; dup && m != n {
				errs = append(errs, Error{file, n, fmt.Sprintf("form %q is already on line %d", form, m)})
				continue
			}
			first[form] = n
			s.Verbs[form] = v
			words := strings.Fields(form)
			s.MaxVerbWords = max(s.MaxVerbWords, len(words))
			s.VerbHeads[words[0]] = max(s.VerbHeads[words[0]], len(words))
			h := headKey(words[0])
			s.verbHeadBits[h>>6] |= 1 << (h & 63)
		}
	})
	return errs
}

// tone.txt: "word or phrase <tab or spaces> valence".
func (s *Set) loadTone(b []byte) ErrorList {
	const file = "tone.txt"
	var errs ErrorList
	first := map[string]int{}
	lines(b, func(n int, line string) {
		f := strings.Fields(line)
		if len(f) < 2 {
			errs = append(errs, Error{file, n, `want "word valence"`})
			return
		}
		v, err := strconv.ParseFloat(f[len(f)-1], 64)
		if err != nil || v < -4 || v > 4 {
			errs = append(errs, Error{file, n, fmt.Sprintf("valence %q is not a number in [-4, 4]", f[len(f)-1])})
			return
		}
		w := strings.ToLower(strings.Join(f[:len(f)-1], " "))
		if m, dup := first[w]; dup {
			errs = append(errs, Error{file, n, fmt.Sprintf("%q repeats line %d", w, m)})
			return
		}
		first[w] = n
		s.Tone[w] = v
	})
	return errs
}

// toneModelParams are the parameters tone_nb.txt must set, with their arity.
var toneModelParams = map[string]int{"weight": 1, "scale": 1, "cuts": 2}

// tone_nb.txt: "@name value ..." parameter lines, then
// "word or word pair <tab> negative neutral positive", weights in
// [-32, 32] (the scorer keeps them to the thousandth, the precision the
// trainer writes).
func (s *Set) loadToneModel(b []byte) ErrorList {
	const file = "tone_nb.txt"
	var errs ErrorList
	m := s.ToneModel
	first := map[string]int{}
	lines(b, func(n int, line string) {
		if name, rest, ok := strings.Cut(line, " "); ok && strings.HasPrefix(name, "@") {
			name = name[1:]
			want, known := toneModelParams[name]
			if !known {
				errs = append(errs, Error{file, n, fmt.Sprintf("unknown parameter @%s", name)})
				return
			}
			var vals []float64
			for _, f := range strings.Fields(rest) {
				v, err := strconv.ParseFloat(f, 64)
				if err != nil {
					errs = append(errs, Error{file, n, fmt.Sprintf("@%s: %q is not a number", name, f)})
					return
				}
				vals = append(vals, v)
			}
			if len(vals) != want {
				errs = append(errs, Error{file, n, fmt.Sprintf("@%s wants %d numbers, has %d", name, want, len(vals))})
				return
			}
			m.Params[name] = vals
			return
		}
		feat, nums, ok := strings.Cut(line, "\t")
		f := strings.Fields(nums)
		if !ok || len(f) != 3 {
			errs = append(errs, Error{file, n, `want "feature<tab>negative neutral positive"`})
			return
		}
		var w [3]float64
		for i, x := range f {
			v, err := strconv.ParseFloat(x, 64)
			if err != nil || v < -32 || v > 32 {
				errs = append(errs, Error{file, n, fmt.Sprintf("weight %q is not a number in [-32, 32]", x)})
				return
			}
			w[i] = v
		}
		feat = strings.ToLower(strings.Join(strings.Fields(feat), " "))
		if k, dup := first[feat]; dup {
			errs = append(errs, Error{file, n, fmt.Sprintf("%q repeats line %d", feat, k)})
			return
		}
		first[feat] = n
		m.Features[feat] = w
	})
	for name := range toneModelParams {
		if _, ok := m.Params[name]; !ok {
			errs = append(errs, Error{File: file, Msg: fmt.Sprintf("parameter @%s is missing", name)})
		}
	}
	return errs
}

// yamlLine finds the line of the n-th sequence item, for error messages.
func yamlItems(b []byte, file string) ([]*yaml.Node, ErrorList) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, ErrorList{{File: file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	if len(doc.Content) == 0 {
		return nil, ErrorList{{File: file, Msg: "empty file"}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		return nil, ErrorList{{file, root.Line, "want a list of entries (- name: ...)"}}
	}
	return root.Content, nil
}

func (s *Set) loadSpeakers(b []byte) ErrorList {
	const file = "speakers.yaml"
	items, errs := yamlItems(b, file)
	seen := map[string]int{}
	for _, it := range items {
		var sp Speaker
		if err := it.Decode(&sp); err != nil {
			errs = append(errs, Error{file, it.Line, err.Error()})
			continue
		}
		if sp.Name == "" {
			errs = append(errs, Error{file, it.Line, "speaker without a name"})
			continue
		}
		switch sp.Type {
		case "person", "organization", "group":
		default:
			errs = append(errs, Error{file, it.Line, fmt.Sprintf("%s: type %q is not person, organization or group", sp.Name, sp.Type)})
			continue
		}
		idx := len(s.Speakers)
		s.Speakers = append(s.Speakers, sp)
		for _, a := range append([]string{sp.Name}, sp.Aliases...) {
			k := Fold(a)
			if m, dup := seen[k]; dup && s.alias[k] != idx {
				errs = append(errs, Error{file, it.Line, fmt.Sprintf("alias %q of %s is already %s's (line %d)", a, sp.Name, s.Speakers[s.alias[k]].Name, m)})
				continue
			}
			seen[k] = it.Line
			s.alias[k] = idx
			if s.aliasLast == nil {
				s.aliasLast = map[string]bool{}
			}
			s.aliasLast[k[strings.LastIndexByte(k, ' ')+1:]] = true
		}
		for _, r := range sp.Roles {
			k := Fold(r)
			if j, dup := s.roles[k]; dup && j != idx {
				errs = append(errs, Error{file, it.Line, fmt.Sprintf("role %q of %s is already %s's", r, sp.Name, s.Speakers[j].Name)})
				continue
			}
			s.roles[k] = idx
		}
	}
	return errs
}

func (s *Set) loadTopics(b []byte) ErrorList {
	const file = "topics.yaml"
	items, errs := yamlItems(b, file)
	seen := map[string]bool{}
	for _, it := range items {
		var t Topic
		if err := it.Decode(&t); err != nil {
			errs = append(errs, Error{file, it.Line, err.Error()})
			continue
		}
		switch {
		case t.ID == "":
			errs = append(errs, Error{file, it.Line, "topic without an id"})
		case seen[t.ID]:
			errs = append(errs, Error{file, it.Line, fmt.Sprintf("topic %q is defined twice", t.ID)})
		case len(t.Terms) == 0:
			errs = append(errs, Error{file, it.Line, fmt.Sprintf("topic %q has no terms", t.ID)})
		case len(t.Favor) == 0 && len(t.Against) == 0:
			errs = append(errs, Error{file, it.Line, fmt.Sprintf("topic %q has no favor or against cues", t.ID)})
		default:
			seen[t.ID] = true
			s.Topics = append(s.Topics, t)
		}
	}
	return errs
}

// LookupSpeaker finds a registry entry by a name or alias as written
// ("Zelenskiy", "President Putin" after titles are removed). Matching folds
// case, accents and punctuation.
func (s *Set) LookupSpeaker(name string) (Speaker, bool) {
	var buf [64]byte
	i, ok := s.alias[string(AppendFold(buf[:0], name))]
	if !ok {
		return Speaker{}, false
	}
	return s.Speakers[i], true
}

// MaybeAliasEnd says whether a name ending in the word w may be a speaker
// alias: false means LookupSpeaker surely fails for it. w is one word as
// written, possibly with a possessive "'s".
func (s *Set) MaybeAliasEnd(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
	var buf [64]byte
	f := AppendFold(buf[:0], w)
	if i := bytes.LastIndexByte(f, ' '); i >= 0 {
		f = f[i+1:]
	}
	return s.aliasLast[string(f)]
}

// LookupRole finds the registry entry a description refers to
// ("the Ukrainian leader", "Kremlin spokesman").
func (s *Set) LookupRole(desc string) (Speaker, bool) {
	var buf [64]byte
	i, ok := s.roles[string(AppendFold(buf[:0], desc))]
	if !ok {
		return Speaker{}, false
	}
	return s.Speakers[i], true
}

// TopicIDs returns the ids of the stance topics, in file order.
func (s *Set) TopicIDs() []string {
	ids := make([]string, len(s.Topics))
	for i, t := range s.Topics {
		ids[i] = t.ID
	}
	return ids
}

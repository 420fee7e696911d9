// Package lexicons holds score's data: reporting verbs, speakers, stance topics,
// tone words and abbreviations. The files in this directory are embedded in the
// binary (Default) and can be replaced by a directory of the same files
// (Load(os.DirFS(dir))) without recompiling.
//
// Word lists are one entry per line with # comments. Structured data (speakers,
// topics) is YAML. Every problem in every file is reported at once, as
// file:line: what is wrong.
package lexicons

import (
	"embed"
	"io/fs"
)

//go:embed *.txt *.yaml
var files embed.FS

// FS returns the embedded lexicon files.
func FS() fs.FS { return files }

// Default loads the embedded lexicons. They are tested, so an error here is a
// broken build, not a user error.
func Default() *Set {
	s, err := Load(files)
	if err != nil {
		panic("embedded lexicons: " + err.Error())
	}
	return s
}

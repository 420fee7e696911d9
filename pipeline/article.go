package pipeline

// The records that flow through the stages. Offsets inside the pipeline are
// byte offsets into Article.Text; they become code points only when a table
// is written (see CodePoints).

// Article is one input record after reading and normalising.
type Article struct {
	ID        string
	Outlet    string
	URL       string
	Published string // YYYY-MM-DD, or "" when unknown
	Title     string
	Text      string

	Source string // the input file it came from
	Record string // where in Source: "line 12", or the file name
}

// Sentence is a span of Article.Text; Para numbers its paragraph from 0.
type Sentence struct {
	Start, End int
	Para       int
	Tone       Tone // set by the tone stage, without Evidence
}

// Quote kinds, as written to quotes.kind.
const (
	Direct   = "direct"
	Partial  = "partial"
	Indirect = "indirect"
)

// Speaker types, as written to quotes.speaker_type.
const (
	Person       = "person"
	Organization = "organization"
	Group        = "group"
	Unnamed      = "unnamed"
	Unknown      = "unknown"
)

// Quote is one quote found in an article.
type Quote struct {
	Kind       string
	Start, End int // the content, without quotation marks or attribution
	Sentence   int // index of the sentence holding Start

	Cue                      string // the reporting verb as written, or "according to"
	CueStart, CueEnd         int    // -1 when there is no cue
	Speaker                  string // the speaker as written ("the Ukrainian leader")
	SpeakerStart, SpeakerEnd int    // -1 when the speaker is not written at the quote
	SpeakerName              string // canonical
	SpeakerType              string
	Affiliation              string // from the speaker registry, or ""

	Tone Tone
}

// Tone is a valence score with the words that moved it.
type Tone struct {
	Score    float64 // in [-1, 1]
	Label    string  // negative, neutral, positive
	Evidence []string
}

// Stance is one position (or mention) on one topic.
type Stance struct {
	Quote    int // index into Result.Quotes, or -1 for a narrative sentence
	Sentence int // the sentence it was found in
	Topic    string
	Stance   int     // -1 against, 0 neutral or unclear, +1 favor
	Score    float64 // confidence in [0, 1]
	Evidence string  // the term and the cue that decided it
}

// Result is everything the stages found in one article.
type Result struct {
	Article   Article
	SHA256    string // of Article.Text
	Tone      Tone   // of the whole text
	Sentences []Sentence
	Quotes    []Quote
	Stances   []Stance
}

// Reject is an input record that could not be processed, with the reason.
type Reject struct {
	Source string
	Record string
	Reason string
}

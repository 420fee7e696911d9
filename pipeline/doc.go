// Package pipeline turns news articles into quotes, speakers, tone and
// stance, and writes them as Parquet tables.
//
// # Data flow
//
// Run reads the inputs (read.go) into Article records, in input order; a
// record that cannot be processed becomes a Reject with its reason and never
// stops the run. A bounded pool of workers calls Process on each article.
// Process composes the stages, each a plain function over the article text:
//
//	Normalize (BOM, line endings; done when reading)
//	Segment          paragraphs and sentences, with byte offsets
//	FindQuotes       direct, partial and reported quotes with cue and speaker mention
//	ResolveSpeakers  canonical speaker name, type and affiliation
//	tone             valence of each quote and of the whole text
//	stance           topic positions of each quote and narrative sentence
//
// The writer (write.go) takes results back in input order, converts byte
// offsets to code points (CodePoints) and appends rows to the tables, a row
// group at a time, in a temporary directory that replaces the previous tables
// when the run completes. The same input therefore gives the same bytes for
// any number of workers.
//
// The lexicons (package lexicons) are data: reporting verbs, the speaker
// registry, stance topics, tone words, abbreviations. A Model holds them and
// what is built from them once per run; it is shared read-only by all workers.
package pipeline

// # Tone
//
// Tone (tone.go) starts from VADER: tone_vader.go recomputes govader's
// compound score from govader's own Lexicon, EmojiDict and Constants, rule
// for rule, in one pass without per-word allocation (a differential test
// holds it to govader.PolarityScores on NewsMTSC and our own sentences). For
// news it then makes curly apostrophes and quotation marks straight (’
// breaks VADER's negation, “ hides a word from its lexicon), adds the
// overlay lexicons/tone.txt (conflict words VADER lacks or misjudges), and
// scores 0 for a harm that is being ended ("stop the deaths"). A quote's tone
// is that lexicon score with VADER's ±0.05 band. Sentences are scored by the
// blend of that score with a Naive Bayes over words and word pairs trained
// on NewsMTSC (lexicons/tone_nb.txt, rebuilt by go generate), with weight,
// sharpness and label cuts chosen on NewsMTSC dev; an article's tone is the
// length-weighted mean of its sentences. Evidence lists the words that
// moved the score most, with their signed weight.
//
// # Stance
//
// Stance (stance.go) reads topics from lexicons/topics.yaml: terms that name
// a topic, and cues that keep (favor) or reverse (against) the direction of
// what they govern. Within a quote (with its cue when the cue comes first:
// "ruled out" + "the deployment of U.S. troops") or a narrative sentence,
// each term takes the product of the signs of the cues and negations that
// govern it: those before it in its clause (a clause ends at ; : . but
// however while, and "and"/"or" before a new cue starts a new verb phrase),
// those inside it ("territorial concessions" is against by itself), and those
// in its predicate after an auxiliary ("U.S. troops would not be deployed").
// So "will not accept any settlement that does not involve a full withdrawal"
// is favor for territory, and "abandon its pursuit of NATO membership"
// against. A term with no cue is a mention (stance 0). The score is the
// confidence, falling with the distance between the nearest cue and the
// term; the evidence names the term and the cues that decided.

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

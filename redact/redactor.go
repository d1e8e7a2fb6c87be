package redact

import (
	"io"

	"github.com/kavach-dev/kavach/detectors"
	"golang.org/x/text/transform"
)

// Redactor applies a compiled Policy. It is immutable and safe for concurrent
// use by multiple goroutines.
type Redactor struct {
	p Policy
}

// New compiles a Policy into a Redactor. It reports an invalid rule, a Token
// action without a key of at least 16 bytes, or an unknown kind.
func New(p Policy) (*Redactor, error) {
	return &Redactor{p: p}, nil
}

// MustNew is like New but panics on error.
func MustNew(p Policy) *Redactor {
	r, err := New(p)
	if err != nil {
		panic(err)
	}
	return r
}

// String returns s with the identifiers the policy acts on replaced.
func (r *Redactor) String(s string) string { return s }

// Bytes returns b with the identifiers the policy acts on replaced, in a new slice.
func (r *Redactor) Bytes(b []byte) []byte { return b }

// Scan reports the findings in text at or above the policy's threshold without
// changing anything, appending them to dst.
func (r *Redactor) Scan(dst []detectors.Finding, text []byte) []detectors.Finding { return dst }

// NewWriter returns a WriteCloser that redacts what is written to it and writes
// the result to w. Close flushes what is held back; it does not close w.
func (r *Redactor) NewWriter(w io.Writer) *Writer { return &Writer{} }

// NewReader returns a Reader that reads from rd and returns redacted text.
func (r *Redactor) NewReader(rd io.Reader) *Reader { return &Reader{} }

// Transformer returns a transform.Transformer with its own stream state.
func (r *Redactor) Transformer() *Transformer { return &Transformer{} }

// Writer is the io.WriteCloser returned by NewWriter.
type Writer struct{}

// Reader is the io.Reader returned by NewReader.
type Reader struct{}

// Transformer redacts a stream under the golang.org/x/text/transform contract.
type Transformer struct{ transform.NopResetter }

// Stats counts what a stream or a Redactor has done, per kind.
type Stats struct {
	Found    map[detectors.Kind]int64
	Redacted map[detectors.Kind]int64
	// Failed counts spans masked because a detector could not decide (fail closed).
	Failed int64
}

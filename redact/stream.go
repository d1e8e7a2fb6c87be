package redact

import (
	"io"
	"unicode/utf8"

	"github.com/kavach-dev/kavach/detectors"
	"golang.org/x/text/transform"
)

// chunkSize is the size of the pieces a Writer or Reader scans at a time; it
// bounds their memory, with the held-back tail and the output buffer.
const chunkSize = 32 << 10

// holdMax is the most a stream holds back: detectors.MaxLookahead plus one
// UTF-8 sequence.
const holdMax = detectors.MaxLookahead + utf8.UTFMax

// stream is what Writer, Reader and Transformer share: a scanner and an engine.
type stream struct {
	e  engine
	sc *detectors.Scanner
}

func (s *stream) init(r *Redactor) {
	s.e = engine{r: r}
	s.sc = r.set.NewScanner()
}

func (s *stream) reset() {
	s.sc.Reset()
	s.e.resetStats()
	s.e.fs, s.e.hits = s.e.fs[:0], s.e.hits[:0]
	s.e.pos, s.e.hi, s.e.end = 0, 0, 0
}

// scan scans buf, the input from the last commit on, and prepares the engine
// to write the output for the settled part, which it returns the length of.
func (s *stream) scan(buf []byte, atEOF bool) int {
	var n int
	s.e.fs, n = s.sc.Scan(s.e.fs[:0], buf, atEOF)
	if atEOF {
		n = len(buf)
	}
	s.e.decide(buf, n)
	return n
}

// Writer redacts what is written to it and writes the result to the
// underlying writer; get one from [Redactor.NewWriter]. Each Write passes on
// at once the output for all the input that is settled, holding back only the
// end that an identifier still arriving could be part of (a line that ends in
// a newline is normally passed on whole); Close passes on the rest.
//
// A Writer keeps at most 32 KiB of input and 32 KiB of output, however large
// a Write; a huge Write is redacted in pieces. In the steady state Write does
// not allocate. A Writer must not be used by more than one goroutine at a
// time.
//
// An error from the underlying writer is returned by that Write or Close and
// by every later call; a short write of the underlying writer is reported as
// io.ErrShortWrite.
type Writer struct {
	s      stream
	w      io.Writer
	in     []byte // held input, then the new input; cap chunkSize+holdMax
	out    []byte // cap chunkSize
	err    error
	closed bool
}

// NewWriter returns a Writer that redacts what is written to it and writes
// the result to w. Close flushes what is held back; it does not close w.
func (r *Redactor) NewWriter(w io.Writer) *Writer {
	wr := &Writer{
		w:   w,
		in:  make([]byte, 0, chunkSize+holdMax),
		out: make([]byte, 0, chunkSize),
	}
	wr.s.init(r)
	return wr
}

// Write redacts p and writes the settled output to the underlying writer. It
// returns the number of bytes of p taken in, which is len(p) unless there is
// an error.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if w.closed {
		return 0, ErrClosed
	}
	nn := 0
	for len(p) > 0 {
		k := copy(w.in[len(w.in):cap(w.in)], p)
		w.in = w.in[:len(w.in)+k]
		p = p[k:]
		nn += k
		if err := w.flush(false); err != nil {
			return nn, err
		}
	}
	return nn, nil
}

// flush redacts the held input and writes the settled output.
func (w *Writer) flush(atEOF bool) error {
	n := w.s.scan(w.in, atEOF)
	if n == 0 {
		if !atEOF && len(w.in) == cap(w.in) {
			w.err = errStuck
		}
		return w.err
	}
	e := &w.s.e
	if len(e.hits) == 0 {
		w.write(w.in[:n])
	} else {
		for w.err == nil {
			out, done := e.emit(w.out[:0], w.in)
			if len(out) == 0 && !done {
				// Cannot happen: a replacement is far smaller than out.
				w.out = make([]byte, 0, 2*cap(w.out))
				continue
			}
			w.write(out)
			if done {
				break
			}
		}
	}
	w.s.sc.Commit(w.in, n)
	w.in = w.in[:copy(w.in, w.in[n:])]
	return w.err
}

func (w *Writer) write(b []byte) {
	if w.err != nil || len(b) == 0 {
		return
	}
	n, err := w.w.Write(b)
	if err == nil && n < len(b) {
		err = io.ErrShortWrite
	}
	w.err = err
}

// Close redacts and writes what is held back, as the end of the stream. It
// does not close the underlying writer. It returns the first error of the
// Writer, if any; after Close, Write returns ErrClosed, and Close again
// returns what the first Close returned.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	return w.flush(true)
}

// Reset discards the Writer's state, including its counters and any error,
// and makes it write to dst: a Writer can be reused for a new stream without
// allocating.
func (w *Writer) Reset(dst io.Writer) {
	w.s.reset()
	w.w = dst
	w.in = w.in[:0]
	w.err = nil
	w.closed = false
}

// Stats returns what the Writer has done so far. Failed spans, masked
// whatever the policy, are in Stats.Failed and Stats.Err.
func (w *Writer) Stats() Stats { return w.s.e.stats() }

// Reader reads redacted text from an underlying reader; get one from
// [Redactor.NewReader]. It keeps at most 32 KiB of input and 32 KiB of output.
// A Reader must not be used by more than one goroutine at a time.
//
// Read returns io.EOF once all of the redacted text has been returned and the
// underlying reader has returned io.EOF. Any other error of the underlying
// reader is returned after the redacted text of the input before it; the
// input the Reader was holding back undecided at that point is dropped, as
// transform.Reader does, since the identifier it may begin never arrived.
type Reader struct {
	s       stream
	rd      io.Reader
	in      []byte // input from the last commit; cap chunkSize+holdMax
	out     []byte // output not yet returned is out[outR:]
	outR    int
	n       int   // settled length of the scanned piece in[:n]
	scanned bool  // in[:n] is scanned and being written out
	rerr    error // the underlying reader's error, returned after the data
	final   bool  // the last piece has been scanned
}

// NewReader returns a Reader that reads from rd and returns redacted text.
func (r *Redactor) NewReader(rd io.Reader) *Reader {
	rr := &Reader{
		rd:  rd,
		in:  make([]byte, 0, chunkSize+holdMax),
		out: make([]byte, 0, chunkSize),
	}
	rr.s.init(r)
	return rr
}

// Read reads redacted text into p.
func (r *Reader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		if r.outR < len(r.out) {
			n := copy(p, r.out[r.outR:])
			r.outR += n
			return n, nil
		}
		if r.scanned {
			e := &r.s.e
			// Straight into p; through out when the next replacement does not
			// fit in p.
			out, done := e.emit(p[:0:len(p)], r.in)
			if len(out) == 0 && !done {
				r.out, done = e.emit(r.out[:0], r.in)
				r.outR = 0
			}
			if done {
				r.next()
			}
			if len(out) > 0 {
				return len(out), nil
			}
			continue
		}
		if r.final {
			return 0, r.rerr
		}
		r.fill()
	}
}

// next commits the piece that has been written out.
func (r *Reader) next() {
	r.scanned = false
	r.s.sc.Commit(r.in, r.n)
	if r.final {
		r.in = r.in[:0]
		return
	}
	r.in = r.in[:copy(r.in, r.in[r.n:])]
}

// fill reads until some input is settled or the underlying reader fails.
func (r *Reader) fill() {
	for empty := 0; ; {
		if len(r.in) == cap(r.in) {
			r.rerr, r.final = errStuck, true
			return
		}
		m, err := r.rd.Read(r.in[len(r.in):cap(r.in)])
		r.in = r.in[:len(r.in)+m]
		if err != nil {
			r.rerr, r.final = err, true
		} else if m == 0 {
			if empty++; empty < 100 {
				continue
			}
			r.rerr, r.final = io.ErrNoProgress, true
		}
		r.n = r.s.scan(r.in, r.rerr == io.EOF)
		if r.n > 0 || r.final {
			r.scanned = true
			return
		}
	}
}

// Reset discards the Reader's state, including its counters, and makes it
// read from rd: a Reader can be reused for a new stream without allocating.
func (r *Reader) Reset(rd io.Reader) {
	r.s.reset()
	r.rd = rd
	r.in = r.in[:0]
	r.out, r.outR = r.out[:0], 0
	r.n, r.scanned, r.rerr, r.final = 0, false, nil, false
}

// Stats returns what the Reader has done so far. Failed spans, masked
// whatever the policy, are in Stats.Failed and Stats.Err.
func (r *Reader) Stats() Stats { return r.s.e.stats() }

// Transformer redacts a stream under the contract of
// golang.org/x/text/transform, so that it works with transform.NewReader,
// transform.NewWriter, transform.String and transform.Chain; get one from
// [Redactor.Transformer]. It holds back at most detectors.MaxLookahead bytes
// plus one UTF-8 sequence, well within the 4096-byte buffers of
// transform.Reader and transform.Writer. A Transformer must not be used by
// more than one goroutine at a time.
type Transformer struct {
	s stream
	// pend is the length of the input, at the start of the next src, that
	// was scanned (and committed to the scanner) by an earlier call whose dst
	// was too short for its output; s.e holds what to write for it.
	pend int
}

var _ transform.Transformer = (*Transformer)(nil)

// Transformer returns a Transformer with its own stream state.
func (r *Redactor) Transformer() *Transformer {
	t := &Transformer{}
	t.s.init(r)
	return t
}

// Transform implements transform.Transformer. It consumes input up to the
// last point that is settled and returns transform.ErrShortSrc for the rest
// when atEOF is false; it writes a replacement whole or not at all, returning
// transform.ErrShortDst without consuming the identifier when dst has no room
// for it.
//
// The input is scanned once: when dst is too short, the decisions about the
// part of src that was settled but not consumed are kept for the next call,
// which, as the transform contract requires, gives that part again at the
// start of src.
func (t *Transformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	e := &t.s.e
	if t.pend > 0 {
		if t.pend > len(src) {
			// The caller broke the contract: src does not start with the
			// input left unconsumed.
			return 0, 0, errBadSrc
		}
		out, done := e.emit(dst[:0:len(dst)], src[:t.pend])
		if !done {
			c := e.pos
			e.rebase(c)
			t.pend -= c
			return len(out), c, transform.ErrShortDst
		}
		nDst, nSrc, t.pend = len(out), t.pend, 0
	}
	rest := src[nSrc:]
	n := t.s.scan(rest, atEOF)
	t.s.sc.Commit(rest, n)
	out, done := e.emit(dst[nDst:nDst:len(dst)], rest)
	nDst += len(out)
	if !done {
		c := e.pos
		e.rebase(c)
		t.pend = n - c
		return nDst, nSrc + c, transform.ErrShortDst
	}
	nSrc += n
	if n < len(rest) {
		return nDst, nSrc, transform.ErrShortSrc
	}
	return nDst, nSrc, nil
}

// Reset implements transform.Resetter: it discards the stream state and the
// counters.
func (t *Transformer) Reset() {
	t.s.reset()
	t.pend = 0
}

// Stats returns what the Transformer has done since it was made or Reset.
// Failed spans, masked whatever the policy, are in Stats.Failed and
// Stats.Err.
func (t *Transformer) Stats() Stats { return t.s.e.stats() }

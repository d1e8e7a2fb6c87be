package redact

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/internal/fake"
	"golang.org/x/text/transform"
)

var testKey = []byte("kavach test key, not a secret")

// testPolicies are the redactors every stream property is checked with.
func testPolicies() []struct {
	name string
	r    *Redactor
} {
	return []struct {
		name string
		r    *Redactor
	}{
		{"default", Default},
		{"strict", MustNew(StrictPolicy())},
		{"pseudonym", MustNew(PseudonymPolicy(testKey))},
	}
}

// mixed holds every kind in several written forms, with distractors.
const mixed = `2024-11-22T10:15:30Z INFO user login mobile=+91 98765 43210 aadhaar="2341 2341 2346" ip=10.0.0.1
rrn=234123412346 utr=100598757598 txn_id=9876543210 amount=1200.50
{"pan":"ABCPD1234Z","passport":"J6932157","epic":"WKH1186253","vid":"2341 2341 2341 2341"}
मोबाइल नंबर ९८७६५४३२१० और आधार २३४१ २३४१ २३४६ है
P<INDSHARMA<<RAVI<<<<<<<<<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10
full-width ９８７６５４３２１０ zw 98765` + "\u200b" + `43210 card 4111 1111 1111 1111
`

// streamCorpus returns the inputs of the stream tests: the generated samples
// (cut to limit bytes when limit > 0) and edge cases.
func streamCorpus(limit int) []namedText {
	var out []namedText
	for _, s := range fake.Samples(1) {
		text := s.Text
		if limit > 0 && len(text) > limit {
			text = text[:limit]
		}
		out = append(out, namedText{s.Name, text})
	}
	out = append(out,
		namedText{"mixed", []byte(mixed)},
		namedText{"mixed×20", []byte(strings.Repeat(mixed, 20))},
		namedText{"csv", []byte("name,mobile,id_number,rrn\r\n\"Sharma, Ravi\",9876543210,234123412346,345678901234\r\nAsha,98765 43211,2341 2341 2346,x\r\n")},
		namedText{"digits", []byte(strings.Repeat("9", 20000) + " 9876543210 " + strings.Repeat("ab1 ", 3000))},
		namedText{"spaced", []byte(strings.Repeat("1 ", 5000) + "9876543210")},
		namedText{"zero-width", []byte(strings.Repeat("\u200b", 3000) + "9876543210")},
		namedText{"binary", []byte("\x00\xff\xfe mobile 98765\x0043210 \xe0\xa5 9876543210\x00\xc3")},
		namedText{"empty", nil},
		namedText{"one", []byte("9")},
		namedText{"no newline", []byte("call 9876543210")},
	)
	return out
}

type namedText struct {
	name string
	text []byte
}

// writeChunks writes text to a Writer in pieces whose sizes come from next.
func writeChunks(r *Redactor, text []byte, next func() int) ([]byte, error) {
	var b bytes.Buffer
	w := r.NewWriter(&b)
	for len(text) > 0 {
		k := min(max(next(), 1), len(text))
		n, err := w.Write(text[:k])
		if err != nil {
			return b.Bytes(), err
		}
		if n != k {
			return b.Bytes(), fmt.Errorf("Write returned %d, want %d", n, k)
		}
		text = text[k:]
	}
	err := w.Close()
	return b.Bytes(), err
}

// chunkReader returns its text in reads whose sizes come from next.
type chunkReader struct {
	text []byte
	next func() int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.text) == 0 {
		return 0, io.EOF
	}
	k := min(max(c.next(), 1), len(c.text), len(p))
	n := copy(p, c.text[:k])
	c.text = c.text[n:]
	return n, nil
}

// readChunks reads a Reader over text with reads of sizes from next into
// buffers of sizes from bufs.
func readChunks(r *Redactor, src io.Reader, bufs func() int) ([]byte, error) {
	rd := r.NewReader(src)
	var out []byte
	for {
		p := make([]byte, max(bufs(), 1))
		n, err := rd.Read(p)
		out = append(out, p[:n]...)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}

var writeSizes = []int{1, 2, 3, 4, 5, 10, 100, 1000, 4095, 4096, 4097, 32 << 10, 1 << 20}

func fixed(n int) func() int { return func() int { return n } }

// TestWriterChunking checks that a Writer gives the one-shot output for every
// way of cutting the input into writes.
func TestWriterChunking(t *testing.T) {
	for _, p := range testPolicies() {
		for _, c := range streamCorpus(0) {
			want := p.r.Bytes(c.text)
			for _, size := range writeSizes {
				text := c.text
				if size <= 1000 && len(text) > 20000 {
					text = text[:20000]
					want := p.r.Bytes(text)
					checkWriter(t, p.name, c.name, fmt.Sprint(size), p.r, text, want, fixed(size))
					continue
				}
				checkWriter(t, p.name, c.name, fmt.Sprint(size), p.r, text, want, fixed(size))
			}
			rnd := rand.New(rand.NewPCG(1, uint64(len(c.text))))
			checkWriter(t, p.name, c.name, "random", p.r, c.text, want, func() int { return 1 + rnd.IntN(9000) })
		}
	}
}

func checkWriter(t *testing.T, policy, name, how string, r *Redactor, text, want []byte, next func() int) {
	t.Helper()
	got, err := writeChunks(r, text, next)
	if err != nil {
		t.Fatalf("%s/%s/writes of %s: %v", policy, name, how, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s/%s/writes of %s: output differs from one-shot at byte %d\n got %q\nwant %q",
			policy, name, how, firstDiff(got, want), around(got, firstDiff(got, want)), around(want, firstDiff(got, want)))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(b []byte, i int) []byte {
	return b[max(i-60, 0):min(i+60, len(b))]
}

// TestReaderChunking checks that a Reader gives the one-shot output with slow
// and uneven underlying readers and any size of read buffer.
func TestReaderChunking(t *testing.T) {
	for _, p := range testPolicies() {
		for _, c := range streamCorpus(0) {
			want := p.r.Bytes(c.text)
			short := c.text
			if len(short) > 20000 {
				short = short[:20000]
			}
			wantShort := p.r.Bytes(short)
			rnd := rand.New(rand.NewPCG(2, uint64(len(c.text))))
			cases := []struct {
				how  string
				src  io.Reader
				want []byte
				bufs func() int
			}{
				{"OneByteReader", iotest.OneByteReader(bytes.NewReader(short)), wantShort, fixed(4096)},
				{"HalfReader", iotest.HalfReader(bytes.NewReader(c.text)), want, fixed(4096)},
				{"DataErrReader", iotest.DataErrReader(bytes.NewReader(c.text)), want, fixed(1000)},
				{"1-byte buffers", bytes.NewReader(short), wantShort, fixed(1)},
				{"3-byte buffers", bytes.NewReader(short), wantShort, fixed(3)},
				{"4095-byte buffers", bytes.NewReader(c.text), want, fixed(4095)},
				{"random reads", &chunkReader{c.text, func() int { return 1 + rnd.IntN(5000) }}, want, func() int { return 1 + rnd.IntN(5000) }},
			}
			for _, tc := range cases {
				got, err := readChunks(p.r, tc.src, tc.bufs)
				if err != nil {
					t.Fatalf("%s/%s/%s: %v", p.name, c.name, tc.how, err)
				}
				if !bytes.Equal(got, tc.want) {
					i := firstDiff(got, tc.want)
					t.Fatalf("%s/%s/%s: output differs from one-shot at byte %d\n got %q\nwant %q",
						p.name, c.name, tc.how, i, around(got, i), around(tc.want, i))
				}
			}
		}
	}
}

// TestTransformerDrivers checks the Transformer with the drivers of
// golang.org/x/text/transform.
func TestTransformerDrivers(t *testing.T) {
	for _, p := range testPolicies() {
		for _, c := range streamCorpus(0) {
			want := p.r.Bytes(c.text)
			check := func(how string, got []byte, err error) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s/%s/%s: %v", p.name, c.name, how, err)
				}
				if !bytes.Equal(got, want) {
					i := firstDiff(got, want)
					t.Fatalf("%s/%s/%s: output differs from one-shot at byte %d\n got %q\nwant %q",
						p.name, c.name, how, i, around(got, i), around(want, i))
				}
			}
			got, err := io.ReadAll(transform.NewReader(bytes.NewReader(c.text), p.r.Transformer()))
			check("transform.NewReader", got, err)
			got, err = io.ReadAll(transform.NewReader(iotest.OneByteReader(bytes.NewReader(c.text)), p.r.Transformer()))
			check("transform.NewReader(OneByteReader)", got, err)

			var b bytes.Buffer
			tw := transform.NewWriter(&b, p.r.Transformer())
			_, err = tw.Write(c.text)
			if err == nil {
				err = tw.Close()
			}
			check("transform.NewWriter", b.Bytes(), err)

			b.Reset()
			tw = transform.NewWriter(&b, p.r.Transformer())
			rnd := rand.New(rand.NewPCG(3, uint64(len(c.text))))
			for text := c.text; len(text) > 0 && err == nil; {
				k := min(1+rnd.IntN(300), len(text))
				_, err = tw.Write(text[:k])
				text = text[k:]
			}
			if err == nil {
				err = tw.Close()
			}
			check("transform.NewWriter(random writes)", b.Bytes(), err)

			s, _, err := transform.String(p.r.Transformer(), string(c.text))
			check("transform.String", []byte(s), err)
			got, _, err = transform.Bytes(p.r.Transformer(), c.text)
			check("transform.Bytes", got, err)
		}
	}
}

// driveTransform calls t.Transform like a driver that gives it at most srcMax
// bytes of input and dstMax bytes of output at a time, and checks the
// transform contract on every call.
func driveTransform(tb testing.TB, t transform.Transformer, text []byte, srcMax, dstMax func() int) []byte {
	tb.Helper()
	var out []byte
	pending := []byte(nil) // unconsumed input
	i := 0
	dst := make([]byte, 1<<16)
	boost := 0 // dst size after a call that could not make progress
	for {
		j := min(len(text), i+max(srcMax(), 0))
		pending = append(pending, text[i:j]...)
		i = j
		atEOF := i == len(text)
		d := dst[:min(max(dstMax(), boost), len(dst))]
		nDst, nSrc, err := t.Transform(d, pending, atEOF)
		if nDst < 0 || nDst > len(d) || nSrc < 0 || nSrc > len(pending) {
			tb.Fatalf("Transform returned nDst=%d nSrc=%d for len(dst)=%d len(src)=%d", nDst, nSrc, len(d), len(pending))
		}
		out = append(out, d[:nDst]...)
		pending = pending[nSrc:]
		boost = 0
		switch err {
		case nil:
			if len(pending) != 0 {
				tb.Fatalf("nil error with %d bytes of src left", len(pending))
			}
			if atEOF {
				return out
			}
		case transform.ErrShortSrc:
			if atEOF {
				tb.Fatalf("ErrShortSrc at EOF")
			}
			if len(pending) > holdMax {
				tb.Fatalf("held back %d bytes, more than %d", len(pending), holdMax)
			}
		case transform.ErrShortDst:
			if nDst == 0 && nSrc == 0 {
				if len(d) >= 1024 {
					tb.Fatalf("ErrShortDst without progress for a %d-byte dst", len(d))
				}
				boost = 2*len(d) + 1
			}
		default:
			tb.Fatalf("Transform error %v", err)
		}
	}
}

// TestTransformerContract drives the Transformer with tiny and uneven src and
// dst buffers: replacements must be written whole, input held back must be
// given again, and the output must not change.
func TestTransformerContract(t *testing.T) {
	for _, p := range testPolicies() {
		for _, c := range streamCorpus(20000) {
			want := p.r.Bytes(c.text)
			for _, sizes := range [][2]int{{1, 1}, {1, 64}, {7, 3}, {100, 5}, {4096, 4096}, {5000, 30}} {
				got := driveTransform(t, p.r.Transformer(), c.text, fixed(sizes[0]), fixed(sizes[1]))
				if !bytes.Equal(got, want) {
					i := firstDiff(got, want)
					t.Fatalf("%s/%s/src %d dst %d: output differs at byte %d\n got %q\nwant %q",
						p.name, c.name, sizes[0], sizes[1], i, around(got, i), around(want, i))
				}
			}
			rnd := rand.New(rand.NewPCG(4, uint64(len(c.text))))
			got := driveTransform(t, p.r.Transformer(), c.text, func() int { return rnd.IntN(3000) }, func() int { return rnd.IntN(200) })
			if !bytes.Equal(got, want) {
				t.Fatalf("%s/%s/random sizes: output differs at byte %d", p.name, c.name, firstDiff(got, want))
			}
		}
	}
}

// TestTransformerWholeReplacement checks that a replacement that does not fit
// makes Transform stop before the identifier, consuming nothing of it.
func TestTransformerWholeReplacement(t *testing.T) {
	tr := MustNew(StrictPolicy()).Transformer()
	src := []byte("call 9876543210 now")
	dst := make([]byte, 8) // room for "call " and part of "[MOBILE]"
	nDst, nSrc, err := tr.Transform(dst, src, true)
	if err != transform.ErrShortDst || nDst != 5 || nSrc != 5 || string(dst[:nDst]) != "call " {
		t.Fatalf("Transform = %d, %d, %v (%q); want 5, 5, ErrShortDst", nDst, nSrc, err, dst[:nDst])
	}
	dst = make([]byte, 64)
	nDst, nSrc, err = tr.Transform(dst, src[nSrc:], true)
	if err != nil || string(dst[:nDst]) != "[MOBILE] now" || nSrc != len(src)-5 {
		t.Fatalf("Transform = %d, %d, %v (%q); want [MOBILE] now", nDst, nSrc, err, dst[:nDst])
	}
}

// TestTransformerRuneBoundary checks that plain text is not cut inside a
// character when dst is short.
func TestTransformerRuneBoundary(t *testing.T) {
	tr := Default.Transformer()
	src := []byte("नमस्ते")
	dst := make([]byte, 4)
	nDst, nSrc, err := tr.Transform(dst, src, true)
	if err != transform.ErrShortDst || nDst != 3 || nSrc != 3 {
		t.Fatalf("Transform = %d, %d, %v; want 3, 3, ErrShortDst", nDst, nSrc, err)
	}
}

// TestTransformerReset checks that Reset starts a new stream.
func TestTransformerReset(t *testing.T) {
	tr := Default.Transformer()
	in := "name,mobile\nRavi,9876543210\n"
	a, _, err := transform.String(tr, in)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := transform.String(tr, in) // transform.String calls Reset
	if err != nil || a != b || a != Default.String(in) {
		t.Fatalf("after Reset: %q, %v; first %q", b, err, a)
	}
	if got := tr.Stats().Found[detectors.Mobile]; got != 1 {
		t.Fatalf("Stats after Reset: found %d mobiles, want 1", got)
	}
}

// errAfterReader returns its text, then err.
type errAfterReader struct {
	text []byte
	err  error
}

func (e *errAfterReader) Read(p []byte) (int, error) {
	if len(e.text) == 0 {
		return 0, e.err
	}
	n := copy(p, e.text)
	e.text = e.text[n:]
	return n, nil
}

var errBoom = errors.New("boom")

// TestReaderErrors checks that an error of the underlying reader comes back
// after the redacted text before it, and that io.EOF is exact.
func TestReaderErrors(t *testing.T) {
	rd := Default.NewReader(iotest.ErrReader(errBoom))
	if n, err := rd.Read(make([]byte, 10)); n != 0 || err != errBoom {
		t.Fatalf("Read = %d, %v; want 0, boom", n, err)
	}
	if _, err := rd.Read(make([]byte, 10)); err != errBoom {
		t.Fatalf("second Read: %v; want boom again", err)
	}

	text := "mobile 9876543210\nnext line\n"
	got, err := io.ReadAll(Default.NewReader(&errAfterReader{[]byte(text), errBoom}))
	if err != errBoom {
		t.Fatalf("ReadAll error %v, want boom", err)
	}
	if want := "mobile XXXXXX3210\nnext line\n"; string(got) != want {
		t.Fatalf("data before the error: %q, want %q", got, want)
	}
	// What is held back undecided when the error comes is dropped, as
	// transform.Reader drops it.
	// (A first line that starts like a log line: a short line that starts
	// with a word could be the title above a CSV header, and waits for the
	// lines after it.)
	got, err = io.ReadAll(Default.NewReader(&errAfterReader{[]byte("10:15 line\nmobile 98765"), errBoom}))
	if err != errBoom || !strings.HasPrefix(string(got), "10:15 line\n") || strings.Contains(string(got), "98765") {
		t.Fatalf("got %q, %v; want %q and what is settled after it, boom", got, err, "10:15 line\n")
	}
	got2, err2 := io.ReadAll(transform.NewReader(&errAfterReader{[]byte("10:15 line\nmobile 98765"), errBoom}, Default.Transformer()))
	if err2 != errBoom || string(got2) != string(got) {
		t.Fatalf("transform.Reader: %q, %v; Reader: %q", got2, err2, got)
	}

	// A reader that returns nothing forever.
	rd = Default.NewReader(&zeroReader{})
	if _, err := rd.Read(make([]byte, 10)); err != io.ErrNoProgress {
		t.Fatalf("zero reader: %v, want io.ErrNoProgress", err)
	}

	if err := iotest.TestReader(Default.NewReader(strings.NewReader(mixed)), Default.Bytes([]byte(mixed))); err != nil {
		t.Fatal(err)
	}
	// A Read with an empty buffer returns 0, nil.
	if n, err := Default.NewReader(strings.NewReader("x")).Read(nil); n != 0 || err != nil {
		t.Fatalf("Read(nil) = %d, %v", n, err)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { return 0, nil }

// failWriter accepts limit bytes, then fails.
type failWriter struct {
	b     bytes.Buffer
	limit int
	short bool // return a short count without an error instead
}

func (f *failWriter) Write(p []byte) (int, error) {
	if f.b.Len()+len(p) <= f.limit {
		return f.b.Write(p)
	}
	n := f.limit - f.b.Len()
	f.b.Write(p[:n])
	if f.short {
		return n, nil
	}
	return n, errBoom
}

// TestWriterErrors checks that errors of the underlying writer come back to
// the caller, stay, and that short writes are reported.
func TestWriterErrors(t *testing.T) {
	text := []byte(strings.Repeat(mixed, 200))
	for _, short := range []bool{false, true} {
		want := errBoom
		if short {
			want = io.ErrShortWrite
		}
		fw := &failWriter{limit: len(text) / 2, short: short}
		w := Default.NewWriter(fw)
		var err error
		for i := 0; i < len(text) && err == nil; i += 1000 {
			_, err = w.Write(text[i:min(i+1000, len(text))])
		}
		if err == nil {
			err = w.Close()
		}
		if err != want {
			t.Fatalf("short=%v: error %v, want %v", short, err, want)
		}
		if _, err := w.Write([]byte("x")); err != want {
			t.Fatalf("short=%v: Write after error: %v, want %v", short, err, want)
		}
		if err := w.Close(); err != want {
			t.Fatalf("short=%v: Close after error: %v, want %v", short, err, want)
		}
		if !bytes.HasPrefix(Default.Bytes(text), fw.b.Bytes()) {
			t.Fatalf("short=%v: what was written is not a prefix of the output", short)
		}
	}
	// An error at Close.
	fw := &failWriter{limit: 3}
	w := Default.NewWriter(fw)
	if _, err := w.Write([]byte("call 98765")); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if err := w.Close(); err != errBoom {
		t.Fatalf("Close: %v, want boom", err)
	}
	// Write after Close.
	w = Default.NewWriter(io.Discard)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("x")); err != ErrClosed {
		t.Fatalf("Write after Close: %v, want ErrClosed", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

// TestWriterPassesLinesOn checks that a Write ending in a newline reaches the
// underlying writer without waiting for Close: a log sink sees each line.
func TestWriterPassesLinesOn(t *testing.T) {
	var b bytes.Buffer
	w := Default.NewWriter(&b)
	lines := []string{
		"ts=1 msg=login mobile=9876543210\n",
		`{"pan":"ABCPD1234Z","n":12}` + "\n",
		"aadhaar 2341 2341 2346\n",
	}
	for _, l := range lines {
		b.Reset()
		if _, err := w.Write([]byte(l)); err != nil {
			t.Fatal(err)
		}
		if want := Default.String(l); b.String() != want {
			t.Fatalf("after Write(%q): underlying writer has %q, want %q", l, b.String(), want)
		}
	}
	b.Reset()
	w.Write([]byte("held 98765"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b.String() != "held 98765" {
		t.Fatalf("Close wrote %q", b.String())
	}
}

// TestWriterReset checks that a Writer can be reused.
func TestWriterReset(t *testing.T) {
	var a, b bytes.Buffer
	w := Default.NewWriter(&a)
	w.Write([]byte("mobile 9876543210 and 98765"))
	w.Reset(&b)
	w.Write([]byte("mobile 9876543210"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b.String() != "mobile XXXXXX3210" {
		t.Fatalf("after Reset: %q", b.String())
	}
	if s := w.Stats(); s.Found[detectors.Mobile] != 1 {
		t.Fatalf("after Reset: %v", s)
	}
}

// TestStreamStats checks the counters of the three streams against each
// other and against what the one-shot Scan finds.
func TestStreamStats(t *testing.T) {
	text := []byte(strings.Repeat(mixed, 3))
	p := DefaultPolicy()
	p.Kinds = map[detectors.Kind]Rule{detectors.PAN: {Action: ActionKeep}}
	p.Allow = []string{"J6932157"}
	r := MustNew(p)
	want := map[detectors.Kind]int64{}
	for _, f := range r.Scan(nil, text) {
		want[f.Kind]++
	}
	w := r.NewWriter(io.Discard)
	w.Write(text)
	w.Close()
	rd := r.NewReader(bytes.NewReader(text))
	io.Copy(io.Discard, rd)
	tr := r.Transformer()
	transform.Bytes(tr, text)
	for name, s := range map[string]Stats{"Writer": w.Stats(), "Reader": rd.Stats(), "Transformer": tr.Stats()} {
		if fmt.Sprint(s.Found) != fmt.Sprint(want) {
			t.Errorf("%s: Found %v, want %v", name, s.Found, want)
		}
		if s.Redacted[detectors.PAN] != 0 || s.Redacted[detectors.Mobile] != want[detectors.Mobile] {
			t.Errorf("%s: Redacted %v", name, s.Redacted)
		}
		if s.Allowed != 3 || s.Failed != 0 || s.Err != nil {
			t.Errorf("%s: %v", name, s)
		}
	}
}

// TestWriterNoAllocs checks that Write does not allocate in the steady state.
func TestWriterNoAllocs(t *testing.T) {
	for _, p := range testPolicies() {
		w := p.r.NewWriter(io.Discard)
		line := []byte(`{"ts":"2024-03-15T09:00:09.258+05:30","level":"INFO","mobile":"9876543210","pan":"ABCPD1234Z","aadhaar":"2341 2341 2346","ip":"10.1.2.3"}` + "\n")
		for range 10 {
			w.Write(line)
		}
		big := bytes.Repeat(line, 1000)
		if n := testing.AllocsPerRun(100, func() { w.Write(line) }); n != 0 {
			t.Errorf("%s: Write of a line: %v allocations, want 0", p.name, n)
		}
		if n := testing.AllocsPerRun(5, func() { w.Write(big) }); n != 0 {
			t.Errorf("%s: Write of %d bytes: %v allocations, want 0", p.name, len(big), n)
		}
		rd := p.r.NewReader(bytes.NewReader(nil))
		src := bytes.NewReader(big)
		buf := make([]byte, 4096)
		if n := testing.AllocsPerRun(5, func() {
			src.Reset(big)
			rd.Reset(src)
			for {
				if _, err := rd.Read(buf); err != nil {
					break
				}
			}
		}); n != 0 {
			t.Errorf("%s: Reader over %d bytes: %v allocations, want 0", p.name, len(big), n)
		}
	}
}

// TestSamplesNoAllocs checks that a Writer allocates nothing in the steady
// state on every class of the benchmark inputs, whose text reaches more of
// the scanner than one line does (the lines above a finding, other scripts).
func TestSamplesNoAllocs(t *testing.T) {
	for _, class := range benchClasses {
		in := benchInputs()[class]
		w := Default.NewWriter(io.Discard)
		write := func() { write32K(w, in) }
		write()
		if n := testing.AllocsPerRun(3, write); n != 0 {
			t.Errorf("%s: %v allocations per %d bytes, want 0", class, n, len(in))
		}
	}
}

// digitReader returns an endless run of ASCII digits.
type digitReader struct{ left int64 }

func (d *digitReader) Read(p []byte) (int, error) {
	if d.left == 0 {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), d.left))
	for i := range p[:n] {
		p[i] = '0' + byte((d.left-int64(i))%10)
	}
	d.left -= int64(n)
	return n, nil
}

// TestLongLineConstantMemory streams 64 MiB of digits with no newline (2,000
// times the buffers) through a Writer and a Reader and checks that memory
// does not grow. (A line of digits is the slowest input for the detectors, at
// about 30 MB/s; 64 MiB keeps the test to a few seconds.)
func TestLongLineConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 80 MiB")
	}
	const size = 64 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	w := Default.NewWriter(io.Discard)
	chunk := make([]byte, 64<<10)
	src := &digitReader{left: size}
	var copied int64
	for {
		n, err := src.Read(chunk)
		if n > 0 {
			if _, err := w.Write(chunk[:n]); err != nil {
				t.Fatal(err)
			}
			copied += int64(n)
		}
		if err == io.EOF {
			break
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rn, err := io.Copy(io.Discard, Default.NewReader(&digitReader{left: size / 4}))
	if err != nil || rn != size/4 {
		t.Fatalf("Reader copied %d bytes, %v", rn, err)
	}

	runtime.ReadMemStats(&after)
	const limit = 4 << 20
	if d := int64(after.TotalAlloc) - int64(before.TotalAlloc); d > limit {
		t.Errorf("allocated %d bytes streaming %d; want under %d", d, copied, limit)
	}
	if d := int64(after.HeapInuse) - int64(before.HeapInuse); d > limit {
		t.Errorf("heap in use grew by %d bytes; want under %d", d, limit)
	}
	t.Logf("allocated %d bytes, heap in use %+d bytes, for %d MiB",
		after.TotalAlloc-before.TotalAlloc, int64(after.HeapInuse)-int64(before.HeapInuse), (copied+rn)>>20)
}

// TestNoIdentifierInSpareCapacity checks that a Reader leaves no identifier
// in clear in the caller's buffer past the bytes it returns, nor a
// Transformer in dst past nDst, whatever the buffer's size: the output is
// written in place and cut back where a replacement of another length (a
// label, a token, Devanagari digits) comes.
func TestNoIdentifierInSpareCapacity(t *testing.T) {
	r := MustNew(Policy{
		Kinds: map[detectors.Kind]Rule{
			detectors.PAN:    {Action: ActionLabel},
			detectors.Mobile: {Action: ActionToken},
		},
		Key: testKey,
	})
	line := "pan ABCPE1234F aadhaar 2341 2341 2346 mobile 9876543210 आधार २३४१ २३४१ २३४६ aadhaar 2341-2341-2346\n"
	in := strings.Repeat(line, 20)
	clearForms := []string{"ABCPE1234F", "2341 2341 2346", "9876543210", "२३४१ २३४१ २३४६", "2341-2341-2346", "1234F", "2341 2346", "2341-2346", "१ २३४६"}
	check := func(t *testing.T, spare []byte) {
		t.Helper()
		for _, f := range clearForms {
			if bytes.Contains(spare, []byte(f)) {
				t.Fatalf("%q left in clear past the output: %q", f, spare)
			}
		}
	}
	sizes := []int{4096}
	for n := 26; n <= 300; n++ { // a token is 25 bytes
		sizes = append(sizes, n)
	}
	for _, size := range sizes {
		t.Run(fmt.Sprintf("Reader/%d", size), func(t *testing.T) {
			rd := r.NewReader(strings.NewReader(in))
			p := make([]byte, size)
			var out []byte
			for {
				n, err := rd.Read(p)
				out = append(out, p[:n]...)
				check(t, p[n:])
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if want := r.String(in); string(out) != want {
				t.Fatalf("output differs from String:\n%q\n%q", out, want)
			}
		})
		t.Run(fmt.Sprintf("Transformer/%d", size), func(t *testing.T) {
			tr := r.Transformer()
			dst := make([]byte, size)
			src := []byte(in)
			for len(src) > 0 {
				nDst, nSrc, err := tr.Transform(dst, src, true)
				check(t, dst[nDst:])
				src = src[nSrc:]
				if err == nil {
					break
				}
				if err != transform.ErrShortDst || nDst == 0 && nSrc == 0 {
					t.Fatal(nDst, nSrc, err)
				}
			}
		})
	}
}

package redact

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/internal/fake"
	"github.com/kavach-dev/kavach/internal/loggen"
	"golang.org/x/text/transform"
)

// benchSize is the size of every benchmark input.
const benchSize = 256 << 10

// benchInputs returns the benchmark inputs by class, each benchSize bytes,
// cut at a line end:
//
//	Prose         English text without digits or identifiers
//	NoMatch       prose and log lines without identifiers (clean.txt), with
//	              the dates, times, amounts and addresses of logs
//	AccessLog     web server access log, a few identifiers in query strings
//	AppLog        application log: key=value, JSON and plain lines
//	JSONLogs      JSON log lines only
//	CSV           a CSV export with a header (vaccination.csv)
//	Devanagari    Hindi text with identifiers in Devanagari digits
//	DenseMatches  lines made mostly of identifiers in their written forms
//
// and the service logs that detectors' benchmarks read (loggen.Service):
//
//	ServicePlain  application log lines without identifiers
//	ServiceAccess nginx access log lines without identifiers
//	ServiceJSON   JSON log lines with a mobile number on each
//
// The classes from NoMatch to DenseMatches come from the sample files: log
// lines written from many templates and full of identifiers and of numbers
// made to look like them, a harder test than most services' logs.
var benchInputs = sync.OnceValue(func() map[string][]byte {
	samples := map[string][]byte{}
	for _, s := range fake.Samples(1) {
		samples[s.Name] = s.Text
	}
	var jsonLines bytes.Buffer
	for line := range bytes.Lines(samples["app.log"]) {
		if bytes.HasPrefix(line, []byte("{")) {
			jsonLines.Write(line)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	var dense strings.Builder
	for dense.Len() < benchSize {
		fmt.Fprintf(&dense, "mobile %s aadhaar %s pan %s vid %s ph +91 %s\n",
			fake.Mobile(r), fake.AadhaarForm(fake.Aadhaar(r), " "), fake.PAN(r), fake.VIDForm(fake.VID(r), "-"), fake.Mobile(r))
	}
	in := map[string][]byte{
		"Prose":        []byte("The quick brown fox jumps over the lazy dog. The payment was settled and the user logged out.\n"),
		"NoMatch":      samples["clean.txt"],
		"AccessLog":    samples["access.log"],
		"AppLog":       samples["app.log"],
		"JSONLogs":     jsonLines.Bytes(),
		"CSV":          samples["vaccination.csv"],
		"Devanagari":   samples["hindi.txt"],
		"DenseMatches": []byte(dense.String()),
	}
	logs := loggen.Service(1 << 20)
	in["ServicePlain"], in["ServiceAccess"], in["ServiceJSON"] = logs.Plain, logs.Access, logs.JSON
	for k, v := range in {
		in[k] = cutTo(v, benchSize)
	}
	return in
})

// cutTo repeats b to at least n bytes and cuts it at the line end after n.
func cutTo(b []byte, n int) []byte {
	out := bytes.Repeat(b, n/len(b)+1)
	if i := bytes.IndexByte(out[n:], '\n'); i >= 0 {
		return out[:n+i+1]
	}
	return out
}

var benchClasses = []string{"Prose", "ServicePlain", "ServiceAccess", "ServiceJSON", "NoMatch", "AccessLog", "AppLog", "JSONLogs", "CSV", "Devanagari", "DenseMatches"}

func BenchmarkString(b *testing.B) {
	for _, class := range benchClasses {
		s := string(benchInputs()[class])
		b.Run(class, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				Default.String(s)
			}
		})
	}
}

// BenchmarkWriter writes the input to a Writer in 32 KiB writes, the size
// io.Copy uses.
func BenchmarkWriter(b *testing.B) {
	for _, class := range benchClasses {
		in := benchInputs()[class]
		b.Run(class, func(b *testing.B) {
			w := Default.NewWriter(io.Discard)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				write32K(w, in)
			}
			w.Close()
		})
	}
}

// write32K writes in to w in 32 KiB writes, the size io.Copy uses.
func write32K(w io.Writer, in []byte) {
	for p := in; len(p) > 0; {
		k := min(len(p), 32<<10)
		w.Write(p[:k])
		p = p[k:]
	}
}

// BenchmarkWriterLines writes the input one line per Write, as a log sink
// sees it.
func BenchmarkWriterLines(b *testing.B) {
	for _, class := range []string{"ServicePlain", "ServiceAccess", "ServiceJSON", "AccessLog", "AppLog", "JSONLogs"} {
		in := benchInputs()[class]
		b.Run(class, func(b *testing.B) {
			w := Default.NewWriter(io.Discard)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				for line := range bytes.Lines(in) {
					w.Write(line)
				}
			}
			w.Close()
		})
	}
}

func BenchmarkReader(b *testing.B) {
	for _, class := range benchClasses {
		in := benchInputs()[class]
		b.Run(class, func(b *testing.B) {
			src := bytes.NewReader(in)
			rd := Default.NewReader(src)
			buf := make([]byte, 32<<10)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				src.Reset(in)
				rd.Reset(src)
				for {
					if _, err := rd.Read(buf); err != nil {
						break
					}
				}
			}
		})
	}
}

// BenchmarkTransformer drives Transform the way transform.Reader does, with
// 4 KiB buffers.
func BenchmarkTransformer(b *testing.B) {
	for _, class := range benchClasses {
		in := benchInputs()[class]
		b.Run(class, func(b *testing.B) {
			t := Default.Transformer()
			dst, src := make([]byte, 4096), make([]byte, 0, 4096)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				transformAll(t, in, dst, src)
			}
		})
	}
}

// BenchmarkTransformerBuffers measures what the size of the buffers that
// Transform is given costs: 4 KiB as transform.Reader uses, and 32 KiB.
func BenchmarkTransformerBuffers(b *testing.B) {
	for _, class := range []string{"ServiceJSON", "ServiceAccess"} {
		in := benchInputs()[class]
		for _, size := range []int{4 << 10, 32 << 10} {
			b.Run(fmt.Sprintf("%s/%dKiB", class, size>>10), func(b *testing.B) {
				t := Default.Transformer()
				dst, src := make([]byte, size), make([]byte, 0, size)
				b.SetBytes(int64(len(in)))
				b.ReportAllocs()
				for b.Loop() {
					transformAll(t, in, dst, src)
				}
			})
		}
	}
}

// transformAll transforms in with t from its start, through src and dst as
// transform.Reader would, and discards the output.
func transformAll(t *Transformer, in, dst, src []byte) {
	t.Reset()
	p := in
	src = src[:0]
	for {
		k := copy(src[len(src):cap(src)], p)
		src = src[:len(src)+k]
		p = p[k:]
		_, nSrc, err := t.Transform(dst, src, len(p) == 0)
		src = src[:copy(src, src[nSrc:])]
		if err == nil && len(p) == 0 {
			return
		}
	}
}

// BenchmarkTransformReader measures transform.NewReader with a Transformer,
// as a user of golang.org/x/text would write it.
func BenchmarkTransformReader(b *testing.B) {
	for _, class := range []string{"NoMatch", "AppLog"} {
		in := benchInputs()[class]
		b.Run(class, func(b *testing.B) {
			t := Default.Transformer()
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				io.Copy(io.Discard, transform.NewReader(bytes.NewReader(in), t))
			}
		})
	}
}

// BenchmarkDetectors measures the detectors alone, to tell their cost from
// the redactor's.
func BenchmarkDetectors(b *testing.B) {
	for _, class := range benchClasses {
		in := benchInputs()[class]
		b.Run(class, func(b *testing.B) {
			sc := detectors.Default.NewScanner()
			fs := make([]detectors.Finding, 0, 1024)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				sc.Reset()
				fs, _ = sc.Scan(fs[:0], in, true)
			}
		})
	}
}

// baseline is what a user without kavach would write: one regexp for the
// identifiers' usual written forms, masking all but the last four
// characters. It has no checksums, no context and no Indian digits, so it
// finds both less and more than kavach; it is here for its speed.
var baseline = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(?:` +
		`[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}(?:[ -]?[0-9]{4})?` + // Aadhaar, VID
		`|[A-Za-z]{5}[0-9]{4}[A-Za-z]` + // PAN
		`|[A-Za-z][0-9]{7}` + // passport
		`|[A-Za-z]{3}[0-9]{7}` + // voter ID
		`|(?:\+?91[ -]?|0)?[6-9][0-9]{4}[ -]?[0-9]{5}` + // mobile
		`)\b`)
})

func maskAllButFour(s string) string {
	b := []byte(s)
	n := 0
	for i := len(b) - 1; i >= 0; i-- {
		if c := b[i]; c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' {
			if n++; n > 4 {
				b[i] = 'X'
			}
		}
	}
	return string(b)
}

func BenchmarkRegexpBaseline(b *testing.B) {
	re := baseline()
	for _, class := range benchClasses {
		s := string(benchInputs()[class])
		b.Run(class, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				re.ReplaceAllStringFunc(s, maskAllButFour)
			}
		})
	}
}

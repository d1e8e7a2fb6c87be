package detectors

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kavach-dev/kavach/internal/loggen"
)

// Benchmark inputs, generated deterministically so that every run measures the
// same bytes.
var benchInputs = map[string][]byte{}

func init() {
	// The log text comes from loggen, which redact's benchmarks read too.
	logs := loggen.Service(1 << 20)
	var deva, dense strings.Builder
	for deva.Len() < 1<<20 {
		deva.WriteString("लाभार्थी का नाम रमेश कुमार है और उनका टीकाकरण केंद्र सरकारी अस्पताल में है। पहली खुराक दी गई। ")
		deva.WriteString("मोबाइल नंबर ९८७६५४३२१० और आधार संख्या २३४१ २३४१ २३४६ दर्ज की गई।\n")
	}
	for dense.Len() < 1<<20 {
		fmt.Fprintf(&dense, "aadhaar 2341 2341 2346 mobile +91 98765 43210 pan ABCPD1234Z voter WKH1186253 passport J6932157 vid 2341234123412341\n")
	}
	benchInputs["JSONLogs"] = logs.JSON
	benchInputs["AccessLogs"] = logs.Access
	benchInputs["Devanagari"] = []byte(deva.String())
	benchInputs["NoMatch"] = logs.Plain
	benchInputs["DenseMatches"] = []byte(dense.String())
}

var benchOrder = []string{"JSONLogs", "AccessLogs", "Devanagari", "NoMatch", "DenseMatches"}

// BenchmarkFind measures the one-pass scanner over each input class.
func BenchmarkFind(b *testing.B) {
	for _, name := range benchOrder {
		in := benchInputs[name]
		b.Run(name, func(b *testing.B) {
			var fs []Finding
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				fs = Default.Find(fs[:0], in)
			}
		})
	}
}

// BenchmarkScanner measures the streaming scanner with 32 KiB pieces.
func BenchmarkScanner(b *testing.B) {
	for _, name := range benchOrder {
		in := benchInputs[name]
		b.Run(name, func(b *testing.B) {
			sc := Default.NewScanner()
			var fs []Finding
			buf := make([]byte, 0, 64<<10)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				sc.Reset()
				buf = buf[:0]
				for i := 0; i < len(in) || len(buf) > 0; {
					j := min(len(in), i+32<<10)
					buf = append(buf, in[i:j]...)
					i = j
					var n int
					fs, n = sc.Scan(fs[:0], buf, i == len(in))
					sc.Commit(buf, n)
					buf = append(buf[:0], buf[n:]...)
					if i == len(in) {
						break
					}
				}
			}
		})
	}
}

// baseline is the stdlib regexp union a user would write for the same kinds.
var baseline = regexp.MustCompile(`\b(?:[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}|\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}|[A-Za-z]{3}[ABCFGHJLPTabcfghjlpt][A-Za-z]\d{4}[A-Za-z]|[A-Za-z][1-9]\d{6}|[A-Za-z]{3}\d{7}|(?:\+91[ -]?|0)?[6-9]\d{4}[ -]?\d{5})\b`)

// sameForms is the stdlib regexp union a user would write to match the forms
// the detectors read and the ASCII baseline misses: digits of the nine
// Indian scripts and full-width digits, zero-width characters after any
// digit, the no-break space, ':' and two or three spaces between groups,
// the prefixes "(+91)" and "0091", and edges that are neither letters nor
// digits of any script (RE2's \b knows ASCII only). Like the baseline it
// leaves checksums and context to code run on its matches.
// TestSameFormsBaseline checks that it matches those forms.
var sameForms = func() *regexp.Regexp {
	const (
		digit = `[0-9\x{0966}-\x{096F}\x{09E6}-\x{09EF}\x{0A66}-\x{0A6F}\x{0AE6}-\x{0AEF}\x{0B66}-\x{0B6F}` +
			`\x{0BE6}-\x{0BEF}\x{0C66}-\x{0C6F}\x{0CE6}-\x{0CEF}\x{0D66}-\x{0D6F}\x{FF10}-\x{FF19}]`
		d    = `(?:` + digit + `[\x{200B}-\x{200D}\x{2060}\x{00AD}]*)` // a digit and any zero-width characters
		sep  = `(?:[\x{00A0}.:-]| {1,3})?`
		msep = `(?:[\x{00A0}.-]| {1,3})?`
	)
	g := func(n int) string { return d + `{` + strconv.Itoa(n) + `}` }
	return regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:` +
		g(4) + sep + g(4) + sep + g(4) + sep + g(4) + `|` + // VID
		g(4) + sep + g(4) + sep + g(4) + `|` + // Aadhaar
		`(?:(?:\+91|0091|\(\+91\)|91)[ -]?|0)?(?:` + g(10) + `|` + g(5) + msep + g(5) + `|` +
		g(3) + msep + g(3) + msep + g(4) + `|` + g(4) + msep + g(3) + msep + g(3) + `)|` + // mobile
		`[A-Za-z]{3}[ABCFGHJLPTabcfghjlpt][A-Za-z][0-9]{4}[A-Za-z]|[A-Za-z][1-9][0-9]{6}|[A-Za-z]{3}[0-9]{7}` +
		`)(?:[^\p{L}\p{N}]|$)`)
}()

// TestSameFormsBaseline checks that the second baseline matches the forms it
// is there for, so that its speed is that of a regexp doing the job.
func TestSameFormsBaseline(t *testing.T) {
	for _, s := range []string{
		"aadhaar २३४१ २३४१ २३४६ ok", "আধার ২৩৪১-২৩৪১-২৩৪৬", "id 2341\u00a02341\u00a02346.", "uid 2341:2341:2346",
		"x 98765\u200b43210 y", "(+91)9876543210", "0091 98765 43210", "tel ９８７６５４３２１０",
		"vid 2341-2341-2341-2341", "pan ABCPD1234Z", "passport J6932157", "epic WKH1186253",
		"aadhaar 2341  2341   2346", "mobile 98765  43210",
	} {
		if !sameForms.MatchString(s) {
			t.Errorf("sameForms does not match %q", s)
		}
	}
	for _, s := range []string{"sha 9f2341234123462b", "n 23412", "ORD98765432101"} {
		if sameForms.MatchString(s) {
			t.Errorf("sameForms matches %q", s)
		}
	}
}

// BenchmarkRegexpSameForms measures the second baseline over the same inputs.
func BenchmarkRegexpSameForms(b *testing.B) { benchRegexp(b, sameForms) }

// BenchmarkRegexpBaseline measures the baseline over the same inputs.
func BenchmarkRegexpBaseline(b *testing.B) { benchRegexp(b, baseline) }

// benchRegexp measures re finding all its matches in each input.
func benchRegexp(b *testing.B, re *regexp.Regexp) {
	for _, name := range benchOrder {
		in := benchInputs[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				re.FindAllIndex(in, -1)
			}
		})
	}
}

// BenchmarkFindParallel runs Find on one shared Set from GOMAXPROCS
// goroutines: throughput should grow with -cpu 1,2,4 (the Set is immutable
// and each call takes its own Scanner from a pool).
func BenchmarkFindParallel(b *testing.B) {
	in := benchInputs["JSONLogs"]
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var fs []Finding
		for pb.Next() {
			fs = Default.Find(fs[:0], in)
		}
	})
}

// BenchmarkFindLine measures the cost of one identifier and its context: a
// short line holding one, repeated 1000 times. ns/line is the time per line.
func BenchmarkFindLine(b *testing.B) {
	lines := []struct{ name, line string }{
		{"MobileJSON", `{"level":"info","user":{"id":12,"mobile":"+91 98765 43210"},"ip":"x"}`},
		{"AadhaarGrouped", `name Ramesh aadhaar 2341 2341 2346 verified`},
		{"PANLabelled", `kyc ok pan ABCPD1234Z for user`},
		{"MobileNoLabel", `user logged in from 9876543210 ok`},
		{"NoIdentifier", `kyc ok for user status done`},
	}
	for _, c := range lines {
		in := []byte(strings.Repeat(c.line+"\n", 1000))
		b.Run(c.name, func(b *testing.B) {
			var fs []Finding
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				fs = Default.Find(fs[:0], in)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/line")
		})
	}
}

// BenchmarkLookupWord times one lookup in the table of context words, for a
// context word, a capitalized one, a generic word and a word that passes
// the length and letter filter but is not in the table.
func BenchmarkLookupWord(b *testing.B) {
	words := [][]byte{[]byte("mobile"), []byte("Passport"), []byte("number"), []byte("mobilx")}
	var sink label
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			l, _ := lookupWord(w)
			sink |= l
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/lookup")
	if sink == lblNone {
		b.Fatal("no word found")
	}
}

package fake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Span is one identifier in a sample: its kind and where it is, as byte
// offsets into the sample, end exclusive. For a mobile number the span covers
// the 10 digits of the number (and separators between them), not the +91,
// 91, 0 or 0091 prefix; for the other kinds it runs from the first to the
// last letter or digit of the identifier. A passport written as an MRZ is one
// span over both lines.
type Span struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Sample is one generated sample input and its ground truth.
type Sample struct {
	Name  string // file name, such as "app.log"
	Text  []byte
	Truth []Span // in order of Start, not overlapping
}

// TruthName returns the name of the sample's truth file.
func (s *Sample) TruthName() string { return s.Name + ".truth.jsonl" }

// TruthJSONL returns the truth file: one JSON object per span and line.
func (s *Sample) TruthJSONL() []byte {
	var b bytes.Buffer
	for _, sp := range s.Truth {
		j, err := json.Marshal(sp)
		if err != nil {
			panic(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// SampleNames are the names of the samples, in the order [Samples] returns
// them.
var SampleNames = []string{
	"app.log", "access.log", "vaccination.csv", "export.json", "hindi.txt", "chatbot.txt", "clean.txt",
	"reports.html",
}

var sampleFuncs = map[string]func(*gen){
	"app.log":         appLog,
	"access.log":      accessLog,
	"vaccination.csv": vaccinationCSV,
	"export.json":     exportJSON,
	"hindi.txt":       hindiText,
	"chatbot.txt":     chatbotText,
	"clean.txt":       cleanText,
	"reports.html":    reportsHTML,
}

// Samples generates every sample from seed. Each sample draws from its own
// generator, seeded from seed and its name, so that changing one sample's
// code leaves the others as they are.
func Samples(seed uint64) []Sample {
	out := make([]Sample, 0, len(SampleNames))
	for _, name := range SampleNames {
		h := fnv.New64a()
		h.Write([]byte(name))
		g := &gen{r: rand.New(rand.NewPCG(seed, h.Sum64()))}
		sampleFuncs[name](g)
		out = append(out, Sample{Name: name, Text: g.b, Truth: g.spans})
	}
	return out
}

// WriteSamples generates every sample from seed and writes it and its truth
// file into dir, which must exist.
func WriteSamples(dir string, seed uint64) error {
	for _, s := range Samples(seed) {
		if err := os.WriteFile(filepath.Join(dir, s.Name), s.Text, 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, s.TruthName()), s.TruthJSONL(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// gen builds one sample: the text and the spans of the identifiers in it.
type gen struct {
	r     *rand.Rand
	b     []byte
	spans []Span
	lines int
}

// ident is an identifier as written, to be recorded as a span.
type ident struct{ kind, text string }

// add appends parts to the text. A part is a string (plain text), an ident
// (recorded as a span) or a []any of parts.
func (g *gen) add(parts ...any) {
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			g.b = append(g.b, p...)
			g.lines += strings.Count(p, "\n")
		case ident:
			start := len(g.b)
			g.b = append(g.b, p.text...)
			g.lines += strings.Count(p.text, "\n")
			g.spans = append(g.spans, Span{Type: p.kind, Start: start, End: len(g.b)})
		case []any:
			g.add(p...)
		default:
			panic(fmt.Sprintf("fake: bad part %T", p))
		}
	}
}

// line appends parts and a newline.
func (g *gen) line(parts ...any) {
	g.add(parts...)
	g.add("\n")
}

// f is fmt.Sprintf.
func f(format string, a ...any) string { return fmt.Sprintf(format, a...) }

func (g *gen) n(k int) int              { return g.r.IntN(k) }
func (g *gen) chance(p float64) bool    { return g.r.Float64() < p }
func (g *gen) pick(xs ...string) string { return oneOf(g.r, xs...) }
func (g *gen) digits(n int) string      { return digits(g.r, n) }

// aadhaarSep picks how to write an Aadhaar number: plain most often, then
// spaces, then the rarer separators.
func (g *gen) aadhaarSep() string {
	return g.pick("", "", "", "", " ", " ", " ", "-", "-", NBSP, ".", ":")
}

// aadhaar returns a fresh Aadhaar number written with sep.
func (g *gen) aadhaar(sep string) ident {
	return ident{KindAadhaar, AadhaarForm(Aadhaar(g.r), sep)}
}

// aadhaarAny returns a fresh Aadhaar number in a random written form.
func (g *gen) aadhaarAny() ident { return g.aadhaar(g.aadhaarSep()) }

// vid returns a fresh VID, plain or 4-4-4-4 with a space or hyphen.
func (g *gen) vid() ident {
	return ident{KindVID, VIDForm(VID(g.r), g.pick("", "", " ", " ", "-", NBSP))}
}

// pan returns a fresh PAN, mostly upper case.
func (g *gen) pan() ident {
	return ident{KindPAN, PANForm(PAN(g.r), g.chance(0.15))}
}

func (g *gen) passport() ident { return ident{KindPassport, Passport(g.r)} }
func (g *gen) voter() ident    { return ident{KindVoterID, VoterID(g.r)} }

// mobileNum returns a fresh mobile number in style s, as its prefix and the
// number. When a bare "91" is glued to the number, the 12 digits are kept from
// passing the Verhoeff check, so that they do not also read as an Aadhaar
// number.
func (g *gen) mobileNum(s MobileStyle) []any {
	m := Mobile(g.r)
	for s.Prefix == "91" && Verhoeff("91"+m) {
		m = Mobile(g.r)
	}
	return g.mobileAs(m, s)
}

// mobileAs writes the mobile number m in style s, as its prefix and the
// number. A bare "91" glued to m is written "91 " if the 12 digits would pass
// the Verhoeff check.
func (g *gen) mobileAs(m string, s MobileStyle) []any {
	if s.Prefix == "91" && Verhoeff("91"+m) {
		s.Prefix = "91 "
	}
	pre, num := s.Format(m)
	return []any{pre, ident{KindMobile, num}}
}

// mobile returns a fresh mobile number in a random style.
func (g *gen) mobile() []any { return g.mobileNum(RandomMobileStyle(g.r)) }

// mobilePlain returns a fresh mobile number as 10 plain digits.
func (g *gen) mobilePlain() ident {
	return ident{KindMobile, Mobile(g.r)}
}

// mobileIntl returns a fresh mobile number with a +91 prefix, grouped or not.
func (g *gen) mobileIntl() []any {
	s := RandomMobileStyle(g.r)
	s.Prefix = g.pick("+91", "+91 ", "+91 ", "+91-")
	return g.mobileNum(s)
}

// mrz returns a fresh passport MRZ as one ident spanning both lines, joined by
// nl.
func (g *gen) mrz(nl string) ident {
	l1, l2 := PassportMRZ(g.r).Lines()
	return ident{KindPassport, l1 + nl + l2}
}

// person returns a random name, and whether it is a woman's.
func (g *gen) person() (string, bool) {
	female := g.chance(0.5)
	given := oneOf(g.r, maleNames...)
	if female {
		given = oneOf(g.r, femaleNames...)
	}
	if g.chance(0.2) {
		if female {
			given += " " + oneOf(g.r, femaleMiddle...)
		} else {
			given += " " + oneOf(g.r, maleMiddle...)
		}
	}
	return given + " " + oneOf(g.r, surnames...), female
}

// centre returns a random vaccination or health centre name.
func (g *gen) centre() string {
	p := oneOf(g.r, places...)
	return oneOf(g.r, centreKinds...) + " " + oneOf(g.r, villages...) + ", " + p.District
}

// vpa returns a UPI address whose local part is a random name, not a number.
func (g *gen) vpa() string {
	name, _ := g.person()
	return g.vpaOf(name)
}

// vpaOf returns a UPI address made from the first name in name.
func (g *gen) vpaOf(name string) string {
	local := strings.ToLower(strings.Fields(name)[0])
	return local + g.pick("", ".", "_") + g.pick("k", "s", "p", "m", "r", "dev", "home") + g.pick("", "", f("%d", 1+g.n(99))) + "@" + oneOf(g.r, banks...)
}

// doses returns the dates (dd-mm-yyyy) of a first dose in 2021-2022 and of a
// second dose and a precaution dose after it, each empty when not taken.
func (g *gen) doses() (d1, d2, d3 string) {
	const layout = "02-01-2006"
	t := time.Date(2021, 1, 16, 0, 0, 0, 0, ist).AddDate(0, 0, g.n(500))
	d1 = t.Format(layout)
	if g.chance(0.85) {
		t = t.AddDate(0, 0, 28+g.n(90))
		d2 = t.Format(layout)
		if g.chance(0.35) {
			t = t.AddDate(0, 0, 270+g.n(200))
			d3 = t.Format(layout)
		}
	}
	return d1, d2, d3
}

// clock is a moving timestamp for log samples.
type clock struct{ t time.Time }

var ist = time.FixedZone("IST", 5*3600+1800)

func newClock(y int, m time.Month, d, h int) *clock {
	return &clock{time.Date(y, m, d, h, 0, 0, 0, ist)}
}

// tick moves the clock on by up to max milliseconds and returns it.
func (c *clock) tick(g *gen, max int) time.Time {
	c.t = c.t.Add(time.Duration(1+g.n(max)) * time.Millisecond)
	return c.t
}

// weighted returns i with probability ws[i]/sum(ws).
func (g *gen) weighted(ws ...int) int {
	sum := 0
	for _, w := range ws {
		sum += w
	}
	n := g.n(sum)
	for i, w := range ws {
		if n < w {
			return i
		}
		n -= w
	}
	panic("unreachable")
}

// rrn returns a reference number for a payment line: one in five is a hard
// negative (Verhoeff-valid, starting 2-9), the rest random.
func (g *gen) rrn() string {
	if g.chance(0.2) {
		return HardRRN(g.r)
	}
	return RRN(g.r)
}

// amount returns a rupee amount with paise.
func (g *gen) amount() string {
	return f("%d.%02d", 1+g.n(g.pick2(500, 5000, 50000)), g.n(100))
}

func (g *gen) pick2(xs ...int) int { return xs[g.n(len(xs))] }

// jsonMobile returns a mobile number as a JSON value: a string in any written
// form, or a number (plain or with 91 glued on).
func (g *gen) jsonMobile() []any {
	if g.chance(0.2) {
		s := MobileStyle{Prefix: g.pick("", "", "91"), Groups: MobileGroupings[0]}
		return g.mobileNum(s)
	}
	return []any{`"`, g.mobile(), `"`}
}

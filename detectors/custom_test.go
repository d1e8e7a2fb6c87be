package detectors

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// showFindings renders findings with the text they cover, for test messages.
func showFindings(text []byte, fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s[%d:%d %q %.2f", f.Kind, f.Start, f.End, text[f.Start:f.End], f.Score)
		if f.Err != nil {
			b.WriteString(" err")
		}
		b.WriteString("] ")
	}
	return strings.TrimSpace(b.String())
}

// customStream feeds text to a Scanner the way a streaming caller does: it
// appends a piece whose size next chooses to the bytes not yet settled, scans,
// keeps the findings, commits what was settled and keeps the rest. It checks
// the Scan contract on the way and returns the findings with stream offsets.
func customStream(t testing.TB, s *Set, text []byte, next func() int) []Finding {
	t.Helper()
	sc := s.NewScanner()
	var out, fs []Finding
	var pending []byte
	base, i := 0, 0
	for {
		if i < len(text) {
			j := min(len(text), i+max(1, next()))
			pending = append(pending, text[i:j]...)
			i = j
		}
		atEOF := i == len(text)
		var n int
		fs, n = sc.Scan(fs[:0], pending, atEOF)
		if n < 0 || n > len(pending) {
			t.Fatalf("settled point %d outside [0, %d]", n, len(pending))
		}
		for _, f := range fs {
			if f.End > n {
				t.Fatalf("finding %+v past the settled point %d", f, n)
			}
			f.Start += base
			f.End += base
			out = append(out, f)
		}
		sc.Commit(pending, n)
		if !atEOF && len(pending)-n > MaxLookahead+4 {
			t.Fatalf("held back %d bytes, more than MaxLookahead", len(pending)-n)
		}
		pending = append(pending[:0], pending[n:]...)
		base += n
		if atEOF {
			if len(pending) != 0 {
				t.Fatalf("%d bytes not settled at EOF", len(pending))
			}
			return out
		}
	}
}

// checkFindings checks that fs are sorted, do not overlap and lie in text.
func checkFindings(t testing.TB, text []byte, fs []Finding) {
	t.Helper()
	prev := 0
	for _, f := range fs {
		if f.Start < prev || f.End <= f.Start || f.End > len(text) {
			t.Fatalf("bad finding %+v after offset %d in\n%s", f, prev, showFindings(text, fs))
		}
		if f.Score <= 0 || f.Score > 1 {
			t.Fatalf("finding %+v has a score outside (0, 1]", f)
		}
		prev = f.End
	}
}

var customChunkSizes = []int{1, 2, 3, 5, 10, 100, 1000, 4095, 4096, 4097}

// firstDiff describes where two lists of findings first differ.
func firstDiff(text []byte, got, want []Finding) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-1)
	return fmt.Sprintf("from finding %d:\n got %s\nwant %s", i,
		showFindings(text, got[lo:min(len(got), i+2)]), showFindings(text, want[lo:min(len(want), i+2)]))
}

// checkCustomChunking checks that every chunking of text gives the findings of
// Set.Find.
func checkCustomChunking(t *testing.T, s *Set, text []byte) {
	t.Helper()
	want := s.Find(nil, text)
	checkFindings(t, text, want)
	for _, size := range customChunkSizes {
		got := customStream(t, s, text, func() int { return size })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("chunk size %d: %s", size, firstDiff(text, got, want))
		}
	}
	r := rand.New(rand.NewPCG(7, uint64(len(text))))
	for k := 0; k < 5; k++ {
		got := customStream(t, s, text, func() int { return 1 + r.IntN(700) })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("random chunks: %s", firstDiff(text, got, want))
		}
	}
}

// mustCustom compiles a Set of the built-in kinds and custom detectors cs.
// Time-outs depend on the load of the machine: the detectors that have no
// Timeout get one long enough never to fire, so that results are repeatable.
func mustCustom(t testing.TB, cs ...Custom) *Set {
	t.Helper()
	cs = append([]Custom(nil), cs...)
	for i := range cs {
		if cs[i].Timeout == 0 {
			cs[i].Timeout = time.Minute
		}
	}
	s, err := New(Config{Custom: cs})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCustomRefusesUnbounded(t *testing.T) {
	for _, p := range []string{
		`\d+`,
		`a*`,
		`[A-Z]{3,}`,
		`x{2,}?`,
		`(?:ab)+c`,
		`EMP-.*`,
		`(?>a+)`,
		`(a)(?=(b+))\2`,      // a backreference to a group that a lookahead leaves unbounded
		`(?(x)a+|b)`,         // unbounded in the branches of a conditional
		`(?<=id)(\d{2}){1,}`, // {1,} is +
	} {
		_, err := New(Config{Custom: []Custom{{Kind: "emp_id", Pattern: p, MaxLen: 100}}})
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Kind != "emp_id" || !strings.Contains(err.Error(), "emp_id") {
			t.Errorf("%s: got error %v, want a *ConfigError naming emp_id", p, err)
		}
	}
}

// presidioPANLow is Presidio's low-confidence PAN pattern. Its unbounded
// quantifiers are inside lookaheads.
const presidioPANLow = `\b((?=.*?[a-zA-Z])(?=.*?[0-9]{4})[\w@#$%^?~-]{10})\b`

func TestCustomAcceptsBounded(t *testing.T) {
	for _, tt := range []struct {
		pattern string
		maxLen  int
	}{
		{`EMP-\d{6}`, 10},
		{`\d{1,5}`, 5},
		{`[A-Z]{3}\d{7}`, 10},
		{presidioPANLow, 10},
		{`(?<=id[:=]\s*)\d{4}`, 4},
		{`(?<!\d)\d{4}(?!.*\bignore\b)`, 4},
		{`(a)\1{2}`, 3},
		{`(?(x+)a|bb)`, 2},
		{`(a|aa){1,30}(a|aa){1,30}b`, 121},
		{`(?i)emp_\w{1,8}`, 12},
	} {
		_, err := New(Config{Custom: []Custom{{Kind: "x", Pattern: tt.pattern, MaxLen: tt.maxLen}}})
		if err != nil {
			t.Errorf("%s: %v", tt.pattern, err)
		}
	}
}

func TestCustomConfigErrors(t *testing.T) {
	ok := Custom{Kind: "emp_id", Pattern: `EMP-\d{6}`, MaxLen: 10}
	for _, tt := range []struct {
		name   string
		change func(*Custom)
	}{
		{"built-in kind", func(c *Custom) { c.Kind = PAN }},
		{"built-in kind mobile", func(c *Custom) { c.Kind = Mobile }},
		{"empty kind", func(c *Custom) { c.Kind = "" }},
		{"upper case", func(c *Custom) { c.Kind = "Emp" }},
		{"leading digit", func(c *Custom) { c.Kind = "1emp" }},
		{"hyphen", func(c *Custom) { c.Kind = "emp-id" }},
		{"no MaxLen", func(c *Custom) { c.MaxLen = 0 }},
		{"MaxLen too large", func(c *Custom) { c.MaxLen = 1025 }},
		{"pattern longer than MaxLen", func(c *Custom) { c.MaxLen = 9 }},
		{"score above 1", func(c *Custom) { c.Score = 1.5 }},
		{"negative score", func(c *Custom) { c.Score = -0.1 }},
		{"negative timeout", func(c *Custom) { c.Timeout = -time.Second }},
		{"empty context word", func(c *Custom) { c.Context = []string{"employee", " "} }},
		{"syntax error", func(c *Custom) { c.Pattern = `EMP-(\d{6}` }},
		{"empty match only", func(c *Custom) { c.Pattern = `(?=EMP)` }},
		{"empty pattern", func(c *Custom) { c.Pattern = `` }},
		{`\G`, func(c *Custom) { c.Pattern = `\GEMP-\d{6}` }},
	} {
		c := ok
		tt.change(&c)
		_, err := New(Config{Custom: []Custom{c}})
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Kind != c.Kind {
			t.Errorf("%s: got error %v, want a *ConfigError for kind %q", tt.name, err, c.Kind)
		}
	}
	if _, err := New(Config{Custom: []Custom{ok, ok}}); err != nil {
		t.Errorf("two detectors of one kind: %v", err)
	}
}

func TestCustomFind(t *testing.T) {
	emp := Custom{Kind: "employee_id", Pattern: `\bEMP-\d{6}\b`, MaxLen: 24, Context: []string{"employee", "staff id"}}
	tests := []struct {
		name   string
		cs     []Custom
		text   string
		want   string
		kinds  []Kind // built-in kinds; nil for none
		scores []float64
	}{
		{name: "plain", cs: []Custom{emp}, text: "EMP-123456 and EMP-654321x",
			want: `employee_id["EMP-123456"]`, scores: []float64{0.5}},
		{name: "context", cs: []Custom{emp}, text: "Employee: EMP-123456; ok EMP-000001",
			want: `employee_id["EMP-123456"] employee_id["EMP-000001"]`, scores: []float64{0.9, 0.9}},
		{name: "context phrase", cs: []Custom{emp}, text: "STAFF ID EMP-123456",
			want: `employee_id["EMP-123456"]`, scores: []float64{0.9}},
		{name: "context whole words only", cs: []Custom{emp}, text: "employees EMP-123456 unemployee EMP-123457",
			want: `employee_id["EMP-123456"] employee_id["EMP-123457"]`, scores: []float64{0.5, 0.5}},
		{name: "context on the line before does not count", cs: []Custom{emp}, text: "employee\nEMP-123456",
			want: `employee_id["EMP-123456"]`, scores: []float64{0.5}},
		{name: "context too far", cs: []Custom{emp}, text: "employee " + strings.Repeat(".", 48) + "EMP-123456",
			want: `employee_id["EMP-123456"]`, scores: []float64{0.5}},
		{name: "context cut by the limit", cs: []Custom{emp}, text: "employee" + strings.Repeat(" ", 43) + "EMP-123456",
			want: `employee_id["EMP-123456"]`, scores: []float64{0.5}},
		{name: "context just in reach", cs: []Custom{emp}, text: "employee" + strings.Repeat(" ", 40) + "EMP-123456",
			want: `employee_id["EMP-123456"]`, scores: []float64{0.9}},
		{name: "score", cs: []Custom{{Kind: "emp", Pattern: `EMP-\d{6}`, MaxLen: 10, Score: 0.7, Context: []string{"emp"}}},
			text: "EMP-123456 emp EMP-123457", want: `emp["EMP-123456"] emp["EMP-123457"]`, scores: []float64{0.7, 1}},
		{name: "validate", cs: []Custom{{Kind: "even", Pattern: `\d{4}`, MaxLen: 4,
			Validate: func(m []byte) bool { return (m[3]-'0')%2 == 0 }}},
			text: "1235 13578", want: `even["3578"]`},
		{name: "ignore case", cs: []Custom{{Kind: "emp", Pattern: `emp-\d{6}`, MaxLen: 10, IgnoreCase: true}},
			text: "Emp-123456", want: `emp["Emp-123456"]`},
		{name: "lookbehind", cs: []Custom{{Kind: "staff", Pattern: `(?<=staff[:=]\s*)[A-Z]{2}\d{4}`, MaxLen: 6}},
			text: "staff= AB1234 CD5678", want: `staff["AB1234"]`},
		{name: "presidio PAN low", cs: []Custom{{Kind: "pan_low", Pattern: presidioPANLow, MaxLen: 10}},
			text: "x ab1d23456z y abcdefghij", want: `pan_low["ab1d23456z"]`},
		{name: "no match across lines", cs: []Custom{{Kind: "two", Pattern: `a\sb`, MaxLen: 3}},
			text: "a\nb a b", want: `two["a b"]`},
		{name: "$ at line end", cs: []Custom{{Kind: "tail", Pattern: `\d{3}$`, MaxLen: 3}},
			text: "123 456\n789 012\r\n", want: `tail["456"]`},
		{name: "multi-byte offsets", cs: []Custom{{Kind: "emp", Pattern: `कर्मचारी-\d{4}`, MaxLen: 40}},
			text: "नाम कर्मचारी-१२३४ ok", want: `emp["कर्मचारी-१२३४"]`},
		{name: "invalid UTF-8", cs: []Custom{{Kind: "emp", Pattern: `EMP-\d{6}`, MaxLen: 10}},
			text: "\xff\xfe\xe0\x80EMP-123456\xc3", want: `emp["EMP-123456"]`},
		{name: "an invalid byte is U+FFFD", cs: []Custom{{Kind: "bad", Pattern: `\uFFFD{2}A`, MaxLen: 3}},
			text: "x\xe0\x80A\xff", want: `bad["\xe0\x80A"]`},
		{name: "leftmost, then longest", cs: []Custom{
			{Kind: "short", Pattern: `AB\d{2}`, MaxLen: 4},
			{Kind: "long", Pattern: `AB\d{4}`, MaxLen: 6},
			{Kind: "later", Pattern: `\d{4}`, MaxLen: 4}},
			text: "AB1234 AB12x 9999", want: `long["AB1234"] short["AB12"] later["9999"]`},
		{name: "merged with a built-in", kinds: []Kind{Aadhaar}, cs: []Custom{{Kind: "tail", Pattern: `\d{4} x`, MaxLen: 6}},
			text: "aadhaar 2341 2341 2346 x", want: `aadhaar["2341 2341 2346 x"]`},
		{name: "built-ins kept", cs: []Custom{emp}, kinds: []Kind{Mobile},
			text: "call 9876543210 EMP-123456", want: `mobile["9876543210"] employee_id["EMP-123456"]`},
	}
	for _, tt := range tests {
		kinds := tt.kinds
		if kinds == nil {
			kinds = []Kind{}
		}
		s, err := New(Config{Kinds: kinds, Custom: tt.cs})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		fs := s.FindString(nil, tt.text)
		checkFindings(t, []byte(tt.text), fs)
		if got := describeAll(tt.text, fs); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
			continue
		}
		for i, sc := range tt.scores {
			if fs[i].Score != sc {
				t.Errorf("%s: finding %d has score %v, want %v", tt.name, i, fs[i].Score, sc)
			}
		}
	}
}

// describeAll renders findings as kind["text"], whatever their score.
func describeAll(text string, fs []Finding) string {
	var b []string
	for _, f := range fs {
		b = append(b, fmt.Sprintf("%s[%q]", f.Kind, text[f.Start:f.End]))
	}
	return strings.Join(b, " ")
}

func TestCustomTimeout(t *testing.T) {
	s := mustCustom(t, Custom{
		Kind:    "slow",
		Pattern: `(a|aa){1,30}(a|aa){1,30}b`,
		MaxLen:  128,
		Timeout: 10 * time.Millisecond,
	})
	text := []byte("id " + strings.Repeat("a", 250))
	start := time.Now()
	fs := s.Find(nil, text)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	checkFindings(t, text, fs)
	covered := make([]bool, len(text))
	for _, f := range fs {
		if f.Err != ErrTimeout || f.Kind != "slow" || f.Score != 1 {
			t.Errorf("got finding %+v, want a time-out", f)
		}
		for i := f.Start; i < f.End; i++ {
			covered[i] = true
		}
	}
	for i := 3; i < len(text); i++ {
		if !covered[i] {
			t.Fatalf("byte %d not covered by a time-out finding: %s", i, showFindings(text, fs))
		}
	}
}

func TestCustomTimeoutMergesBuiltin(t *testing.T) {
	s := mustCustom(t, Custom{
		Kind:    "slow",
		Pattern: `(a|aa){1,30}(a|aa){1,30}b`,
		MaxLen:  128,
		Timeout: 10 * time.Millisecond,
	})
	text := "mobile 9876543210 " + strings.Repeat("a", 150)
	fs := s.FindString(nil, text)
	if len(fs) != 1 || fs[0].Start != 0 || fs[0].End != len(text) || fs[0].Err != ErrTimeout || fs[0].Kind != "slow" {
		t.Fatalf("got %s, want one time-out over all the text", showFindings([]byte(text), fs))
	}
}

func TestCustomScannerReuse(t *testing.T) {
	s := customSet1(t)
	sc := s.NewScanner()
	text := customText1()
	for _, in := range [][]byte{text, text[100:], []byte("employee EMP-123456"), text} {
		sc.Reset()
		got, n := sc.Scan(nil, in, true)
		if want := s.Find(nil, in); n != len(in) || !reflect.DeepEqual(got, want) {
			t.Fatalf("after Reset: %s", firstDiff(in, got, want))
		}
	}
}

func TestCustomConcurrentFind(t *testing.T) {
	s := customSet1(t)
	text := customText1()[:2000]
	want := s.Find(nil, text)
	done := make(chan []Finding)
	for range 4 {
		go func() { done <- s.Find(nil, text) }()
	}
	for range 4 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent Find: %s", firstDiff(text, got, want))
		}
	}
}

// customText1 mixes identifiers, custom ones near segment boundaries, long
// lines, Devanagari and invalid UTF-8.
func customText1() []byte {
	var b strings.Builder
	b.WriteString("2024-11-22 INFO employee EMP-123456 joined, mobile=9876543210 aadhaar=2341 2341 2346\n")
	b.WriteString("staff id: AB1234; STAFF=cd5678 pan ABCPD1234Z x ab1d23456z y\r\n")
	for i := 0; i < 40; i++ {
		// Identifiers at every offset modulo the segment size.
		b.WriteString(strings.Repeat("x", i*7%13))
		fmt.Fprintf(&b, " employee EMP-%06d ", 100000+i*7919)
		if i%5 == 0 {
			b.WriteString("नाम कर्मचारी-१२३४ ")
		}
		if i%7 == 0 {
			b.WriteString("\xff\xe0\x80 EMP-1234567 ")
		}
	}
	b.WriteString("\n")
	b.WriteString(strings.Repeat("EMP-", 150) + "123456\n")
	b.WriteString(strings.Repeat("1234 ", 150) + "\n\n\n")
	for i := 0; i < 16; i++ {
		// Lookarounds whose outcome depends on where windows begin and end.
		b.WriteString("BEGIN ")
		for k := 0; k < 4+3*i; k++ {
			fmt.Fprintf(&b, "ID%03d %s", k, strings.Repeat("-", (k*i)%5))
		}
		b.WriteString(" END\n")
	}
	b.WriteString("tail EMP-999999")
	return []byte(b.String())
}

func customSet1(t testing.TB) *Set {
	return mustCustom(t,
		Custom{Kind: "employee_id", Pattern: `\bEMP-\d{6}\b`, MaxLen: 10, Context: []string{"employee"}},
		Custom{Kind: "staff", Pattern: `(?<=staff(?:\s*id)?[:=]\s*)[A-Z]{2}\d{4}`, MaxLen: 6, IgnoreCase: true},
		Custom{Kind: "pan_low", Pattern: presidioPANLow, MaxLen: 10},
		Custom{Kind: "emp_hi", Pattern: `कर्मचारी-\d{4}`, MaxLen: 40},
		Custom{Kind: "quad", Pattern: `(?<!\d)\d{4}(?= \d{4} )`, MaxLen: 4,
			Validate: func(m []byte) bool { return m[0] != '0' }},
		// Lookarounds that see as far as the window goes.
		Custom{Kind: "framed", Pattern: `(?<=\bBEGIN\b.*)\bID\d{3}\b(?=.*\bEND\b)`, MaxLen: 5},
	)
}

func TestCustomStreamingEqualsOneShot(t *testing.T) {
	s := customSet1(t)
	text := customText1()
	checkCustomChunking(t, s, text)
	if !testing.Short() {
		checkCustomChunking(t, s, append(text, text...))
	}
	if got := len(s.Find(nil, text)); got < 50 {
		t.Fatalf("only %d findings: the test text does not exercise much", got)
	}
}

func TestCustomStreamingDense(t *testing.T) {
	// Overlapping custom matches and built-in findings.
	s := mustCustom(t,
		Custom{Kind: "three", Pattern: `\d{3}`, MaxLen: 3},
		Custom{Kind: "bridge", Pattern: `\d \d`, MaxLen: 3},
	)
	var b strings.Builder
	for i := 0; i < 100; i++ {
		b.WriteString("9876543210 2341 2341 2346 ")
		if i%17 == 0 {
			b.WriteString("\n")
		}
	}
	checkCustomChunking(t, s, []byte(b.String()))
	checkCustomChunking(t, s, []byte(strings.Repeat("9", 5000)))

	// A custom match that ends inside a candidate that the built-in scan
	// must see whole before it settles: the scan settles inside the custom
	// match, which must then wait for the next call.
	s = mustCustom(t, Custom{Kind: "ref", Pattern: `id: ref`, MaxLen: 7})
	b.Reset()
	for i := 0; i < 100; i++ {
		b.WriteString(strings.Repeat(".", i*37%segSize) + "id: ref ९८७६५ ४३२१० ९८७६५ ४३२१० ९८७६५ ४३२१० done\n")
	}
	checkCustomChunking(t, s, []byte(b.String()))
}

func TestCustomStreamingLongMatches(t *testing.T) {
	s := mustCustom(t,
		Custom{Kind: "block", Pattern: `<<[^<>]{1,1000}>>`, MaxLen: 1004},
		Custom{Kind: "emp", Pattern: `EMP-\d{6}`, MaxLen: 10},
	)
	var b strings.Builder
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, "x%s<<%s>> EMP-%06d ", strings.Repeat(" ", i*37%191), strings.Repeat("y", i*97%1100), i)
	}
	checkCustomChunking(t, s, []byte(b.String()))
}

func TestCustomValidateDrops(t *testing.T) {
	calls := 0
	s := mustCustom(t, Custom{Kind: "emp", Pattern: `EMP-\d{6}`, MaxLen: 10, Validate: func(m []byte) bool {
		calls++
		return string(m) != "EMP-000000"
	}})
	text := "EMP-000000 EMP-111111"
	if got := describeAll(text, s.FindString(nil, text)); got != `emp["EMP-111111"]` {
		t.Errorf("got %s", got)
	}
	if calls != 2 {
		t.Errorf("Validate called %d times, want 2", calls)
	}
}

func TestCustomNoAllocs(t *testing.T) {
	s := customSet1(t)
	text := []byte(strings.Repeat("nothing to see here, just words and 12 numbers 34. ", 60))
	sc := s.NewScanner()
	var fs []Finding
	run := func() {
		sc.Reset()
		var n int
		fs, n = sc.Scan(fs[:0], text, true)
		if n != len(text) {
			t.Fatalf("settled %d of %d", n, len(text))
		}
	}
	run()
	if a := testing.AllocsPerRun(5, run); a > 10 {
		t.Errorf("%v allocations per scan of %d bytes", a, len(text))
	}
}

func FuzzCustomStreaming(f *testing.F) {
	f.Add(customText1()[:600], uint64(1))
	f.Add([]byte("employee EMP-123456\nstaff: ab1234 9876543210"), uint64(2))
	f.Add([]byte("\xff\xfeEMP-123456\xe0"), uint64(3))
	s := customSet1(f)
	f.Fuzz(func(t *testing.T, text []byte, seed uint64) {
		want := s.Find(nil, text)
		checkFindings(t, text, want)
		r := rand.New(rand.NewPCG(seed, 9))
		got := customStream(t, s, text, func() int { return 1 + r.IntN(300) })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("random chunks: %s", firstDiff(text, got, want))
		}
	})
}

// BenchmarkCustom measures Sets with a custom detector against the built-in
// detectors alone (the baseline), streaming 4096-byte pieces. "custom" adds
// an employee-ID pattern; "presidio" adds Presidio's low-confidence PAN
// pattern, whose lookaheads read to the end of the window at every word.
func BenchmarkCustom(b *testing.B) {
	var none, dense strings.Builder
	for i := 0; none.Len() < 1<<18; i++ {
		fmt.Fprintf(&none, "2026-11-22 10:%02d:%02d INFO worker-%d processed batch %d in %dms status=ok\n", i%60, i%59, i%16, i*7919, i%5000)
	}
	for i := 0; dense.Len() < 1<<18; i++ {
		fmt.Fprintf(&dense, "employee EMP-%06d badge EMP-%06d, manager EMP-%06d\n", i, i*7, i*13)
	}
	withCustom := mustCustom(b,
		Custom{Kind: "employee_id", Pattern: `\bEMP-\d{6}\b`, MaxLen: 10, Context: []string{"employee"}})
	withPresidio := mustCustom(b, Custom{Kind: "pan_low", Pattern: presidioPANLow, MaxLen: 10})
	for _, in := range []struct {
		name string
		text []byte
	}{{"NoMatch", []byte(none.String())}, {"DenseMatches", []byte(dense.String())}} {
		for _, set := range []struct {
			name string
			s    *Set
		}{{"builtin", Default}, {"custom", withCustom}, {"presidio", withPresidio}} {
			b.Run(in.name+"/"+set.name, func(b *testing.B) {
				sc := set.s.NewScanner()
				var fs []Finding
				buf := make([]byte, 0, 2*4096)
				b.SetBytes(int64(len(in.text)))
				b.ReportAllocs()
				for b.Loop() {
					sc.Reset()
					buf = buf[:0]
					for i := 0; i < len(in.text); {
						j := min(len(in.text), i+4096)
						buf = append(buf, in.text[i:j]...)
						i = j
						var n int
						fs, n = sc.Scan(fs[:0], buf, i == len(in.text))
						sc.Commit(buf, n)
						buf = append(buf[:0], buf[n:]...)
					}
				}
			})
		}
	}
}

// TestCustomSetsIndependent runs one Set whose pattern times out, then
// another Set over the same text: the second must find what it finds alone.
// (Scanners are pooled; a memo kept across Sets once leaked between them.)
func TestCustomSetsIndependent(t *testing.T) {
	text := "hello " + strings.Repeat("x", 40) + " world EMP-123456 9876543210"
	slow := MustNew(Config{Custom: []Custom{{Kind: "slow", Pattern: `(?:x|x){1,60}y`, MaxLen: 64, Timeout: time.Millisecond}}})
	emp := MustNew(Config{Custom: []Custom{{Kind: "employee_id", Pattern: `EMP-[0-9]{6}`, MaxLen: 10, Timeout: time.Minute}}})
	want := emp.FindString(nil, text)
	for i := 0; i < 3; i++ {
		slow.FindString(nil, text)
		if got := emp.FindString(nil, text); !reflect.DeepEqual(got, want) {
			t.Fatalf("after another Set ran: got %v, want %v", got, want)
		}
	}
}

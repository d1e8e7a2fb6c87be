package redact

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/internal/fake"
	"golang.org/x/text/transform"
)

func TestMask(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// The contract's examples.
		{"2345 6789 0124", "XXXX XXXX 0124"},
		{"+91 98765 43210", "+91 XXXXX X3210"},
		{"Aadhaar 2341 2341 2346 ok", "Aadhaar XXXX XXXX 2346 ok"},
		{"uid=234123412346;", "uid=XXXXXXXX2346;"},
		{"3123-4567-8909", "XXXX-XXXX-8909"},
		{"3123\u00a04567\u00a08909", "XXXX\u00a0XXXX\u00a08909"},
		// A digit of another script becomes one X; kept ones stay as written.
		{"आधार: २३४१ २३४१ २३४६", "आधार: XXXX XXXX २३४६"},
		{"２３４１２３４１２３４６", "XXXXXXXX２３４６"},
		{"मोबाइल नंबर ९८७६५४३२१०", "मोबाइल नंबर XXXXXX३२१०"},
		// Zero-width characters stay where they are.
		{"2341\u200b2341\u200b2346", "XXXX\u200bXXXX\u200b2346"},
		{"PAN: ABCPD1234Z", "PAN: XXXXXX234Z"},
		{"pan abcpd1234z", "pan XXXXXX234z"},
		{"passport no J6932157", "passport no XXXX2157"},
		{"EPIC: WKH1186253", "EPIC: XXXXXX6253"},
		{"VID 2341 2341 2341 2341", "VID XXXX XXXX XXXX 2341"},
		{"(+91) 9876543210", "(+91) XXXXXX3210"},
		{"987-654-3210", "XXX-XXX-3210"},
		{`{"mobile":9876543210,"pan":"ABCPD1234Z"}`, `{"mobile":XXXXXX3210,"pan":"XXXXXX234Z"}`},
		// Already masked: left alone.
		{"XXXX XXXX 2346", "XXXX XXXX 2346"},
		{"+91 XXXXX X3210", "+91 XXXXX X3210"},
		// Not identifiers.
		{"rrn=234123412346 status=ok", "rrn=234123412346 status=ok"},
		{"card 4111 2341 2341 2346", "card 4111 2341 2341 2346"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Default.String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Default.Bytes([]byte(tt.in)); string(got) != tt.want {
			t.Errorf("Bytes(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Default.AppendBytes([]byte("> "), []byte(tt.in)); string(got) != "> "+tt.want {
			t.Errorf("AppendBytes(%q) = %q, want %q", tt.in, got, "> "+tt.want)
		}
	}
}

// TestAlnum checks the ASCII fast path against detectors.Alnum.
func TestAlnum(t *testing.T) {
	for c := 0; c < 256; c++ {
		b := []byte{byte(c), 0x80, 0x80}
		wc, ws := detectors.Alnum(b)
		gc, gs := alnum(b)
		if gc != wc || gs != ws {
			t.Errorf("alnum(%#x) = %q, %d; detectors.Alnum: %q, %d", c, gc, gs, wc, ws)
		}
	}
	// Percent escapes are one character each.
	for _, s := range []string{"%39", "%2B", "%20", "%2b", "%%3", "%zz", "%E0"} {
		wc, ws := detectors.Alnum([]byte(s))
		gc, gs := alnum([]byte(s))
		if gc != wc || gs != ws {
			t.Errorf("alnum(%q) = %q, %d; detectors.Alnum: %q, %d", s, gc, gs, wc, ws)
		}
	}
}

// TestAppendMaskASCII checks appendMask's in-place path against the
// character-by-character path, and on a few spans by value. Spans mix ASCII,
// characters of other scripts and percent escapes, so that the in-place path
// also hands over to appendMaskChars half-way; the output goes into a buffer
// of exactly the room maskLen promises, which emit relies on (a larger
// write would reallocate, and the output would be lost).
func TestAppendMaskASCII(t *testing.T) {
	for _, c := range []struct {
		span string
		keep int
		want string
	}{
		{"2345 6789 0124", 4, "XXXX XXXX 0124"},
		{"+91-98765-43210", 4, "+XX-XXXXX-X3210"},
		{"abcpd1234z", 4, "XXXXXX234z"},
		{"12", 4, "12"},
		{"9876543210", 0, "XXXXXXXXXX"},
	} {
		if got := string(appendMask([]byte("<"), []byte(c.span), c.keep, "X")); got != "<"+c.want {
			t.Errorf("appendMask(%q, %d) = %q, want %q", c.span, c.keep, got, "<"+c.want)
		}
	}
	const chars = "0123456789abcXYZ -.:+()/_"
	wide := []string{"२", "४", "２", "\u200b", "%2B", "%20", "%", "é"}
	r := rand.New(rand.NewPCG(7, 7))
	for i := range 4000 {
		var b []byte
		for range r.IntN(24) {
			if i%2 == 1 && r.IntN(5) == 0 {
				b = append(b, wide[r.IntN(len(wide))]...)
			} else {
				b = append(b, chars[r.IntN(len(chars))])
			}
		}
		keep := r.IntN(6)
		want := appendMaskChars(nil, b, keep, "#")
		dst := make([]byte, 1, 1+maskLen(b, keep, 1))
		got := appendMask(dst, b, keep, "#")
		if !bytes.Equal(got[1:], want) {
			t.Fatalf("appendMask(%q, %d) = %q, appendMaskChars gives %q", b, keep, got[1:], want)
		}
		if &got[0] != &dst[0] {
			t.Fatalf("appendMask(%q, %d) grew a buffer of the room maskLen gives", b, keep)
		}
	}
}

func TestMaskOptions(t *testing.T) {
	p := Policy{
		Default: Rule{Keep: new(0), Char: "•"},
		Kinds: map[detectors.Kind]Rule{
			detectors.PAN:    {Keep: new(2), Char: "*"},
			detectors.Mobile: {Keep: new(20)},
		},
	}
	r := MustNew(p)
	in := "aadhaar २३४१ २३४१ २३४६ pan ABCPD1234Z mobile 9876543210"
	want := "aadhaar •••• •••• •••• pan ********4Z mobile 9876543210"
	if got := r.String(in); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestLabel(t *testing.T) {
	r := MustNew(Policy{
		Default: Rule{Action: ActionLabel},
		Kinds:   map[detectors.Kind]Rule{detectors.PAN: {Action: ActionLabel, Label: "<PAN REDACTED>"}},
	})
	in := "aadhaar 2341 2341 2346 vid 2341 2341 2341 2341 pan ABCPD1234Z passport no J6932157 EPIC: WKH1186253 mobile +91 98765 43210"
	want := "aadhaar [AADHAAR] vid [AADHAAR_VID] pan <PAN REDACTED> passport no [PASSPORT] EPIC: [VOTER_ID] mobile +91 [MOBILE]"
	if got := r.String(in); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}

// macHex computes a token's hex digits the way ActionToken documents it.
func macHex(key []byte, k detectors.Kind, canonical string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(string(k) + "\x00" + canonical))
	sum := hex.EncodeToString(m.Sum(nil))
	for w := 0; w < 4; w++ {
		if strings.ContainsAny(sum[w*16:w*16+16], "abcdef") {
			return sum[w*16 : w*16+16]
		}
	}
	return string('a'+(sum[0]-'0')%6) + sum[1:16]
}

func TestToken(t *testing.T) {
	r := MustNew(PseudonymPolicy(testKey))
	want := "[MOBILE:" + macHex(testKey, detectors.Mobile, "9876543210") + "]"
	// Every written form of the same number gives the same token.
	for _, in := range []string{
		"9876543210", "+91 98765 43210", "+91-9876543210", "098765 43210", "987-654-3210",
		"९८७६५४३२१०", "９８７６５４３２１０", "98765\u200b43210", "0091 98765 43210",
	} {
		got := r.String("mobile " + in)
		if !strings.HasSuffix(got, want) || strings.Contains(got, "3210") || strings.Contains(got, "३२१०") {
			t.Errorf("%q: got %q, want a token %s", in, got, want)
		}
	}
	// Case does not matter for a PAN.
	pan := "[PAN:" + macHex(testKey, detectors.PAN, "ABCPD1234Z") + "]"
	for _, in := range []string{"PAN: ABCPD1234Z", "pan abcpd1234z", "pan ABCPD 1234 Z"} {
		if got := r.String(in); !strings.HasSuffix(got, pan) {
			t.Errorf("%q: got %q, want %s", in, got, pan)
		}
	}
	// A passport in an MRZ gives the token of its number.
	l1, l2 := fake.IndianTD3("Sharma", "Ravi", "J6932157", false, "740812", "320415").Lines()
	mrz := l1 + "\n" + l2
	if fs := r.Scan(nil, []byte(mrz)); len(fs) != 1 || fs[0].End-fs[0].Start != len(mrz) {
		t.Fatalf("MRZ %q not found as one passport: %v", mrz, fs)
	}
	if got, want := r.String(mrz), r.String("passport no J6932157"); "passport no "+got != want {
		t.Errorf("MRZ token %q, passport number token %q", got, want)
	}
	// The kind is part of the MAC: the same digits as another kind give
	// another token.
	a := r.String("aadhaar 2341 2341 2346")
	if !strings.HasSuffix(a, "[AADHAAR:"+macHex(testKey, detectors.Aadhaar, "234123412346")+"]") {
		t.Errorf("Aadhaar token %q", a)
	}
	if macHex(testKey, detectors.Aadhaar, "9876543210") == macHex(testKey, detectors.Mobile, "9876543210") {
		t.Error("kinds collide")
	}
	// Another key gives another token.
	other := MustNew(PseudonymPolicy([]byte("another key of 16+ bytes")))
	if other.String("9876543210") == r.String("9876543210") {
		t.Error("the key does not change the token")
	}
	// Format.
	if !regexp.MustCompile(`^mobile \[MOBILE:[0-9a-f]{16}\]$`).MatchString(r.String("mobile 9876543210")) {
		t.Errorf("token format: %q", r.String("mobile 9876543210"))
	}
}

// TestTokenNeverDecimal checks the rare case of a MAC whose first 16 hex
// digits are all decimal: the token must still hold a letter, so that it
// never reads as a number.
func TestTokenNeverDecimal(t *testing.T) {
	r := MustNew(PseudonymPolicy(testKey))
	found := 0
	for i := 0; i < 200000 && found < 3; i++ {
		m := fmt.Sprintf("9%09d", i)
		h := hmac.New(sha256.New, testKey)
		h.Write([]byte("mobile\x00" + m))
		first := hex.EncodeToString(h.Sum(nil))[:16]
		if strings.ContainsAny(first, "abcdef") {
			continue
		}
		found++
		got := r.String("mobile " + m)
		want := "mobile [MOBILE:" + macHex(testKey, detectors.Mobile, m) + "]"
		if got != want || strings.Contains(got, first) {
			t.Errorf("%s (MAC starts %s): got %q, want %q", m, first, got, want)
		}
	}
	if found == 0 {
		t.Fatal("no all-decimal MAC found; the search is too short")
	}
}

func TestAllow(t *testing.T) {
	r := MustNew(Policy{Allow: []string{"abcpd 1234 z", "+91 98765 43210", "2341-2341-2346"}})
	in := "PAN ABCPD1234Z other ABCPE1234Z mobile 9876543210 (+91) ९८७६५४३२१० other 9876543211 aadhaar 2341 2341 2346"
	want := "PAN ABCPD1234Z other XXXXXX234Z mobile 9876543210 (+91) ९८७६५४३२१० other XXXXXX3211 aadhaar 2341 2341 2346"
	if got := r.String(in); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	var sc []detectors.Finding
	sc = r.Scan(sc, []byte(in))
	if len(sc) != 2 {
		t.Fatalf("Scan reported %d findings, want the 2 not allowed: %v", len(sc), sc)
	}
	w := r.NewWriter(io.Discard)
	w.Write([]byte(in))
	w.Close()
	if s := w.Stats(); s.Allowed != 4 || s.Found[detectors.PAN] != 1 || s.Found[detectors.Mobile] != 1 {
		t.Fatalf("Stats %v", s)
	}
}

func TestKeepAndMinScore(t *testing.T) {
	// A passport number without a context word scores below the default
	// threshold.
	fs := detectors.Default.FindString(nil, "J6932158")
	if len(fs) != 1 || fs[0].Score >= detectors.DefaultThreshold {
		t.Fatalf("detectors: %v", fs)
	}
	low := fs[0].Score
	in := "J6932158 and mobile 9876543210"
	if got := Default.String(in); got != "J6932158 and mobile XXXXXX3210" {
		t.Fatalf("default: %q", got)
	}
	r := MustNew(Policy{MinScore: &low, Kinds: map[detectors.Kind]Rule{detectors.Mobile: {Action: ActionKeep}}})
	if got := r.String(in); got != "XXXX2158 and mobile 9876543210" {
		t.Fatalf("min %v, keep mobile: %q", low, got)
	}
	fs = r.Scan(nil, []byte(in))
	if len(fs) != 2 || fs[1].Kind != detectors.Mobile {
		t.Fatalf("Scan: %v", fs)
	}
	if got := MustNew(Policy{MinScore: new(1.0)}).String(in); got != in {
		t.Fatalf("min 1: %q", got)
	}
}

func TestScan(t *testing.T) {
	text := []byte(mixed)
	fs := Default.Scan(nil, text)
	if len(fs) < 8 {
		t.Fatalf("Scan found %d identifiers in mixed: %v", len(fs), fs)
	}
	prev := 0
	for _, f := range fs {
		if f.Start < prev || f.End <= f.Start || f.End > len(text) || f.Score < detectors.DefaultThreshold {
			t.Fatalf("bad finding %+v", f)
		}
		prev = f.End
	}
	// Scan appends.
	dst := []detectors.Finding{{Kind: "x"}}
	if got := Default.Scan(dst, text); len(got) != len(fs)+1 || got[0].Kind != "x" {
		t.Fatal("Scan does not append")
	}
	// The redacted output has no findings left.
	if out := Default.Scan(nil, Default.Bytes(text)); len(out) != 0 {
		t.Fatalf("findings in the output: %v", out)
	}
}

// TestNoIdentifier checks that text without identifiers comes out byte for
// byte, and that String returns it without allocating.
func TestNoIdentifier(t *testing.T) {
	inputs := []string{
		"",
		"plain ascii text, nothing to see\n",
		"\x00\x01\x02 NUL and control bytes \x7f",
		"invalid \xff\xfe\xfd UTF-8 \xe0\xa5 truncated \xf0\x9f",
		"ts=1700000000 order_id=9876543210 rrn=234123412346 ip=10.0.0.1",
		"नमस्ते दुनिया 🙂 ＡＢＣ",
		string(fake.Samples(1)[6].Text), // clean.txt: no identifiers by construction
	}
	for _, p := range testPolicies() {
		for _, in := range inputs {
			if fs := p.r.Scan(nil, []byte(in)); len(fs) > 0 {
				continue // the detectors see something; not a test of this
			}
			if got := p.r.String(in); got != in {
				t.Errorf("%s: String changed %q to %q", p.name, trunc(in), trunc(got))
			}
			if got := p.r.Bytes([]byte(in)); !bytes.Equal(got, []byte(in)) {
				t.Errorf("%s: Bytes changed %q", p.name, trunc(in))
			}
			var b bytes.Buffer
			w := p.r.NewWriter(&b)
			w.Write([]byte(in))
			w.Close()
			if b.String() != in {
				t.Errorf("%s: Writer changed %q", p.name, trunc(in))
			}
		}
	}
	in := "ts=1700000000 level=info msg=\"all good\" took=15ms"
	if n := testing.AllocsPerRun(100, func() { Default.String(in) }); n != 0 {
		t.Errorf("String without identifiers: %v allocations, want 0", n)
	}
}

func trunc(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// TestFailClosed checks that a finding with an error is masked whole,
// whatever the policy, the allow list and the score, and is counted.
func TestFailClosed(t *testing.T) {
	src := []byte("id 9876543210 ABCDEF end")
	f := detectors.Finding{Kind: "employee_id", Start: 3, End: 20, Score: 0.01, Err: detectors.ErrTimeout}
	for _, p := range []Policy{
		DefaultPolicy(),
		StrictPolicy(),
		PseudonymPolicy(testKey),
		{Default: Rule{Action: ActionKeep}, Allow: []string{"9876543210ABCDEF"}},
		{Default: Rule{Char: "#", Keep: new(8)}},
	} {
		r := MustNew(p)
		char := "X"
		if p.Default.Char != "" {
			char = p.Default.Char
		}
		want := "id " + strings.Repeat(char, 10) + " " + strings.Repeat(char, 6) + " end"
		e := &engine{r: r}
		e.fs = []detectors.Finding{f}
		e.decide(src, len(src))
		if got := e.appendOutput(nil, src); string(got) != want {
			t.Errorf("%+v: got %q, want %q", p, got, want)
		}
		s := e.stats()
		if s.Failed != 1 || s.Err != detectors.ErrTimeout || s.Found["employee_id"] != 1 || s.Redacted["employee_id"] != 1 {
			t.Errorf("%+v: stats %v", p, s)
		}
	}
}

// TestFailClosedStream runs a custom pattern that times out through the
// streams. It is skipped when the pattern does not time out on this machine.
func TestFailClosedStream(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for a pattern to time out")
	}
	r, err := New(Policy{Default: Rule{Action: ActionKeep}, Custom: []detectors.Custom{{
		Kind: "slow", Pattern: `(?:x|xx){1,60}y`, MaxLen: 130, Timeout: time.Millisecond,
	}}})
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("first line\nhello " + strings.Repeat("x", 60) + " world 9876543210\nlast line\n")
	fs := r.Scan(nil, text)
	if len(fs) == 0 || fs[0].Err == nil {
		t.Skipf("the pattern did not time out: %v", fs)
	}
	want := r.Bytes(text)
	if bytes.Contains(want, []byte("9876543210")) || !bytes.HasPrefix(want, []byte("first line\n")) {
		t.Fatalf("one-shot: %q", want)
	}
	var b bytes.Buffer
	w := r.NewWriter(&b)
	w.Write(text)
	w.Close()
	if !bytes.Equal(b.Bytes(), want) {
		t.Fatalf("Writer: %q, want %q", b.Bytes(), want)
	}
	if s := w.Stats(); s.Failed != 1 || s.Err != detectors.ErrTimeout {
		t.Fatalf("Writer stats: %v", s)
	}
	tr := r.Transformer()
	got, _, err := transform.Bytes(tr, text)
	if err != nil || !bytes.Equal(got, want) || tr.Stats().Failed != 1 {
		t.Fatalf("Transformer: %q, %v, %v", got, err, tr.Stats())
	}
}

func TestStatsString(t *testing.T) {
	s := Stats{
		Found:    map[detectors.Kind]int64{detectors.Mobile: 2, detectors.Aadhaar: 1, "emp": 3},
		Redacted: map[detectors.Kind]int64{detectors.Mobile: 2, detectors.Aadhaar: 1},
		Allowed:  1, Failed: 3, Err: detectors.ErrTimeout,
	}
	want := "found aadhaar=1 mobile=2 emp=3; redacted aadhaar=1 mobile=2; allowed 1; failed 3 (detectors: custom pattern timed out)"
	if got := s.String(); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if got := (Stats{}).String(); got != "found none; redacted none" {
		t.Fatalf("empty: %s", got)
	}
}

// TestConcurrent uses one Redactor from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	r := MustNew(PseudonymPolicy(testKey))
	text := []byte(strings.Repeat(mixed, 5))
	want := r.Bytes(text)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for range 20 {
				var got []byte
				switch i % 4 {
				case 0:
					got = []byte(r.String(string(text)))
				case 1:
					var b bytes.Buffer
					w := r.NewWriter(&b)
					w.Write(text)
					w.Close()
					got = b.Bytes()
				case 2:
					got, _ = io.ReadAll(r.NewReader(bytes.NewReader(text)))
				case 3:
					got, _, _ = transform.Bytes(r.Transformer(), text)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("goroutine %d: output differs", i)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestIdempotent checks that redacting the output again changes nothing and
// that none of the input's identifiers is found in the output.
func TestIdempotent(t *testing.T) {
	for _, p := range testPolicies() {
		for _, c := range streamCorpus(0) {
			// Labels and tokens hold words ("[MOBILE]") that the detectors
			// may read as context for the numbers next to them (see
			// FuzzIdempotent); the samples hold none of those cases.
			checkIdempotent(t, p.name+"/"+c.name, p.r, c.text, true)
		}
	}
}

// TestIdempotentNeighbours checks the inputs on which a second pass once
// found more than the first, because the detectors score a number by its
// neighbours and the first pass changed a neighbour: a group that is part of a
// finding, and a placeholder such as [MOBILE], must leave the neighbours'
// scores as they were.
func TestIdempotentNeighbours(t *testing.T) {
	cases := []struct {
		policy string
		text   string
		why    string
	}{
		{"default", "00000000000000 91 70000 00000 2341 2341 २३४६",
			"a group that is part of a finding must not block the 4-4-4 group next to it, or masking it changes what the second pass sees"},
		{"strict", "name,mobile,id_number,rrn\r\n\"Sharma, Ravi\",9876543210,234123412346,345678901234\r\n",
			"the label [MOBILE] must not be read as a context word for the number after it"},
		{"default", "7000000000.2341 2341 2346",
			"a group that begins a finding must not block the number before it either, or masking it shows that number whole (found by FuzzCSV)"},
		{"default", "+9198765 43210 2341 2341 2346",
			"the same on the right of a grouped mobile number"},
		{"default", "id 2341 2341 2346-2024-2024 ok",
			"two numbers that share a group are masked as one, or the group the mask keeps begins the second"},
		{"default", "mobile 987 654 3210 0987 654 3210",
			"a neighbour in which a finding begins after its first digit (the trunk zero, which the mask keeps) blocks nothing either"},
		{"strict", "0.7544661674/8753370225",
			"a label after a number is no context word for it"},
		{"pseudonym", "7672+338+315%206667188138",
			"a '+' inside a finding makes no calling code of the group after it, which the label hides"},
		{"pseudonym", "ABC1234567 xxxxxxxxxxxxxxxxx epic=WKH1186253",
			"a token that the window after a number cuts short is no context word either (found by review)"},
		{"default", "ph 70208:29499 3258  7756  7484 adhar",
			"a masked value reads as the digits it replaced: the word before it names that value, not the next (found by review)"},
		{"pseudonym", "vid 6922503456 927  697  9258 ph",
			"the hexadecimal part of a token is no word (found by review)"},
		{"default", "mob:882 211 5555)7854  3979  4685-adhar",
			"nor is the mask of a mobile number written 3-3-4 (found by review)"},
	}
	for _, c := range cases {
		var r *Redactor
		for _, p := range testPolicies() {
			if p.name == c.policy {
				r = p.r
			}
		}
		once := r.Bytes([]byte(c.text))
		if twice := r.Bytes(once); !bytes.Equal(once, twice) {
			t.Errorf("%s: %q: a second pass changes %q to %q (%s)", c.policy, c.text, once, twice, c.why)
		}
		checkIdempotent(t, c.policy, r, []byte(c.text), false)
	}
}

// TestIdempotentChains redacts random chains of digit groups twice under
// each test policy and requires the same output: numbers of every length
// with every separator, valid Aadhaar numbers in groups of four, mobile
// numbers in groups after a trunk zero, 91 or +91, letters that may begin
// a PAN. Such chains are where a finding and its neighbours decide each
// other; each fix of a case it found is in TestIdempotentNeighbours.
func TestIdempotentChains(t *testing.T) {
	seps := []string{" ", " ", ".", "  ", "-", ":", "/", ",", "(", ")", "+", "_", " - ", ". ", "+91 ", "0", "x", "ABCDE", "F", "\n", "   "}
	digits := func(r *rand.Rand, b []byte, n int, from byte) []byte {
		for range n {
			b = append(b, from+byte(r.IntN(int(10-(from-'0')))))
		}
		return b
	}
	grouped := func(b, d []byte, sep string, sizes ...int) []byte {
		for i, n := range sizes {
			if i > 0 {
				b = append(b, sep...)
			}
			b, d = append(b, d[:n]...), d[n:]
		}
		return b
	}
	r := rand.New(rand.NewPCG(21, 22))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		var b []byte
		for range 2 + r.IntN(9) {
			sep := seps[r.IntN(5)]
			switch r.IntN(6) {
			case 0:
				d := digits(r, nil, 11, '2')
				d = append(d, detectors.VerhoeffDigit(d))
				b = grouped(b, d, sep, 4, 4, 4)
			case 1, 2:
				b = append(b, []string{"", "0", "91", "+91 "}[r.IntN(4)]...)
				d := digits(r, digits(r, nil, 1, '6'), 9, '0')
				b = grouped(b, d, sep, [][]int{{3, 3, 4}, {5, 5}, {10}}[r.IntN(3)]...)
			default:
				b = digits(r, b, 1+r.IntN(12), '0')
			}
			b = append(b, seps[r.IntN(len(seps))]...)
		}
		for _, p := range testPolicies() {
			once := p.r.Bytes(b)
			if twice := p.r.Bytes(once); !bytes.Equal(once, twice) {
				t.Fatalf("%s: %q: a second pass changes %q to %q", p.name, b, once, twice)
			}
		}
	}
}

// redactSpans is Redactor.Bytes that also returns where each replacement is
// in the output.
func redactSpans(r *Redactor, text []byte) (out []byte, spans [][2]int) {
	e := &engine{r: r}
	e.oneShot(text)
	pos := 0
	for i := range e.hits {
		h := &e.hits[i]
		out = append(out, text[pos:h.start]...)
		s := len(out)
		out = e.appendReplacement(out, text, h)
		if h.act != actKeep && h.act != actAllow {
			spans = append(spans, [2]int{s, len(out)})
		}
		pos = h.end
	}
	return append(out, text[pos:]...), spans
}

// checkIdempotent checks r's output of text: a second pass leaves every
// replacement of the first as it is, and when exact, changes nothing at all;
// no value r replaced is found in its output.
func checkIdempotent(t testing.TB, name string, r *Redactor, text []byte, exact bool) {
	t.Helper()
	once, spans := redactSpans(r, text)
	if !bytes.Equal(once, r.Bytes(text)) {
		t.Fatalf("%s: redactSpans disagrees with Bytes", name)
	}
	twice := r.Bytes(once)
	if exact && !bytes.Equal(once, twice) {
		i := firstDiff(once, twice)
		t.Fatalf("%s: redacting twice differs at byte %d:\nonce  %q\ntwice %q", name, i, around(once, i), around(twice, i))
	}
	found := r.Scan(nil, once)
	for _, f := range found {
		for _, sp := range spans {
			if f.Start < sp[1] && sp[0] < f.End {
				t.Fatalf("%s: the second pass finds %s %q over the replacement %q in %q",
					name, f.Kind, once[f.Start:f.End], once[sp[0]:sp[1]], once)
			}
		}
	}
	// No value the policy replaced is found in the output, unless the same
	// value is also somewhere in the input where the policy left it (below
	// the threshold, say).
	replaced, left := map[string]bool{}, map[string]bool{}
	acted := map[[2]int]bool{}
	for _, f := range r.Scan(nil, text) {
		if rl, _ := r.ruleFor(f.Kind); rl.action != ActionKeep || f.Err != nil {
			replaced[string(canonical(nil, f.Kind, text[f.Start:f.End]))] = true
			acted[[2]int{f.Start, f.End}] = true
		}
	}
	for _, f := range detectors.Default.Find(nil, text) {
		if !acted[[2]int{f.Start, f.End}] {
			left[string(canonical(nil, f.Kind, text[f.Start:f.End]))] = true
		}
	}
	for _, f := range found {
		if v := string(canonical(nil, f.Kind, once[f.Start:f.End])); replaced[v] && !left[v] {
			t.Fatalf("%s: %s %q is in the output", name, f.Kind, once[f.Start:f.End])
		}
	}
}

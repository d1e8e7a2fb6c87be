package detectors

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// findFull runs Find with every fast path turned off: each digit goes
// through the full examination.
func findFull(s *Set, text []byte) []Finding {
	fullExam = true
	defer func() { fullExam = false }()
	return s.Find(nil, text)
}

// checkFastPaths checks that the fast paths find exactly what the full
// examination finds in text (streaming is checked against one shot
// elsewhere: FuzzStreamingEqualsOneShot).
func checkFastPaths(t *testing.T, text []byte) {
	t.Helper()
	want := findFull(Default, text)
	got := Default.Find(nil, text)
	if !reflect.DeepEqual(got, want) {
		// Show the findings from the first difference on.
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		g, w := got[i:min(len(got), i+3)], want[i:min(len(want), i+3)]
		t.Fatalf("fast paths differ from the full examination in %q (%d bytes), from finding %d:\n got %s %v\nwant %s %v",
			clip(text), len(text), i, describe(string(text), g), g, describe(string(text), w), w)
	}
}

func clip(b []byte) []byte {
	if len(b) > 300 {
		return b[:300]
	}
	return b
}

// fastPathText builds text from the pieces the fast paths decide on: digit
// runs of every length, separators, letters, prefixes and edges.
func fastPathText(r *rand.Rand, n int) []byte {
	pieces := []string{" ", " ", "-", ".", ":", "+", "/", ",", "\"", "(", ")", "%", "<", "\n", "=", "_", "&", "@", ";", "\t", "\r", ">",
		"+91", "0091", "91", "0", "ABC", "T", "ABCDE", "F", "x", "ms", "a81c13ee8c9eb0f1044e0dcb74945ed9", "P<IND", "<<<<", "\n\n", "\u0966", "\u200b", "\u00a0", "\uff19", "aadhaar ", "mobile: ", "pan ",
		"%20", "%2B", "%C2%A0", "%E0%A5%A8", "%E2%80%8B", "%EF%BC%99", "%A0", "%E0%A5",
		"2026-11-22T10:32:21", "2026-11-22 10:", "Z", ".123", "+05:30", "2026:10:32:21 +0530]", "10.1.22.250",
		"  ", "   ", "2341  2341  2346", "98765  43210"}
	var b []byte
	for len(b) < n {
		if r.IntN(3) == 0 {
			b = append(b, pieces[r.IntN(len(pieces))]...)
			continue
		}
		k := 1 + r.IntN(17)
		first := byte('0' + r.IntN(10))
		b = append(b, first)
		for i := 1; i < k; i++ {
			b = append(b, byte('0'+r.IntN(10)))
		}
		if k == 12 || k == 16 {
			if r.IntN(2) == 0 {
				// Make the checksum right half of the time.
				b[len(b)-1] = VerhoeffDigit(b[len(b)-k : len(b)-1])
			}
		}
	}
	return b
}

func TestFastPathsAgree(t *testing.T) {
	for _, name := range benchOrder {
		checkFastPaths(t, benchInputs[name][:64<<10])
	}
	files, _ := filepath.Glob("../testdata/*.*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkFastPaths(t, b)
	}
	// Prefixes next to parentheses, which the gap between groups may hold
	// (found by FuzzFastPathsAgree).
	for _, s := range []string{" 0(700 000 0000", "0)7000000000 0000", "x 0 (700) 000 0000 y", "x 91 (98765) 43210 y",
		"x 0091 (98765) 43210 y", "x 0(700)0000000 y", "x 0) 7000000000 y", "x (0)98765 43210 y", "(987) 654 3210 x",
		// A separator the fast paths cannot read after the next run (an en
		// dash): a trunk zero glued to four digits may still begin a mobile.
		"Ph 07000-000–000",
		// A parenthesis before a percent-encoded or Devanagari digit.
		"x 91 (%391 2341 2341 2346 y", "x 0091.(%390091 98765 43210, y", "x 91 (\u096f1 2341 2341 2346 y"} {
		checkFastPaths(t, []byte(s))
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		checkFastPaths(t, fastPathText(r, 200+r.IntN(400)))
	}
	// With a CSV header the scan also follows the column, whose name is
	// context: the fast paths must leave that unchanged too.
	for i := 0; i < 1000; i++ {
		text := csvText(r, csvHeaders[i%len(csvHeaders)], 200+r.IntN(400))
		if i < len(csvHeaders) {
			if hdr, _ := findHeader(text, true); !hdr.on {
				t.Fatalf("no CSV header found in %q", clip(text))
			}
		}
		checkFastPaths(t, text)
	}
}

// TestBlockRunAgrees puts the shapes that blockRun decides from the block
// masks (and those it must leave to step and fast) at every offset of a
// 64-byte block, so that each reaches the block's edges, and checks that the
// findings are those of the full examination.
func TestBlockRunAgrees(t *testing.T) {
	shapes := []string{"2026-11-22", "10:32:21", "10.1.22.250", "1234ms", "in 2276ms (queue", "x86_64", "X11; ",
		"ORD12345678", "retries 0)", "0) 98765 43210", "0 (98765) 43210", " 0 %37000000000", "0 %2098765 43210",
		"ABC 1234567", "T 4401106", "ABCPD1234Z", "abcpd 1234 z", "X11 98765", "98k 76543", "a1 2345 6789 0123",
		"2341 2341 2346", "2341-2341-2346", "+91 98765 43210", "0 98765 43210", "98765-43210", "987 654 3210",
		"ID 12345678x", "J6932157", "WKH1186253", "123456789012", "2341234123412341", "ad427317011868ca",
		"0091 98765 43210", "91 98765 43210", "098765 43210", "5 5 5", "1234 F", "[22/Nov/2026:10:32:21 +0530]",
		"+0530 98765", "+9 98765 43210", "+91 9876543210", "+919876543210", "+1234 5678",
		// A parenthesis before a percent-encoded or Devanagari digit, after
		// a prefix ("(%39" is "(9"; found by a randomized review).
		"91 (%391 2341 2341 2346", "0091.(%390091 98765 43210,", "91 (\u096f1 2341 2341 2346", "ab1 (%39876543210 x"}
	for _, sh := range shapes {
		for off := 0; off < 72; off++ {
			// The scan reads blocks from the first stop after "x 5".
			text := "x 5 " + strings.Repeat("a", off%7) + strings.Repeat(" ", off-off%7) + sh + " tail of the line, long enough for a block: " + strings.Repeat("z ", 40)
			checkFastPaths(t, []byte(text))
			checkFastPaths(t, []byte("x 5 "+strings.Repeat("-", off)+sh+"\n"+strings.Repeat("y ", 50)))
		}
	}
}

// csvHeaders are header lines that turn on the CSV mode, one per delimiter.
var csvHeaders = []string{
	"name,mobile,id_number,ref_no",
	"name;aadhaar;order_id;remarks",
	"name\tphone\ttxn\tpassport",
	"id|pan|voter_id|amount",
}

// csvText builds a table of about n bytes under header: rows of four fields
// made by fastPathText, some quoted with the delimiter inside, some rows
// with a field more or less.
func csvText(r *rand.Rand, header string, n int) []byte {
	delim := header[strings.IndexAny(header, ",;\t|")]
	b := append([]byte(header), '\n')
	for row := 0; len(b) < n; row++ {
		cols := 4
		if row > 0 {
			cols = 3 + r.IntN(3)
		}
		for c := 0; c < cols; c++ {
			if c > 0 {
				b = append(b, delim)
			}
			f := fastPathText(r, 2+r.IntN(24))
			for k, x := range f {
				if x == '\n' || x == delim || x == '"' {
					f[k] = ' '
				}
			}
			if r.IntN(4) == 0 {
				b = append(b, '"')
				b = append(b, f[:len(f)/2]...)
				b = append(b, delim)
				b = append(b, f[len(f)/2:]...)
				b = append(b, '"')
			} else {
				b = append(b, f...)
			}
		}
		b = append(b, '\n')
	}
	return b
}

func FuzzFastPathsAgree(f *testing.F) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 8; i++ {
		f.Add(fastPathText(r, 300))
	}
	f.Add([]byte(mixed))
	for _, h := range csvHeaders {
		f.Add(csvText(r, h, 300))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		checkFastPaths(t, text)
	})
}

// TestCSVAdvance checks csvAdvance against the byte-by-byte rule it
// implements, on random rows of delimiters, quotes and newlines.
func TestCSVAdvance(t *testing.T) {
	ref := func(b []byte, delim byte, field int, quoted bool) (int, bool) {
		for _, c := range b {
			switch {
			case c == '"':
				quoted = !quoted
			case c == '\n' && !quoted:
				field = 0
			case c == delim && !quoted:
				field++
			}
		}
		return field, quoted
	}
	r := rand.New(rand.NewPCG(8, 9))
	const chars = "ab1,;|\t\"\n "
	for i := 0; i < 20000; i++ {
		b := make([]byte, r.IntN(40))
		for k := range b {
			b[k] = chars[r.IntN(len(chars))]
		}
		delim := ",;|\t"[r.IntN(4)]
		f0, q0 := r.IntN(3), r.IntN(2) == 0
		f, q := csvAdvance(b, delim, f0, q0)
		wf, wq := ref(b, delim, f0, q0)
		if f != wf || q != wq {
			t.Fatalf("csvAdvance(%q, %q, %d, %v) = %d, %v; want %d, %v", b, delim, f0, q0, f, q, wf, wq)
		}
	}
}

// TestLastIndexByte checks lastIndexByte (the vector version where one is
// built) and the word-at-a-time lastIndexByteGo against the standard library
// on every length up to 80, with the byte sought, its neighbours (which
// borrow in the word test) and high bytes at every place, and the byte
// sought made rarer as the length grows.
func TestLastIndexByte(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	alphabet := []byte{'\n', '\n' - 1, '\n' + 1, 0, 0x80, 0x8A, 0xFF, 'a'}
	for n := 0; n <= 80; n++ {
		for k := range 200 {
			b := make([]byte, n)
			for i := range b {
				b[i] = alphabet[1+r.IntN(len(alphabet)-1)]
				if r.IntN(1+k%(n+1)) == 0 {
					b[i] = '\n'
				}
			}
			want := bytes.LastIndexByte(b, '\n')
			if got := lastIndexByte(b, '\n'); got != want {
				t.Fatalf("lastIndexByte(%q) = %d, want %d", b, got, want)
			}
			if got := lastIndexByteGo(b, '\n'); got != want {
				t.Fatalf("lastIndexByteGo(%q) = %d, want %d", b, got, want)
			}
		}
	}
}

// TestLookupWord checks the word table: every context word and generic word
// is found in any case, with its label, and words that are not in it (also
// those that share a length and first letter with one) are not.
func TestLookupWord(t *testing.T) {
	cases := []struct {
		word    string
		lbl     label
		generic bool
	}{
		{"Aadhaar", kindBit(iAadhaar), false},
		{"PASSPORT", kindBit(iPassport), false},
		{"mobile", kindBit(iMobile) | lblCell, false},
		{"Phone", kindBit(iMobile), false},
		{"RRN", lblNeg | lblStrong, false},
		{"account", negBit(iAadhaar) | negBit(iVID) | negBit(iMobile), false},
		{"Number", lblNone, true},
		{"ID", lblNone, true},
		{"नंबर", lblNone, true},
		{"आधार", kindBit(iAadhaar), false},
		{"mobil", lblNone, false},
		{"mobiles", lblNone, false},
		{"panx", lblNone, false},
		{"company", lblNone, false},
	}
	for _, c := range cases {
		lbl, gen := lookupWord([]byte(c.word))
		if lbl != c.lbl || gen != c.generic {
			t.Errorf("lookupWord(%q) = %#x, %v; want %#x, %v", c.word, lbl, gen, c.lbl, c.generic)
		}
	}
	n := 0
	for _, e := range wordTable {
		if e.word == "" {
			continue
		}
		n++
		lbl, gen := lookupWord([]byte(strings.ToUpper(e.word)))
		if lbl != e.lbl || gen != e.generic {
			t.Errorf("lookupWord(%q) = %#x, %v; want %#x, %v", strings.ToUpper(e.word), lbl, gen, e.lbl, e.generic)
		}
	}
	if n < 200 {
		t.Errorf("word table holds %d words", n)
	}
}

// labelWindows returns a maker of random windows of context for
// nearestLabel: context words and generic words (lower case, capitalized and
// upper case), masked values, placeholders, percent escapes, digits, a
// broken Devanagari character and punctuation, with line breaks among them.
func labelWindows() func(r *rand.Rand) []byte {
	var words []string
	for _, e := range wordTable {
		if e.word != "" {
			words = append(words, e.word, strings.ToUpper(e.word[:1])+e.word[1:], strings.ToUpper(e.word))
		}
	}
	words = append(words, "XXXX", "[MOBILE]", "[PAN:3f9a]", "A/c", "%20", "%2B", "%", "12345", "x", "Q", "_", "txn%C2%A0", "\xe0\xa4",
		"\xe0", "\u2900", "\u0900", "ALT_PHONE", "mobileNo", "[VOTER_ID]", "XXXXX:X9499", "X9499", "xxxx", "[MOBILE:1a5b7bbce0aaedd1]",
		"<AADHAAR_VID:0f>", "dead", ":cafe]", "WhatsApp", "whatsAppNo", "xWhats", "PanCard")
	gaps := []string{" ", ": ", "=", "\":\"", ", ", "\n", " \n", "\r\n", "(", ") ", "|", "\t", "&", "_", "-", "/", "%", "%2", "[", "]", "<", ">"}
	return func(r *rand.Rand) []byte {
		var b strings.Builder
		for k := r.IntN(8); k >= 0; k-- {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(gaps[r.IntN(len(gaps))])
		}
		return []byte(b.String())
	}
}

// TestNearestLabelCutWord checks that the first word of a partial window,
// which may be cut, is not read, also when a camel-case word after it would
// join it ("automobileNo" cut to "mobileNo"): the label must not depend on
// where the window starts (found by review).
func TestNearestLabelCutWord(t *testing.T) {
	rel := relevant(iMobile)
	for _, w := range []string{"mobileNo good morning ", "bileNo good morning ", "WhatsApp ", "hatsApp "} {
		if got, _ := nearestLabel([]byte(w), true, rel); got != lblNone {
			t.Errorf("nearestLabel(%q, partial) = %#x, want none: its first word may be cut", w, got)
		}
		if got, _ := nearestLabel([]byte("x "+w), true, rel); w[0] != 'b' && w[0] != 'h' && got == lblNone {
			t.Errorf("nearestLabel(%q, partial) = none, want the label of its second word", "x "+w)
		}
	}
}

// TestNearestLabelLineStart checks what labelsBefore relies on to skip
// finding the line start: nearestLabel on a window holding line breaks reads
// the window's last line as nearestLabel on that line alone does (with the
// window's partial flag only when no line break is in it).
func TestNearestLabelLineStart(t *testing.T) {
	window := labelWindows()
	r := rand.New(rand.NewPCG(3, 3))
	for n := 0; n < 200000; n++ {
		w := window(r)
		if r.IntN(2) == 0 {
			w = w[r.IntN(len(w)):] // start anywhere, even inside a word
		}
		partial := r.IntN(2) == 0
		ki := r.IntN(len(builtinKinds))
		rel := relevant(ki)
		nl := bytes.LastIndexByte(w, '\n')
		got, _ := nearestLabel(w, partial, rel)
		want, _ := nearestLabel(w[nl+1:], partial && nl < 0, rel)
		if got != want {
			t.Fatalf("nearestLabel(%q, %v, kind %d) = %#x, on its last line %#x", w, partial, ki, got, want)
		}
	}
}

// TestNearestLabelFrom checks what the label memo of labelsBefore relies
// on: when nearestLabel reports from >= 0, any window that ends with
// w[from:] gets the same label, whatever comes before and whether its first
// word is cut; the bytes put before w[from:] are the tails of other random
// windows. It also checks that from is reported for a context word just
// before the value.
func TestNearestLabelFrom(t *testing.T) {
	window := labelWindows()
	r := rand.New(rand.NewPCG(4, 4))
	reported := 0
	for n := 0; n < 200000; n++ {
		w := window(r)
		partial := r.IntN(2) == 0
		ki := r.IntN(len(builtinKinds))
		rel := relevant(ki)
		lbl, from := nearestLabel(w, partial, rel)
		if from < 0 {
			continue
		}
		reported++
		if lbl&0x3F == 0 {
			t.Fatalf("nearestLabel(%q, %v, kind %d) = %#x, from %d: from set for a label naming no kind", w, partial, ki, lbl, from)
		}
		for k := 0; k < 4; k++ {
			x := window(r)
			x = x[r.IntN(len(x)+1):]
			v := append(x, w[from:]...)
			p := r.IntN(2) == 0
			if got, _ := nearestLabel(v, p, rel); got != lbl {
				t.Fatalf("nearestLabel(%q, %v, kind %d) = %#x from %d, but %#x for %q (%v)", w, partial, ki, lbl, from, got, v, p)
			}
		}
	}
	if reported < 1000 {
		t.Errorf("from reported for %d windows", reported)
	}
	lbl, from := nearestLabel([]byte(`{"id":351173,"mobile":"+91 `), false, relevant(iMobile))
	if lbl&kindBit(iMobile) == 0 || from < 0 || from > len(`{"id":351173,"`) {
		t.Errorf(`nearestLabel({"id":351173,"mobile":"+91 ) = %#x, from %d; want the mobile label and from at most %d`, lbl, from, len(`{"id":351173,"`))
	}
	// "\u2900" ends in the bytes A4 80, which after a 0xE0 are the Devanagari
	// letter U+0900: from must take in the byte before them, which
	// wordStart read to end the word "आधार" there.
	w0 := []byte("\u2900आधार: ")
	if lbl, from := nearestLabel(w0, false, relevant(iAadhaar)); lbl&kindBit(iAadhaar) == 0 {
		t.Errorf("nearestLabel(%q) = %#x; want the Aadhaar label", w0, lbl)
	} else if from >= 0 {
		v := append([]byte("\xe0"), w0[from:]...)
		if got, _ := nearestLabel(v, false, relevant(iAadhaar)); got != lbl {
			t.Errorf("nearestLabel(%q) = %#x, from %d, but %#x for %q", w0, lbl, from, got, v)
		}
	}
	// The word "pan" read after stepping over the escape "%2a": from must
	// take in the '%', as "x2apan" holds the word "apan".
	w := []byte("q=%2apan: ")
	if lbl, from := nearestLabel(w, false, relevant(iPAN)); lbl&kindBit(iPAN) == 0 {
		t.Errorf("nearestLabel(%q) = %#x; want the PAN label", w, lbl)
	} else if from > 2 {
		if got, _ := nearestLabel([]byte("q=x2apan: "), false, relevant(iPAN)); got != lbl {
			t.Errorf("nearestLabel(%q) = %#x, from %d, but %#x for q=x2apan: ", w, lbl, from, got)
		}
	}
}

// TestGroupLookahead checks the shortcuts that read the runs after the next
// one: a run that could begin a grouped form is passed over when a later run
// does not fit ("Chrome/122.0.6261.105"), and kept when it does. Each form is
// written whole (it must be found), with its last group a digit short or
// long, or cut off by letters, and inside a longer chain; the fast paths must
// agree with the full examination on all of them.
func TestGroupLookahead(t *testing.T) {
	forms := []struct {
		kind   Kind
		groups []string
	}{
		{Aadhaar, []string{"2341", "2341", "2346"}},
		{AadhaarVID, []string{"2341", "2341", "2341", "2341"}},
		{Mobile, []string{"987", "654", "3210"}},
		{Mobile, []string{"9876", "543", "210"}},
		{Mobile, []string{"0987", "654", "3210"}},
		{Mobile, []string{"09876", "543", "210"}},
		{Mobile, []string{"98765", "43210"}},
		{Mobile, []string{"0", "98765", "43210"}},
		{Mobile, []string{"0", "987", "654", "3210"}},
		{Mobile, []string{"0", "9876", "543", "210"}},
		{Mobile, []string{"91", "9876", "543210"}},
		{Mobile, []string{"91", "98", "7654", "3210"}},
		{Mobile, []string{"0091", "9876543210"}},
		{Mobile, []string{"0091", "987", "654", "3210"}},
	}
	for _, f := range forms {
		for _, sep := range []string{" ", "-", ".", ":"} {
			whole := strings.Join(f.groups, sep)
			last := f.groups[len(f.groups)-1]
			front := strings.Join(f.groups[:len(f.groups)-1], sep) + sep
			variants := []string{whole, front + last[:len(last)-1], front + last + "7", front + "ab", front + last[:2] + "x",
				whole + sep + "12", "12" + sep + whole, front}
			for i, v := range variants {
				text := []byte(map[Kind]string{Aadhaar: "aadhaar", AadhaarVID: "vid", Mobile: "mobile"}[f.kind] + ": " + v +
					" end of the line\nChrome/122.0.6261.105 x")
				checkFastPaths(t, text)
				if i == 0 && sep != ":" {
					fs := Default.Find(nil, text)
					if len(fs) == 0 || fs[0].Kind != f.kind {
						t.Errorf("%q: found %v, want a %s first", v, fs, f.kind)
					}
				}
			}
		}
	}
}

// The edges TestIsolatedAgrees and TestChainedAgrees put around a run:
// hard edges, separators, letter words of every length, UUID parts, percent
// escapes, line ends, zero-width and non-ASCII characters.
var (
	agreeLefts = []string{"", "x=", "\"", "/", "\n", "mobile ", "ab-", "abcd-", "abc ", "abc-", "a ", "abcde ", "abcd.",
		"abcdefghij ", "abcdefghi ", "ABC ", "ABCDE ", "T ", "WKH-", "ICICIPRULIFE-", "abcdefghij-", "1ab-", "éab-", "x1ab.", "ph: ", "ph:", "+", "%2B", "=%2b", "a%2B", "%%2B", "%2%2B", "%20", "%2C", "%31", "%25", "%C2%A0", "%3D", "=%", "(", ")", "1 ", "a1 ", "12345678-abcd-ef01-abcd-",
		"1234-", "\u200b", "é ", "<td>", "&", "% ", "%2 ", "ab%20ab "}
	agreeRights = []string{"", "\"", "&", "\n", " ok", " a", " F", "-abcd", ".5", " rrn=1", "<", "@upi", "%20", ")", "\u200b",
		" ab1", " abé", " ab%41", " abcdefghijklmnopqrstuvwxyz", " abcdefghijklmnopqrstuvwxy", "-ef01-abcd-1234"}
)

// checkAround runs checkFastPaths on run r between every left and right
// edge, at several offsets in a 64-byte block, and returns the number of
// texts.
func checkAround(t *testing.T, r string, lefts, rights []string) int {
	t.Helper()
	pad := strings.Repeat("lorem ipsum ", 8)
	n := 0
	for _, a := range lefts {
		for _, b := range rights {
			for off := 0; off < 64; off += 7 {
				text := []byte("x 1 " + pad[:off] + "\n" + a + r + b + "\n" + pad)
				checkFastPaths(t, text)
				n++
			}
		}
	}
	return n
}

// TestIsolatedAgrees checks the examination of a group that nothing around
// can join (alone, isolated) against the full examination: every identifier
// that is one group, after and before every kind of edge that alone accepts
// or must refuse (a separator and a word, a letter prefix, a UUID, a percent
// escape, a '+', a line start), at every offset in a 64-byte block.
func TestIsolatedAgrees(t *testing.T) {
	runs := []string{"9876543210", "09876543210", "234123412346", "919876543210", "00919876543210", "+919876543210", "+9876543210", "+234123412346",
		"2341234123412341", "1186253", "4401106", "1234", "98765", "123456789012345678901234567890", "ABCPD1234Z", "abcpd1234z", "J6932157", "j6932157", "WKH1186253"}
	pad := strings.Repeat("lorem ipsum ", 8)
	n := 0
	for _, r := range runs {
		n += checkAround(t, r, agreeLefts, agreeRights)
	}
	// In a CSV export the column's header is context too.
	for _, r := range runs {
		for _, row := range []string{"x 1,%s,y", "\"a b\",%s,\"%s\"", "%s,,", ",\"%s\",1"} {
			text := "name,mobile,pan\n" + strings.ReplaceAll(row, "%s", r) + "\n" + pad + "\n"
			checkFastPaths(t, []byte(text))
			n++
		}
	}
	t.Logf("%d texts", n)
}

// TestChainedAgrees checks the examination of chains of groups that
// nothing around can join (see chained) against the full examination:
// Aadhaar and VID numbers in groups of four and mobile numbers after "+91",
// valid and not, with every separator, more or fewer groups, groups of
// other sizes, mixed separators, and every edge of TestIsolatedAgrees.
func TestChainedAgrees(t *testing.T) {
	runs := []string{
		"2341 2341 2346", "2341-2341-2346", "2341.2341.2346", "2341:2341:2346", "2341+2341+2346",
		"2341 2341-2346", "2341 2341 2345", "2341 2341 2341 2341", "2341-2341-2341-2341", "2341 2341 2341 2342",
		"2341 2341 2346 2341 2346", "2341 2341 23461", "2341 2341 234", "0091 2341 2346", "1234 5678 9012",
		"2341 0091 9876 5432", "2341 0987 6543 2100", "9999 9999 9999", "2341 2341 2346-12",
		"+91 98765 43210", "91 98765 43210", "+91-9876543210", "+91.98765.43210", "+91 98765-43210",
		"+91 98765:43210", "+91:98765 43210", "+91 58765 43210", "+91 9876543210", "+91 987654321",
		"+91 98765432101", "+91 98765 432101", "+91 98765 4321", "+91  98765 43210", "+91 98765 43210 98765",
		"+91-98765-43210-1", "+91 (98765) 43210", "+91 98765 43210.0", "+91 98765/43210", "2341/2341/2346", "2341 2341/2346",
		"91-9876543210", "91 9876543210", "91.98765.43210", "91 98765 4321", "0091 98765 43210", "91 58765 43210",
		"+9876543210", "+919876543210", "+234123412346", "+2341234123412341",
	}
	rights := append([]string{" 2341", "-2341", " 98765", ".0", ": 1", "(", " +91", ":abcd", ":6c59::1", "::1", ":Bad x", ":ok"}, agreeRights...)
	// Words and digits right before a '+'.
	lefts := append([]string{"abcdefghij", "ABC", "T", "ab", "1", "0", "x)", "x(", "x+", "x<", "P<IND<<", "fe80:", "fe80::", "UID:", "ab12:"}, agreeLefts...)
	n := 0
	for _, r := range runs {
		n += checkAround(t, r, lefts, rights)
	}
	// Random chains: groups of three to five digits, separators of every
	// kind, checksums that hold and that do not.
	rnd := rand.New(rand.NewPCG(3, 4))
	seps := []string{" ", "-", ".", ":", "+", " ", "-", "/", ",", "_", "\u00a0"}
	for range 3000 {
		var b strings.Builder
		if rnd.IntN(3) == 0 {
			b.WriteString("+91" + seps[rnd.IntN(len(seps))])
		}
		groups := 2 + rnd.IntN(4)
		var digits []byte
		for g := range groups {
			if g > 0 {
				b.WriteString(seps[rnd.IntN(len(seps))])
			}
			size := 4
			if rnd.IntN(4) == 0 {
				size = 3 + rnd.IntN(3)
			}
			for range size {
				d := byte('0' + rnd.IntN(10))
				digits = append(digits, d)
				b.WriteByte(d)
			}
		}
		s := b.String()
		if rnd.IntN(2) == 0 && len(digits) >= 2 {
			// Make the checksum hold: change the last digit until it does.
			last := strings.LastIndexAny(s, "0123456789")
			for d := byte('0'); d <= '9'; d++ {
				digits[len(digits)-1] = d
				if Verhoeff(digits) {
					s = s[:last] + string(d) + s[last+1:]
					break
				}
			}
		}
		a, c := lefts[rnd.IntN(len(lefts))], rights[rnd.IntN(len(rights))]
		checkFastPaths(t, []byte("x 1 "+strings.Repeat("y", rnd.IntN(64))+"\n"+a+s+c+"\n"+strings.Repeat("lorem ipsum ", 8)))
		n++
	}
	t.Logf("%d texts", n)
}

// TestLayoutAgrees checks the timestamps and addresses that blockRun steps
// over whole (layoutEnd) against the full examination: each layout and
// near misses of it (a digit more or less, another separator, a first digit
// out of range, "91", "0" and 3-3-4 octets, a port, a letter or a run of
// digits right after it) before every kind of edge, at every offset of a
// 64-byte block, and random layouts with one byte changed.
func TestLayoutAgrees(t *testing.T) {
	layouts := []string{
		"2026-11-22", "2026-11-22T10:32:21", "2026-11-22 10:32:21", "2026-11-22T10:32:21Z", "2026-11-22T10:32:21.123Z",
		"2026-11-22T10:32:21.123456Z", "2026-11-22T10:32:21+05:30", "2026-11-22T10:32:21.123+05:30", "2026-11-22 10:32:21,123",
		"2026-11-22T10:32:21.123456-0800", "2026-11-22T10:32:21.9876543210Z", "2026-11-22T10:32:21.98765", "2026-11-22T10:32:21.987",
		"2026-11-22T10:32:21Z 98765 43210", "2026-11-22T10:32:21.987 654 3210", "2026-11-22T10:32:21+91:98", "2026-11-22T10:32:21+0530 F",
		"2026-11-22T10:32", "2026-11-22T10:32:2", "2026-11-22T1:32:21", "2026-11-22X10:32:21", "2026-11-2210:32:21", "0091-98-76",
		"2026-91-22", "2026-11-92", "2026-11-22 91:32:21", "2341-11-22 2341 2346", "2026-11-22 98765 43210",
		"2026:10:32:21 +0530]", "2026:10:32:21 -0800]", "2026:10:32:21 +0530 ABCDE", "2026:10:32:21 +05301]", "2026:10:32:21",
		"2026:91:32:21", "2026:10:32:21 +9876543210", "[22/Nov/2026:10:32:21 +0530]",
		"10.133.158.221", "10.0.0.1", "91.98.76.54", "0.987.654.3210", "10.0.987.654:3210", "10.1.2.3:8080", "10.1.2.3.4",
		"987.654.321.0", "1.2.3.4 98765 43210", "1.2.3.4-ABCDE", "1.2.3.4 (98765) 43210", "1.2.3.4 %39", "1.2.3.4%20", "1.2.3", "1.22.333.4444",
	}
	lefts := []string{"", " ", "\"", "ts=", "[", "/", "\n", "+", "%20", "x", "T", "(", "9 ", "+91 "}
	rights := []string{"", " ", "\"", ",", "]", "\n", ")", "Z", " 1", "-2", ".5", ":3", " F", "(1)", "%20", "\u0967", " 2341 2346", " 43210"}
	n := 0
	for _, s := range layouts {
		n += checkAround(t, s, lefts, rights)
	}
	r := rand.New(rand.NewPCG(7, 8))
	bytesIn := []byte("0123456789 -:.TZ+,/()%\"x\n")
	for range 4000 {
		b := []byte(layouts[r.IntN(len(layouts))])
		b[r.IntN(len(b))] = bytesIn[r.IntN(len(bytesIn))]
		text := "x 1 " + strings.Repeat("y", r.IntN(64)) + lefts[r.IntN(len(lefts))] + string(b) + rights[r.IntN(len(rights))] + "\n" + strings.Repeat("lorem ipsum ", 8)
		checkFastPaths(t, []byte(text))
		n++
	}
	t.Logf("%d texts", n)
}

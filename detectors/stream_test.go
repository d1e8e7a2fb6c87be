package detectors

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// streamFind runs text through a Scanner in pieces whose sizes come from next,
// the way a streaming caller does (see customStream, which checks the Scan
// contract on the way).
func streamFind(t testing.TB, s *Set, text []byte, next func() int) []Finding {
	t.Helper()
	return customStream(t, s, text, next)
}

var chunkSizes = []int{1, 2, 3, 4, 5, 7, 10, 100, 1000, 4095, 4096, 4097}

func checkChunking(t *testing.T, s *Set, text []byte) {
	t.Helper()
	want := s.Find(nil, text)
	for _, size := range chunkSizes {
		got := streamFind(t, s, text, func() int { return size })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("chunk size %d:\n got %s\nwant %s", size, describe(string(text), got), describe(string(text), want))
		}
	}
	r := rand.New(rand.NewPCG(1, uint64(len(text))))
	for k := 0; k < 20; k++ {
		got := streamFind(t, s, text, func() int { return 1 + r.IntN(300) })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("random chunks:\n got %s\nwant %s", describe(string(text), got), describe(string(text), want))
		}
	}
}

const mixed = `2024-11-22T10:15:30Z INFO user login mobile=+91 98765 43210 aadhaar="2341 2341 2346" ip=10.0.0.1
rrn=234123412346 utr=100598757598 txn_id=9876543210 amount=1200.50
{"pan":"ABCPD1234Z","passport":"J6932157","epic":"WKH1186253","vid":"2341 2341 2341 2341"}
मोबाइल नंबर ९८७६५४३२१० और आधार २३४१ २३४१ २३४६ है
P<INDSHARMA<<RAVI<<<<<<<<<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10
full-width ９８７６５４３２１０ zw 98765` + "\u200b" + `43210 card 4111 1111 1111 1111
`

// escaped holds identifiers whose separators, digits and zero-width
// characters are percent-encoded UTF-8, as in query strings.
const escaped = "GET /apply?phone=7671%C2%A0542%C2%A0252&msisdn=+91%C2%A078268%C2%A034598 HTTP/1.1\n" +
	"aadhaar=%E0%A5%A8%E0%A5%A9%E0%A5%AA%E0%A5%A7%20%E0%A5%A8%E0%A5%A9%E0%A5%AA%E0%A5%A7%20%E0%A5%A8%E0%A5%A9%E0%A5%AA%E0%A5%AC&m=98765%E2%80%8B43210\n"

func TestStreamingEqualsOneShot(t *testing.T) {
	checkChunking(t, Default, []byte(escaped))
	// An escape that stands for a separator or a zero-width character
	// after a letter that begins an identifier (found by a second reading:
	// the scan settled past the escape and the letter went out alone).
	checkChunking(t, Default, []byte("%\nt%E2%80%8C7805875"))
	checkChunking(t, Default, []byte("4\nt%2B7805875"))
	checkChunking(t, Default, []byte("4\n%637191788"))
	// A chain of more groups than one examination reads: the mobile number
	// in it is scored with the context word after the chain ("mob"), which
	// a piece that ends before it must wait for.
	checkChunking(t, Default, []byte("3\n0%209-1%207-6+3(6580158857%207+5 1+1 8 mob"))
	checkChunking(t, Default, []byte(mixed))
	checkChunking(t, Default, []byte(strings.Repeat(mixed, 20)))
	csv := "name,mobile,id_number,rrn\r\n\"Sharma, Ravi\",9876543210,234123412346,345678901234\r\nAsha,98765 43211,2341 2341 2346,x\r\n"
	checkChunking(t, Default, []byte(csv))
	checkChunking(t, Default, []byte(strings.Repeat("9", 20000)+" 9876543210 "+strings.Repeat("ab1 ", 3000)))
	checkChunking(t, Default, []byte(strings.Repeat("1 ", 5000)+"9876543210"))
	checkChunking(t, Default, []byte(strings.Repeat("\u200b", 3000)+"9876543210"))
	// The group after the letters cannot be read whole until more comes (an
	// invalid byte, then digits): the letters are held back with it.
	checkChunking(t, Default, []byte("00000000000000000\nAAA 0000000\xff000"))
	checkChunking(t, Default, []byte("x\nvoter id ABC 1234567\xff12 and pan ABCPD 1234\xff5"))
	// CSV tables: the column of each candidate is followed across pieces.
	r := rand.New(rand.NewPCG(10, 11))
	for _, h := range csvHeaders {
		checkChunking(t, Default, csvText(r, h, 3000))
	}
}

// TestCutEscape cuts texts in three pieces at every pair of places: an
// escape cut short at the end of a piece ("%", "%4", "%E0%A5") is decided
// only when the rest arrives. The second line of a passport MRZ followed by
// "%41" (an escaped A) goes on, and is no MRZ; it was found as one when a
// piece ended with its '%' (found by a randomized review).
func TestCutEscape(t *testing.T) {
	pad := strings.Repeat("z ", 40)
	for _, s := range []string{
		" a a\n 5 \nL898902C36UTO7408122F1204159ZE184226B<<<<<10%41BC12345 a%39+  \n" + pad,
		" a a\n 5 \nL898902C36UTO7408122F1204159ZE184226B<<<<<10%E0%A5%A8 a\n" + pad,
		" a a\n 5 \nL898902C36UTO7408122F1204159ZE184226B<<<<<10%20 a\n" + pad,
		"x 9876543210%39 y " + pad,
		"x 98765%E2%80%8B43210 y " + pad,
	} {
		text := []byte(s)
		want := Default.Find(nil, text)
		end := len(s) - len(pad)
		for a := 1; a < end; a++ {
			for b := a + 1; b <= end; b++ {
				pieces := []int{a, b - a, len(text)}
				got := streamFind(t, Default, text, func() int { n := pieces[0]; pieces = pieces[1:]; return n })
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%q in pieces ending after %q and %q:\n got %s\nwant %s", s[:end], text[max(0, a-8):a],
						text[max(0, b-8):b], describe(s, got), describe(s, want))
				}
			}
		}
	}
}

func FuzzStreamingEqualsOneShot(f *testing.F) {
	f.Add([]byte(mixed), uint64(1))
	f.Add([]byte("a,b\n9876543210,2341 2341 2346\n"), uint64(7))
	f.Add(csvText(rand.New(rand.NewPCG(12, 13)), csvHeaders[0], 400), uint64(9))
	f.Add(htmlPage(rand.New(rand.NewPCG(26, 27)), 600), uint64(11))
	f.Add([]byte(escaped), uint64(13))
	f.Fuzz(func(t *testing.T, text []byte, seed uint64) {
		want := Default.Find(nil, text)
		prev := 0
		for _, fd := range want {
			if fd.Start < prev || fd.End <= fd.Start || fd.End > len(text) {
				t.Fatalf("bad finding %+v after %d", fd, prev)
			}
			prev = fd.End
		}
		r := rand.New(rand.NewPCG(seed, 3))
		got := streamFind(t, Default, text, func() int { return 1 + r.IntN(64) })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("random chunks:\n got %s\nwant %s", describe(string(text), got), describe(string(text), want))
		}
	})
}

// TestCommitFollowsColumn checks the CSV column a Scanner carries from one
// Commit to the next, also when the caller commits less than Scan settled.
func TestCommitFollowsColumn(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 15))
	text := csvText(r, csvHeaders[1], 20000)
	commitUnevenly(r, text, func(sc *Scanner, done int) {
		if !sc.st.headerDone {
			return
		}
		field, quoted := csvAdvance(text[:done], ';', 0, false)
		if sc.st.field != field || sc.st.quoted != quoted {
			t.Fatalf("after %d bytes: column %d, quoted %v; want %d, %v", done, sc.st.field, sc.st.quoted, field, quoted)
		}
	})
}

// commitUnevenly runs text through a Scanner in pieces of random sizes,
// committing less than Scan settled one time in three, and calls check
// after each Commit with the number of bytes committed so far.
func commitUnevenly(r *rand.Rand, text []byte, check func(sc *Scanner, done int)) {
	sc := Default.NewScanner()
	var fs []Finding
	done := 0
	for done < len(text) {
		buf := text[done:min(len(text), done+1+r.IntN(3000))]
		atEOF := done+len(buf) == len(text)
		var n int
		fs, n = sc.Scan(fs[:0], buf, atEOF)
		if n > 0 && r.IntN(3) == 0 {
			n = r.IntN(n + 1) // commit less than was settled
		}
		sc.Commit(buf, n)
		done += n
		check(sc, done)
	}
}

// TestTailHoldShortcut checks tailHold's shortcut for a piece that ends in
// punctuation against the steps it skips, on random ends of pieces made of
// the bytes those steps look at.
func TestTailHoldShortcut(t *testing.T) {
	pieces := []string{"\n", " ", "-", ".", ":", "+", ",", ")", "\"", "%", "%E0", "%A5", "%2", "%20", "7", "42", "a", "Z", "ABCDE", "\u200b", "२", "é", "\xe0", "\xa5"}
	r := rand.New(rand.NewPCG(3, 4))
	shortcuts := 0
	for range 50000 {
		var b []byte
		for range r.IntN(8) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		floor := 0
		if len(b) > 0 {
			floor = r.IntN(len(b) + 1)
		}
		got, want := tailHold(b, floor), tailHoldSteps(b, floor)
		if got != want {
			t.Fatalf("tailHold(%q, %d) = %d, the steps give %d", b, floor, got, want)
		}
		if len(b) > 0 && got == len(b) && b[len(b)-1] < 0x80 {
			shortcuts++
		}
	}
	if shortcuts == 0 {
		t.Fatal("no piece took the shortcut")
	}
}

// TestGroupBeforeParenEscape checks that a group of letters and digits
// followed by a separator, '(' and the start of a percent escape or of a
// character of another script, at the end of a piece, is held back as the
// byte-by-byte path holds it: what comes next may make a digit of it (found
// by a review of the last block's reading, which reached blockGroup there).
func TestGroupBeforeParenEscape(t *testing.T) {
	pad := "id=42, ok\n" + strings.Repeat("z ", 28)
	for _, tail := range []string{"ab12 (%", "x3665950911923 (\xe0", "ab12 (\xef\xbc"} {
		buf := []byte(pad + tail)
		_, n := Default.NewScanner().Scan(nil, buf, false)
		if g := len(pad); n > g {
			t.Errorf("%q: settled %d, past the group at %d", tail, n, g)
		}
	}
}

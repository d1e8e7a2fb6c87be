package detectors

import (
	"encoding/binary"
	"math/bits"
)

// The fast path: most digits in logs (dates, times, counters, ports, sizes)
// cannot begin an identifier. For a group of plain ASCII letters and digits,
// fast decides from the group's shape and the group after it whether the full
// examination can find anything that starts there; when it cannot, the scan
// goes on after the group. The decision never changes the findings: whatever
// starts later is examined from its own first digit, with the same view of
// its neighbours.

// Byte kinds for the group loops of fast, one table lookup per byte.
const (
	kDigit  = 1 << iota // an ASCII digit
	kLetter             // an ASCII letter
	kHigh               // a byte >= 0x80
)

// byteKind maps a byte to its kind; 0 for other ASCII bytes.
var byteKind [256]uint8

func init() {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 0x80:
			byteKind[c] = kHigh
		case asciiAlnum(byte(c)) == clDigit:
			byteKind[c] = kDigit
		case asciiAlnum(byte(c)) == clLetter:
			byteKind[c] = kLetter
		}
	}
}

// asciiAlnum returns the class of an ASCII byte (clDigit, clLetter or other).
func asciiAlnum(b byte) int {
	if b >= 0x80 {
		return clOther
	}
	if cl := int(asciiClass[b] & 0xff); cl == clDigit || cl == clLetter {
		return cl
	}
	return clOther
}

// fast returns (next, true) when the group holding the ASCII digit at p
// cannot start an identifier, and (0, false) when it needs the full
// examination.
func (l *loop) fast(p int) (int, bool) {
	data := l.data
	lo := l.lo(p)
	hi := min(len(data), p+fwdReach)
	// Back to the group start.
	s := p
	nd, nl := 1, 0
	for s > lo {
		k := byteKind[data[s-1]]
		if k == 0 {
			goto forward
		}
		if k == kHigh {
			return 0, false
		}
		nd += int(k & kDigit)
		nl += int(k&kLetter) >> 1
		s--
		if p-s >= maxGroup {
			return 0, false
		}
	}
	if s == lo && s > 0 {
		return 0, false
	}
forward:
	e := p + 1
	for e < hi {
		k := byteKind[data[e]]
		if k == 0 {
			break
		}
		if k == kHigh {
			return 0, false
		}
		nd += int(k & kDigit)
		nl += int(k&kLetter) >> 1
		e++
		if e-s > maxGroup {
			return l.longGroup(s, e, hi)
		}
	}
	if e+2 >= hi {
		return 0, false // near the end of what is visible: let the full path decide
	}
	n := e - s
	// A line that could be the second line of a passport MRZ.
	if (s == 0 && l.streamStart || s > 0 && data[s-1] == '\n') && mrzQuick(data[s:]) {
		return 0, false
	}
	b1, b2 := data[e], data[e+1]
	if b1 == '<' {
		return 0, false // perhaps the document number of an MRZ
	}
	if s > 0 && data[s-1] == '+' {
		return 0, false
	}
	if b1 == '(' || b2 == '(' && mayBeDigit(data[e+2]) || b1 == ')' && prefixParen(data[s:e]) || b2 >= 0x80 || b1 == '+' || b1 == '%' || b2 == '%' || s > 0 && data[s-1] == '%' ||
		s > 1 && data[s-2] == '%' {
		return 0, false
	}
	if b1 == ' ' && nl == 0 && wideAt(data[:hi], e) {
		return 0, false // a wide gap ("2341  2341  2346")
	}
	cont := false
	if joinSep(b1) {
		cont = asciiAlnum(b2) != clOther
	}
	// The length of the digits of the next group, when it starts with digits.
	m := 0
	if cont && asciiAlnum(b2) == clDigit {
		k := e + 1
		for k < hi && asciiAlnum(data[k]) == clDigit {
			k++
		}
		if k >= hi || data[k] >= 0x80 || data[k] == '%' {
			return 0, false // perhaps more digits
		}
		m = k - (e + 1)
		if asciiAlnum(data[k]) == clLetter {
			m = -1 // a mixed group
		}
	}
	if nl == 0 {
		switch n {
		case 10, 11, 12, 14, 16:
			return 0, false
		case 7:
			// Voter ID written "ABC 1234567" or passport "T 4401106".
			if letterBefore(data, s) {
				return 0, false
			}
		case 1:
			if data[s] == '0' && prefixCore(m) && prefixFits(data[:hi], e) {
				return 0, false
			}
		case 2:
			if data[s] == '9' && data[s+1] == '1' && prefixCore(m) && prefixFits(data[:hi], e) {
				return 0, false
			}
		case 3:
			if m == 3 && fits(runsAfter(data[:hi], e), [3]int{3, 4}) {
				return 0, false
			}
		case 4:
			if r := runsAfter(data[:hi], e); m == 3 && (fits(r, [3]int{3, 3}) || fits(r, [3]int{3, 4})) ||
				m == 4 && fits(r, [3]int{4, 4}) || (m == 0 && cont) ||
				(string(data[s:e]) == "0091" && prefixCore(m) && prefixFits(data[:hi], e)) {
				return 0, false
			}
		case 5:
			if m == 5 || m == 3 && data[s] == '0' && fits(runsAfter(data[:hi], e), [3]int{3, 3}) {
				return 0, false
			}
		case 6:
			if data[s] == '0' && m == 5 {
				return 0, false
			}
		}
		return e, true
	}
	switch {
	case n == 8 && nl == 1 && asciiAlnum(data[s]) == clLetter:
		return 0, false // a passport number
	case n == 10 && nl == 3 && letters3(data[s:]):
		return 0, false // a voter ID
	case n == 10 && nl == 6 && letters3(data[s:]) && asciiAlnum(data[s+3]) == clLetter &&
		asciiAlnum(data[s+4]) == clLetter && asciiAlnum(data[s+9]) == clLetter:
		return 0, false // a PAN
	case n == 3 && nl == 1 && m == 5:
		return 0, false
	}
	return e, true
}

// letterBefore reports whether the digits at data[p] follow a separator
// that joins words and a letter, or a character that may fold to one
// (Cyrillic "р", full-width "Ｔ"), or a percent escape that may decode to
// one ("%70 1000000"): "ABC 1234567", "T 4401106".
func letterBefore(data []byte, p int) bool {
	return p >= 2 && wordSep(data[p-1]) && (asciiAlnum(data[p-2]) == clLetter || data[p-2] >= 0x80 ||
		p >= 4 && data[p-4] == '%')
}

// letters3 reports whether b starts with three ASCII letters.
func letters3(b []byte) bool {
	return asciiAlnum(b[0]) == clLetter && asciiAlnum(b[1]) == clLetter && asciiAlnum(b[2]) == clLetter
}

// longGroup steps over a group of ASCII letters and digits that starts at s
// and is longer than any identifier (a hash, a token, a long id): the full
// examination finds nothing in it either, but reads it a piece at a time. It
// leaves a group at the start of a line (perhaps an MRZ) or next to anything
// but plain ASCII to the full examination.
func (l *loop) longGroup(s, e, hi int) (int, bool) {
	data := l.data
	if s < 2 || data[s-1] == '\n' || data[s-1] == '%' || data[s-2] == '%' {
		return 0, false
	}
	for e < hi && asciiAlnum(data[e]) != clOther {
		e++
	}
	if e+2 >= hi || data[e] >= 0x80 || data[e] == '%' {
		return 0, false
	}
	return e, true
}

// wordSep reports whether c may join a group of letters and a group of
// digits of a PAN, passport or voter ID written in groups: a space, a hyphen,
// or the '+' that stands for a space in form-encoded text ("A+1234567").
func wordSep(c byte) bool { return c == ' ' || c == '-' || c == '+' }

// joinSep reports whether c is an ASCII separator that may join groups of
// digits, as the fast paths read a gap: a space, hyphen, dot, colon, or the
// '+' that stands for a space in form-encoded text.
func joinSep(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == ':' || c == '+' }

// chainSep reports whether c separates the groups of a chain that
// fourChain or prefixChain reads: joinSep but the '+'.
func chainSep(c byte) bool { return c != '+' && joinSep(c) }

// plainBefore reports whether before, the byte before a run of ASCII digits
// starting d0 d1, is a plain edge for the fast paths: plainEdge, or a '+'
// that does not start "+91" ("+0530").
func plainBefore(before, d0, d1 byte) bool {
	return plainEdge[before] || before == '+' && (d0 != '9' || d1 != '1')
}

// prefixCore reports whether a group of m digits can follow a mobile prefix.
func prefixCore(m int) bool { return m == 10 || m == 5 || m == 3 || m == 4 || m == 2 }

// runsAfter returns the lengths of the runs of ASCII digits read one after
// another from the gap at data[e], each as nextRun reads it, up to three:
// after a 0 (no run) or -1 (only the full examination can tell) the rest are
// unread. A run is only read on when plain ASCII follows it (else nextRun
// returns -1), so every gap read is ASCII.
func runsAfter(data []byte, e int) (r [3]int) {
	for j := range r {
		m, end := nextRunEnd(data, e)
		if r[j] = m; m <= 0 {
			break
		}
		e = end
	}
	return r
}

// fits reports whether runs read by runsAfter may have the lengths of form
// (ended by a 0 when shorter than three): false when one of them has another
// length or is missing, true when all match or one cannot be told.
func fits(r, form [3]int) bool {
	for j, n := range form {
		if n == 0 || r[j] < 0 {
			return true
		}
		if r[j] != n {
			return false
		}
	}
	return true
}

// prefixFits reports whether the runs of digits after the gap at data[e] may
// be the core of a mobile number after a prefix group ("0", "91", "0091"),
// in one of the forms mobilePrefixed knows.
func prefixFits(data []byte, e int) bool {
	r := runsAfter(data, e)
	for f := range prefixForms {
		if fits(r, prefixForms[f]) {
			return true
		}
	}
	return false
}

// prefixForms are the forms of the core of a mobile number after a prefix
// group, as mobilePrefixed matches them, ended by a 0.
var prefixForms = [...][3]int{{10}, {5, 5}, {3, 3, 4}, {4, 3, 3}, {4, 6}, {2, 4, 4}}

// formLen returns the number of groups of a form of prefixForms.
func formLen(f *[3]int) int {
	n := 0
	for n < len(f) && f[n] != 0 {
		n++
	}
	return n
}

// mrzQuick is a cheap test that b could start an MRZ second line: 44
// characters with a check digit at position 10 and a nationality after it.
func mrzQuick(b []byte) bool {
	if len(b) < mrzLen {
		return true // not enough to tell: the full examination waits for more
	}
	if b[9] < '0' || b[9] > '9' {
		return false
	}
	for _, c := range b[10:13] {
		if !(c >= 'A' && c <= 'Z' || c == '<') {
			return false
		}
	}
	return true
}

// plainEdge marks ASCII bytes that end a run of digits without taking part in
// anything the full examination looks at: not letters or digits, not the
// percent, plus, parentheses or MRZ filler.
var plainEdge [256]bool

func init() {
	for c := 0; c < 0x80; c++ {
		if cl := asciiAlnum(byte(c)); cl != clDigit && cl != clLetter {
			plainEdge[c] = true
		}
	}
	for _, c := range "%+)<" {
		plainEdge[c] = false
	}
}

// quick decides, for a run of ASCII digits data[p:e] bounded on both sides by
// plain ASCII punctuation or spaces, whether it can start an identifier. It
// returns true when it cannot. It looks at the run after it only.
func quick(data []byte, p, e int) bool {
	return hopeless(data, p, e, nextRun(data, e))
}

// nextRun returns the length of the run of ASCII digits that follows the
// gap at data[e] when the gap can join digit groups (as gapAfter reads it:
// ')', a separator, '(', at least one of them): 0 when no such gap and run
// follow, -1 when the bytes after it need the full examination, and also
// when the gap holds a parenthesis ("0 (98765) 43210", "(+91)98765...").
func nextRun(data []byte, e int) int {
	m, _ := nextRunEnd(data, e)
	return m
}

// nextRunEnd is nextRun, and also returns the end of the run it reads.
func nextRunEnd(data []byte, e int) (m, end int) {
	k, paren := e, false
	if k < len(data) && data[k] == ')' {
		k, paren = k+1, true
	}
	if k < len(data) && joinSep(data[k]) {
		if wideAt(data, k) {
			return -1, k // a wide gap: the full examination reads it
		}
		k++
	}
	if k < len(data) && data[k] == '(' {
		k, paren = k+1, true
	}
	if k == e {
		return 0, e // no gap
	}
	if k >= len(data) {
		return -1, k
	}
	d := k
	for d < len(data) && data[d]-'0' < 10 {
		d++
	}
	switch {
	case d == k && data[k] < 0x80 && data[k] != '%':
		return 0, d // no digits follow (a percent escape may be one)
	case d == k || paren || d == len(data):
		return -1, d // let the full examination decide
	case !plainEdge[data[d]] && !(d+1 < len(data) && parenEnds(data[d], data[d+1])):
		return -1, d // nor does the run end plainly (see parenEnds)
	}
	return d - k, d
}

// parenEnds reports whether c0 c1, the bytes after a run of digits, end
// the chain as a plain edge does: a ')' and then a byte that no gap goes on
// with ("(Java/17.0.10)\"").
func parenEnds(c0, c1 byte) bool { return c0 == ')' && hardEdge[c1] != 0 }

// hopeless reports whether the run of ASCII digits data[p:e], bounded on both
// sides by plain ASCII punctuation or spaces and followed by a run of m digits
// (see nextRun), cannot start an identifier. The rules follow the forms
// examine knows: a run is kept when it could be a prefix of a mobile number,
// a group of a grouped form whose first digit is allowed, or a whole
// identifier that passes its first-digit and checksum tests.
func hopeless(data []byte, p, e, m int) bool {
	n := e - p
	v := data[p:e]
	mob := func(c byte) bool { return c >= '6' && c <= '9' }
	switch n {
	case 1:
		if v[0] != '0' {
			return true
		}
	case 2:
		if v[0] != '9' || v[1] != '1' {
			return true
		}
	case 3:
		// Only the 3-3-4 mobile starts with three digits.
		return m == 0 || m > 0 && m != 3 || !mob(v[0]) || !fits(runsAfter(data, e), [3]int{3, 4})
	case 4:
		if m == 0 && wordSep(data[e]) && e+1 < len(data) && asciiAlnum(data[e+1]) == clLetter &&
			!(e+2 < len(data) && asciiAlnum(data[e+2]) == clLetter) {
			return false // a PAN written "ABCDE 1234 F" (a word of letters cannot end it)
		}
		if string(v) == "0091" {
			return m == 0 || m > 0 && !prefixFits(data, e)
		}
		switch {
		case m == 3 && v[0] == '0': // 0 and 3-3-4
			return !fits(runsAfter(data, e), [3]int{3, 4})
		case m == 3: // 4-3-3 mobile
			return !mob(v[0]) || !fits(runsAfter(data, e), [3]int{3, 3})
		case m == 4: // Aadhaar and VID in groups of four
			return v[0] < '2' || !fits(runsAfter(data, e), [3]int{4, 4})
		}
		return m >= 0
	case 5:
		// 5-5 mobile, or 0 and 4-3-3.
		if v[0] == '0' {
			return m == 0 || m > 0 && m != 3 || !fits(runsAfter(data, e), [3]int{3, 3})
		}
		return m == 0 || m > 0 && m != 5 || !mob(v[0])
	case 6:
		// 098765 43210.
		return v[0] != '0' || !mob(v[1]) || m == 0 || m > 0 && m != 5
	case 7:
		// Voter ID written "ABC 1234567".
		return !letterBefore(data, p)
	case 10:
		return !mob(v[0])
	case 11:
		return v[0] != '0' || !mob(v[1])
	case 12:
		return !(v[0] == '9' && v[1] == '1' && mob(v[2])) && !aadhaarValid(v)
	case 14:
		return string(v[:4]) != "0091" || !mob(v[4])
	case 16:
		return !vidValid(v)
	default:
		return true
	}
	// "0" and "91": prefixes of a mobile number.
	return m == 0 || m > 0 && !prefixFits(data, e)
}

// plain, plainAfter and notPercent are, as 0 or 1, plainEdge (before a run),
// plainEdge, ')' or '+' (after one) and c != '%', for tests without branches.
// A '(' or ')' after a run that shortRunHopeless marks is plain: such a run
// is never the "91", "0091" or "0" of a prefix written "(+91)" or "0 (98765)".
var plain, plainAfter, notPercent [256]uint8

// shortRunHopeless[n][c&63] is 1 for a run of n < 8 ASCII digits starting
// with the digit c that cannot start an identifier when both its edges are
// plain, whatever follows it (hopeless without looking at the next run).
var shortRunHopeless [8][64]uint8

func init() {
	for c := 0; c < 256; c++ {
		if plainEdge[c] {
			plain[c], plainAfter[c] = 1, 1
		}
		if c != '%' {
			notPercent[c] = 1
		}
	}
	plainAfter[')'], plainAfter['+'] = 1, 1 // '+' joins groups as a space does
	for d := 0; d < 10; d++ {
		mobile := d >= 6
		for n, h := range [8]bool{false, d != 0, d != 9, !mobile, false, !mobile && d != 0, d != 0, false} {
			if h {
				shortRunHopeless[n]['0'+d] = 1
			}
		}
	}
}

// block is the view of one 64-byte block of the scan that blockRun reads:
// b[k+2] is data[w+k], so b[0] and b[1] are the two bytes before the block,
// dig marks its ASCII digits and alpha its ASCII letters.
type block struct {
	b          *[66]byte
	w          int
	dig, alpha uint64
}

// Verdicts of blockRun on a run of digits.
const (
	runStep     = iota // leave it to step
	runDone            // nothing can start in it: go on at the offset returned
	runAgain           // it reaches too near the end of the block: read a block from the offset returned
	runExamine         // step would ask quick and find it could start one: go to candidate
	runIsolated        // as runExamine, for a run that nothing around can join (see isolated)
	runSkip            // step would go on at the offset returned, settling nothing: after a percent escape
	runChained         // as runExamine, for a chain of groups read as one form only (see chained)
)

// blockRun decides, from the block's masks, the run of ASCII digits at block
// offsets t..e that the table in run could not: a run followed by a
// separator and another run ("2026-11-22"), a run after a '+' that does not
// start "+91" ("+0530"), a run followed by ')', and a
// group of letters and digits ("1234ms", "x86_64", "ORD12345678"), as step
// (through quick) and fast would decide. It leaves to them runs next to
// anything but plain ASCII and the shapes they look at more closely. A run
// that reaches too near the end of the block is read again at the start of
// the next one.
func (l *loop) blockRun(bk *block, t, e int) (int, int) {
	b := bk.b
	if e > 61 {
		if byteKind[b[t+1]] == kLetter {
			// Read again from the start of the group of letters and
			// digits that the run ends ("ORD12345678"), so that
			// blockGroup sees it whole: read from the run, the group
			// would seem to start before the block, which only step
			// decides.
			return again(groupStart(bk, t))
		}
		return again(t)
	}
	before, after := b[t+1], b[e+2]
	if before == '%' {
		// The first hex digit of a percent escape ("%2B", "%20", "%3D"):
		// examine reads the escape as the character it stands for, and one
		// that is not a digit starts nothing.
		if esc := b[t+1 : t+4]; isEscape(esc) && !classDigit(esc) {
			return t + 2, runSkip
		}
		return 0, runStep
	}
	if byteKind[before] == kLetter || byteKind[after] == kLetter {
		if before|0x20 == 'b' && e-t <= 16 && alone(l.data, bk.w+t, bk.w+e) {
			return t, runIsolated // after "%2B"
		}
		return l.blockGroup(bk, t, e)
	}
	if e-t == 2 && b[t+2] == '9' && b[t+3] == '1' {
		if l.form = prefixChain(l.data, bk.w+t); l.form.end > 0 {
			return t, runChained // "+91 98765 43210", "91-9876543210"
		}
	}
	if n := e - t; before == '+' && n >= 8 && n <= 16 && alone(l.data, bk.w+t, bk.w+e) {
		return t, runIsolated // "+919876543210"
	}
	// Plain on both sides, as step requires before it asks quick.
	if !plainBefore(before, b[t+2], b[t+3]) || b[t] == '%' {
		return 0, runStep
	}
	n := e - t
	if n >= 8 && (before == '\n' || after == '\n') {
		if n <= 16 && alone(l.data, bk.w+t, bk.w+e) {
			return t, runIsolated
		}
		return 0, runStep
	}
	if n <= 4 && joinSep(after) {
		// A timestamp or an IPv4 address: step over it whole.
		if g := layoutEnd(b[t+2:], bk.dig>>t, n); g > 0 {
			return t + g, runDone
		}
	}
	m := 0 // the digits of the next run, as nextRun reads them
	switch {
	case joinSep(after):
		c := b[e+3]
		if c == ' ' && wideAt(l.data, bk.w+e) {
			// "98765  43210": a wide gap, which only the full examination
			// reads.
			return 0, runStep
		}
		switch {
		case c-'0' < 10:
			f := e + 1 + bits.TrailingZeros64(^(bk.dig >> (e + 1)))
			if f > 63 {
				return again(t)
			}
			if !plainEdge[b[f+2]] && !(f < 63 && parenEnds(b[f+2], b[f+3])) {
				return 0, runStep
			}
			m = f - e - 1
		case c == '(':
			// "537.36 (KHTML": after a parenthesis, no digits (and no
			// percent escape) is no next run for nextRun either.
			if d := b[e+4]; d-'0' < 10 || d == '%' || d >= 0x80 {
				return 0, runStep
			}
		case c == '%' || c >= 0x80:
			return 0, runStep
		}
	case after == ')':
		// "0) ...": a parenthesis and perhaps a separator, then no digits.
		k := e + 3
		if joinSep(b[k]) {
			if wideAt(l.data, bk.w+k-2) {
				return 0, runStep
			}
			k++
		}
		if c := b[k]; mayBeDigit(c) || c == '(' {
			return 0, runStep
		}
	case after == '(' || !plainEdge[after]:
		return 0, runStep
	}
	if hopeless(l.data[:min(len(l.data), bk.w+t+fwdReach)], bk.w+t, bk.w+e, m) {
		return e, runDone
	}
	if alone(l.data, bk.w+t, bk.w+e) {
		return t, runIsolated
	}
	if n == 4 && m == 4 {
		if l.form = fourChain(l.data, bk.w+t); l.form.end > 0 {
			return t, runChained
		}
	}
	return 0, runExamine
}

// hardEdge is 1 for the ASCII bytes next to which a run of digits has no
// neighbour for examine: not a letter, digit or separator (see asciiClass),
// not a parenthesis and not the '%' of an escape.
var hardEdge [256]uint8

func init() {
	for c := 0; c < 0x80; c++ {
		if asciiClass[c]&0xff == clOther && c != '(' && c != ')' && c != '%' {
			hardEdge[c] = 1
		}
	}
}

// alone reports whether examine would read the run of ASCII digits
// data[p:e] as a chain of one group, with nothing on its left that single
// or match look at but a '+' (see isolated): on each side a hardEdge byte,
// or a separator and a word of ASCII letters that joins no form. On the
// left the word is not a letter prefix (one, three or five letters: "ABC
// 1234567") nor ten letters or more (notMobile); on the right it is not a
// single letter ("ABCDE 1234 F"). The byte before the run is no line end
// (where an MRZ may start), and no '%' comes near enough to make a percent
// escape of the bytes read.
func alone(data []byte, p, e int) bool {
	return p >= 4 && e+1 < len(data) && aloneRight(data, e) && aloneLeft(data, p)
}

// aloneRight is the right half of alone, for a group or chain ending at data
// index e, 0 < e < len(data)-1.
func aloneRight(data []byte, e int) bool {
	if a := data[e]; hardEdge[a] == 0 {
		if !joinSep(a) {
			return false
		}
		k := e + 1
		for k < len(data) && byteKind[data[k]] == kLetter && k-e <= maxGroup {
			k++
		}
		if k-e < 3 || k == len(data) || k-e <= maxGroup && (byteKind[data[k]] != 0 || data[k] == '%') {
			return false
		}
	}
	return true
}

// aloneLeft is the left half of alone, for a group or chain starting at
// data index p >= 4.
func aloneLeft(data []byte, p int) bool {
	b := data[p-1]
	if b != '+' && plusBefore(data, 0, p) {
		// A '+' written "%2B" ("phone=%2B919876543210"), after a hardEdge
		// byte that no escape ends with.
		return hardEdge[data[p-4]] != 0 && noEscapeBefore(data, p-3)
	}
	if !noEscapeBefore(data, p) {
		return false
	}
	if hardEdge[b] != 0 {
		return true
	}
	if !joinSep(b) {
		return false
	}
	if x := data[p-2]; hardEdge[x] != 0 {
		return data[p-4] != '%'
	} else if byteKind[x] != kLetter {
		return false
	}
	k := p - 2
	for k > 0 && byteKind[data[k-1]] == kLetter && p-1-k < 10 {
		k--
	}
	n := p - 1 - k
	if k < 3 || n == 1 || n == 3 || n == 5 || n >= 10 || byteKind[data[k-1]] != 0 {
		return false
	}
	for _, c := range data[k-3 : p-1] {
		if c == '%' {
			return false
		}
	}
	if b == '-' {
		// The last group of a UUID ("...-abcd-123456789012"): uuidEnd.
		for _, c := range data[k : p-1] {
			if !isHex(c) {
				return true
			}
		}
		return false
	}
	return true
}

// chainForm is a chain of digit groups that examine can read only one way
// (see fourChain and prefixChain): the identifier of kind ki at
// data[start:end] (for a mobile number, its core after the prefix), in
// groups groups of four digits (Aadhaar, VID), after a '+' (plus). end is 0
// when there is no such chain.
type chainForm struct {
	ki, start, end, groups int
	plus                   bool
}

// fourChain reads the chain of three or four groups of four
// ASCII digits that starts at data index p, when examine would read it as
// that chain with nothing around it that match looks at, so that the only
// form left to try is the Aadhaar (three groups) or VID (four groups)
// written in groups: one separator byte (a space, '-', '.' or ':') between
// the groups, a first digit from 2 to 9 (no mobile prefix "0091", no trunk
// zero), and on each side what alone asks for but a '+' ('+' joins
// groups).
func fourChain(data []byte, p int) chainForm {
	if p < 4 || p+14 >= len(data) || data[p] < '2' || data[p-1] == '+' {
		return chainForm{}
	}
	sep := data[p+4]
	if !chainSep(sep) {
		return chainForm{}
	}
	e, n := p+4, 1
	for n < 4 && e+5 < len(data) && data[e] == sep && isDigits(data[e+1:e+5]) {
		e += 5
		n++
	}
	if n < 3 || e+1 >= len(data) || !aloneRight(data, e) || !aloneLeft(data, p) || sep == ':' && ipv6Around(data, p, e) {
		return chainForm{}
	}
	ki := iAadhaar
	if n == 4 {
		ki = iVID
	}
	return chainForm{ki: ki, start: p, end: e, groups: n}
}

// prefixChain reads the mobile number at data index p: the prefix "91" (after a '+' or not) followed by a space,
// '-' or '.' and ten digits starting 6 to 9, whole or in groups of five with
// one separator byte ("+91 98765 43210", "91-9876543210"), when examine
// would read it as that chain with nothing around it that match looks at.
// Before a '+' that must be an ASCII byte that is no letter, digit,
// parenthesis, '+' or '%'; before "91" alone, what alone asks for; after
// the core, what alone asks for. plus tells a '+' before the prefix
// (mobilePrefixed: a strong prefix).
func prefixChain(data []byte, p int) chainForm {
	if p < 5 || p+14 >= len(data) || data[p] != '9' || data[p+1] != '1' {
		return chainForm{}
	}
	if data[p-1] == '+' {
		if c := data[p-2]; hardEdge[c] == 0 && (!joinSep(c) || c == '+') || !noEscapeBefore(data, p-1) {
			return chainForm{}
		}
	} else if !aloneLeft(data, p) {
		return chainForm{}
	}
	sep := data[p+2]
	core := p + 3
	// The digits of the core, read in two words that p+14 < len(data)
	// leaves room for: d1 marks those of data[core:core+8], d2 those of
	// data[core+4:core+12]. five is the first five bytes of a word.
	const five = 0x8080808080
	d1 := digitBytes(binary.LittleEndian.Uint64(data[core:]))
	d2 := digitBytes(binary.LittleEndian.Uint64(data[core+4:]))
	if !chainSep(sep) || sep == ':' || sep == '.' && data[p-1] != '+' || data[core] < '6' || data[core] > '9' ||
		d1&five != five {
		return chainForm{}
	}
	end := core + 10
	switch s2 := data[core+5]; {
	case s2-'0' < 10:
		if d2&(five<<8) != five<<8 { // data[core+5:end]
			return chainForm{}
		}
	case chainSep(s2):
		end++
		if end+1 >= len(data) || d2&(five<<16) != five<<16 { // data[core+6:end]
			return chainForm{}
		}
	default:
		return chainForm{}
	}
	if !aloneRight(data, end) {
		return chainForm{}
	}
	return chainForm{ki: iMobile, start: core, end: end, plus: plusBefore(data, 0, p)}
}

// noEscapeBefore reports whether no '%' is in the three bytes before data
// index s (no percent escape ends there or takes in the byte before s) and
// the byte before s is no line end (where an MRZ may start).
func noEscapeBefore(data []byte, s int) bool {
	return s >= 3 && data[s-1] != '\n' && data[s-1] != '%' && data[s-2] != '%' && data[s-3] != '%'
}

// isolated is candidate for the group of ASCII letters and digits that
// starts at data index s, when blockRun or blockGroup found that examine
// would read it as a chain of one group (see alone): no prefix but a '+'
// right before it ("+919876543210", "%2B919876543210"), no MRZ, no UUID, no
// neighbour that single or match look at. So only single is left, and the
// wait for the context after the group.
func (l *loop) isolated(s int) (next int, stop bool) {
	l.begin(s)
	g := &l.chain[0]
	e, more := l.group(g, s, len(l.data))
	if more || l.contextCut(e) {
		return l.wait(s)
	}
	g.plus = plusBefore(l.data, 0, s)
	l.single(g)
	l.settleTo(e)
	return e, false
}

// chained is candidate for the chain of digit groups l.form that starts at
// data index s, which blockRun found that examine would read as one grouped
// form and nothing else. Only the checksum and the score are left, and the
// wait for the context after the chain.
func (l *loop) chained(s int) (next int, stop bool) {
	l.begin(s)
	c := &l.form
	if l.contextCut(c.end) {
		return l.wait(s)
	}
	if c.ki == iMobile {
		l.score(iMobile, c.start, c.end, prefixBase(c.plus))
	} else {
		var v [16]byte
		for k := range c.groups {
			copy(v[4*k:], l.data[c.start+5*k:][:4])
		}
		l.multiDigits(c.ki, v[:4*c.groups], c.groups, c.start, c.end, 1)
	}
	l.settleTo(c.end)
	return c.end, false
}

// again returns the verdict runAgain at block offset k, or runStep when a
// block read from k would be this one.
func again(k int) (int, int) {
	if k == 0 {
		return 0, runStep
	}
	return k, runAgain
}

// groupEnds reports whether b1 b2 b3, the bytes after a group of letters and
// digits, end it plainly enough for blockGroup to decide it: a plain byte
// but '(', and after it no byte that may begin a character of another
// script or a percent escape, nor a parenthesis before a byte that may
// begin a digit (mayBeDigit, as fast asks).
func groupEnds(b1, b2, b3 byte) bool {
	return plainEdge[b1] && b1 != '(' && b2 < 0x80 && b2 != '%' && !(b2 == '(' && mayBeDigit(b3))
}

// wideAt reports whether b[k:] may be a wide gap (sepWide) before a group
// of digits, as gapAfter reads one: two or three spaces, then a byte that
// may begin a digit or a '('. When b ends before that is known it reports
// true, so that a fast path leaves the decision to the full examination.
func wideAt(b []byte, k int) bool {
	if k >= len(b) || b[k] != ' ' {
		return false
	}
	if k+1 == len(b) {
		return true
	}
	if b[k+1] != ' ' {
		return false
	}
	k += 2
	if k < len(b) && b[k] == ' ' {
		k++
	}
	return k >= len(b) || mayBeDigit(b[k]) || b[k] == '('
}

// mayBeDigit reports whether c may begin a digit: an ASCII digit, a percent
// escape ("%39" is 9), or a character of another script (Devanagari digits).
func mayBeDigit(c byte) bool {
	return c-'0' < 10 || c == '%' || c >= 0x80
}

// groupStart returns the block offset where the group of ASCII letters and
// digits that holds block offset t starts, or 0 when it starts at the
// block's first byte or before.
func groupStart(bk *block, t int) int {
	if other := ^(bk.dig | bk.alpha) & (1<<t - 1); other != 0 {
		return 64 - bits.LeadingZeros64(other)
	}
	return 0
}

// blockGroup decides, as fast would, the group of ASCII letters and digits
// that holds the run of digits at block offsets t..e, when it holds a letter:
// see blockRun.
func (l *loop) blockGroup(bk *block, t, e int) (int, int) {
	b := bk.b
	// The group's start s and end g (capped at 62), and its letters.
	alnum := bk.dig | bk.alpha
	s := groupStart(bk, t)
	g := min(e+bits.TrailingZeros64(^alnum>>e), 62)
	nl := bits.OnesCount64(bk.alpha & (1<<g - 1) >> s)
	if g-s >= maxGroup || s == 0 && byteKind[b[1]]&(kDigit|kLetter) != 0 {
		return 0, runStep
	}
	if g > 61 {
		return again(s)
	}
	before, b1, b2 := b[s+1], b[g+2], b[g+3]
	if !plainEdge[before] || before == '\n' || b[s] == '%' || !groupEnds(b1, b2, b[g+4]) {
		return 0, runStep
	}
	m := 0 // the digits of the run after the gap, as fast reads them
	if joinSep(b1) && b2-'0' < 10 {
		// It must end in the block, on an ASCII byte.
		f := g + 1 + bits.TrailingZeros64(^(bk.dig >> (g + 1)))
		if f > 63 {
			return again(s)
		}
		if b[f+2] >= 0x80 || b[f+2] == '%' {
			return 0, runStep
		}
		m = f - g - 1
	}
	if n := g - s; n == 8 && nl == 1 || n == 10 || n == 3 && nl == 1 && m == 5 {
		// Perhaps a passport, voter ID or PAN: examine the group on its own
		// when nothing around can join it, else fast looks closer.
		if n != 3 && hardEdge[before]&hardEdge[b1] != 0 && noEscapeBefore(l.data, bk.w+s) {
			return s, runIsolated
		}
		return 0, runStep
	}
	return g, runDone
}

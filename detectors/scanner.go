package detectors

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// Built-in detector indices.
const (
	iAadhaar = iota
	iVID
	iPAN
	iPassport
	iVoter
	iMobile
	numBuiltin
)

var builtinKinds = [numBuiltin]Kind{Aadhaar, AadhaarVID, PAN, Passport, VoterID, Mobile}

func builtinIndex(k Kind) int {
	for i, b := range builtinKinds {
		if b == k {
			return i
		}
	}
	return -1
}

// Bounds on how far the scanner reads around a candidate. They make the result
// independent of how a stream is cut into chunks, and memory constant.
const (
	backReach  = 256  // bytes read before a candidate's first digit, at most
	fwdReach   = 1280 // bytes read after it, at most
	headerMax  = 2048 // longest first line considered as a CSV header
	histSize   = backReach
	joinLen    = backReach + fwdReach
	maxGroup   = 25  // alnum characters: a longer run holds no identifier
	groupBytes = 128 // bytes of one group, zero-width characters included
	maxChain   = 12  // groups examined together: room for a pattern and the question resolve asks of its neighbour
	maxZW      = 8   // zero-width characters skipped in one gap or group
)

// Scanner finds identifiers in one stream that arrives in pieces. It keeps what
// it needs of the input already consumed (a few hundred bytes of context, the
// CSV header), so its memory does not grow with the stream. A Scanner is not
// safe for concurrent use; get one per stream from [Set.NewScanner].
type Scanner struct {
	set *Set
	st  state
	// Scan's view of the header decision, applied by Commit.
	pendHeader bool
	pend       csvHeader
	ends       []int64 // stream ends of the findings of the last Scan, for Commit
	win        [histSize + joinLen]byte
	cust       customState
	work       int // see loop.work
	// Where the last Scan left the CSV column (buf offset, column, quoted),
	// so that Commit goes on from there; at is -1 when it has nothing.
	csvMark struct {
		at, field int
		quoted    bool
	}
	// Where the last Scan left the HTML table state (buf offset, or -1) and,
	// when it changed it, that state.
	htmlMark   int
	htmlCopied bool
	htmlScan   htmlTable
	// The labels labelsBefore remembers. A label depends only on the bytes
	// before a finding that the memo keeps, so it holds across Scan calls
	// and streams, and Reset keeps it.
	memo [numBuiltin][memoWays]labelMemo
	// l is the state of Scan (see loop).
	l loop
}

// state is what a Scanner carries from one piece of a stream to the next.
type state struct {
	hist       [histSize]byte
	histLen    int
	lastEnd    int64 // stream offset just past the last finding committed (-1: none)
	streamed   int64 // bytes committed so far
	headerDone bool
	hdr        csvHeader
	field      int       // CSV column of the committed position
	quoted     bool      // inside a quoted CSV field
	html       htmlTable // HTML tables at the committed position
}

func (sc *Scanner) init(s *Set) {
	sc.set = s
	sc.st = state{lastEnd: -1}
	sc.pendHeader = false
	sc.csvMark.at = -1
	sc.htmlMark = -1
	sc.cust.forget()
}

// Reset discards the stream state, so that the Scanner can be used for a new
// stream.
func (sc *Scanner) Reset() { sc.init(sc.set) }

// Scan looks for identifiers in buf, which continues the stream from the last
// point given to Commit (from the start of the stream after NewScanner or
// Reset). It appends to dst the findings that lie wholly within buf[:n], in
// order of their start and without overlap, with offsets relative to buf, and
// returns the extended slice and n: the number of leading bytes of buf that are
// settled. Nothing found later will start before n. When atEOF is true n is
// len(buf); otherwise the bytes from n on must be given again, followed by more
// input, and n may be 0 when buf is shorter than [MaxLookahead].
//
// Scan never writes to buf, and does not change the Scanner: call Commit
// with the number of bytes consumed before the next call. Commit n itself
// (or 0, to give the same bytes again): the settled point is where a new
// examination may start, and a smaller count can make the next call start
// in the middle of a number ("+91-" committed, "9876543210" not) and find
// something else than a single pass would.
func (sc *Scanner) Scan(dst []Finding, buf []byte, atEOF bool) ([]Finding, int) {
	first := len(dst)
	l := &sc.l
	l.loopState = loopState{set: sc.set, atEOF: atEOF, dst: dst, unresolved: -1, lastEnd: sc.st.lastEnd,
		html: &sc.st.html, htmlScan: &sc.htmlScan, memo: &sc.memo}
	defer l.release()
	sc.htmlMark = -1
	hdr := &sc.st.hdr
	sc.pendHeader = false
	if !sc.st.headerDone {
		h, need := findHeader(buf, atEOF)
		if need {
			return dst, 0
		}
		sc.pend, sc.pendHeader = h, true
		hdr = &sc.pend
	}
	l.hdr = hdr
	l.csvOn = hdr.on
	l.field, l.quoted = sc.st.field, sc.st.quoted
	sc.csvMark.at = -1
	n := len(buf)
	pos := 0
	hl := sc.st.histLen
	if hl > 0 {
		// Phase 1: candidates near the start of buf may look back into the
		// committed input; work on a window that joins the two.
		m := len(buf)
		if m > joinLen {
			m = joinLen
		}
		w := sc.win[:hl+m]
		copy(w, sc.st.hist[:hl])
		copy(w[hl:], buf[:m])
		l.data, l.off = w, hl
		l.base = sc.st.streamed - int64(hl)
		l.streamStart = sc.st.streamed == int64(hl) // the window begins the stream
		l.eof = m == len(buf)
		pos = l.run(pos, backReach)
	}
	if l.unresolved < 0 {
		l.data, l.off = buf, 0
		l.base = sc.st.streamed
		l.streamStart = sc.st.streamed == 0
		l.eof = true
		l.run(pos, len(buf))
	}
	if !atEOF {
		if l.unresolved >= 0 && l.unresolved < n {
			n = l.unresolved
		}
		if h := tailHold(buf, l.settled); h < n {
			n = h
		}
		// A passport MRZ: its first line (44 characters of A-Z, 0-9 and '<',
		// starting with 'P') may precede the line holding a candidate still
		// to come. It is held back even when the scan settled its digits (as
		// a long run).
		if k := mrzTailStart(buf); k >= 0 && k < n {
			n = k
		}
		// A finding that runs across n (an MRZ whose second line looks like
		// a first line) is found again, whole, next time: settle only up to
		// its start.
		for _, f := range l.dst[first:] {
			if f.Start < n && n < f.End {
				n = f.Start
				break
			}
		}
		// Drop findings that reach past n: they are found again next time.
		k := len(l.dst)
		for k > first && l.dst[k-1].End > n {
			k--
		}
		l.dst = l.dst[:k]
	}
	if n < 0 {
		n = 0
	}
	sc.work += l.work
	if l.csvOn {
		sc.csvMark.at, sc.csvMark.field, sc.csvMark.quoted = l.csvAt, l.field, l.quoted
	}
	sc.htmlMark, sc.htmlCopied = l.htmlAt, l.htmlCopied
	sc.ends = sc.ends[:0]
	if !atEOF { // after the end of the stream no Scan follows
		for _, f := range l.dst[first:] {
			sc.ends = append(sc.ends, sc.st.streamed+int64(f.End))
		}
	}
	if len(sc.set.custom) > 0 {
		return sc.scanCustom(l.dst, first, buf, n, atEOF)
	}
	return l.dst, n
}

// Commit tells the Scanner that the first n bytes of buf, the buffer last given
// to Scan, are consumed: the next call to Scan starts at buf[n].
func (sc *Scanner) Commit(buf []byte, n int) {
	if n <= 0 {
		return
	}
	st := &sc.st
	for _, e := range sc.ends {
		if e <= st.streamed+int64(n) && e > st.lastEnd {
			st.lastEnd = e
		}
	}
	if sc.pendHeader {
		st.hdr, st.headerDone = sc.pend, true
		sc.pendHeader = false
	}
	if st.hdr.on {
		// Go on from where the scan left the column, not from buf[0].
		from, field, quoted := 0, st.field, st.quoted
		if m := sc.csvMark; m.at >= 0 && m.at <= n {
			from, field, quoted = m.at, m.field, m.quoted
		}
		st.field, st.quoted = csvAdvance(buf[from:n], st.hdr.delim, field, quoted)
	}
	sc.csvMark.at = -1
	// Likewise the HTML table state.
	from := 0
	if m := sc.htmlMark; m >= 0 && m <= n {
		from = m
		if sc.htmlCopied {
			st.html = sc.htmlScan
		}
	}
	st.html.advance(buf[from:n])
	sc.htmlMark = -1
	// Keep the last histSize bytes of the stream.
	if n >= histSize {
		copy(st.hist[:], buf[n-histSize:n])
		st.histLen = histSize
	} else {
		keep := histSize - n
		if keep > st.histLen {
			keep = st.histLen
		}
		copy(st.hist[:keep], st.hist[st.histLen-keep:st.histLen])
		copy(st.hist[keep:], buf[:n])
		st.histLen = keep + n
	}
	st.streamed += int64(n)
}

// csvAdvance moves the CSV column counter over b: a delimiter outside quotes
// starts the next field, a newline outside quotes the first field of a row,
// and each '"' goes into or out of a quoted field. It looks for these bytes
// with the bytes package's vectorised searches rather than one at a time.
func csvAdvance(b []byte, delim byte, field int, quoted bool) (int, bool) {
	sep := [1]byte{delim}
	for len(b) > 0 {
		q := bytes.IndexByte(b, '"')
		if quoted {
			if q < 0 {
				return field, true
			}
			quoted = false
			b = b[q+1:]
			continue
		}
		seg := b
		if q >= 0 {
			seg = b[:q]
		}
		for {
			nl := bytes.IndexByte(seg, '\n')
			if nl < 0 {
				break
			}
			field = 0
			seg = seg[nl+1:]
		}
		field += bytes.Count(seg, sep[:])
		if q < 0 {
			return field, false
		}
		quoted = true
		b = b[q+1:]
	}
	return field, quoted
}

// tailHold returns the point before which the end of buf cannot take part in
// a finding that starts with input still to come: it steps back over an
// incomplete UTF-8 sequence, over the letters and digits that a group arriving
// next would continue (and a short letter group before them, for a PAN written
// "ABCDE 1234 F"). It never goes below floor, the end of what the scan already settled.
func tailHold(buf []byte, floor int) int {
	i := len(buf)
	if i > 0 {
		// The common case, a piece that ends in a line break or other
		// punctuation, with no percent escape near its end: what follows
		// can continue nothing before it.
		if c := buf[i-1]; c < 0x80 {
			if cl := asciiClass[c] & 0xff; cl != clDigit && cl != clLetter && cl != clSep &&
				bytes.IndexByte(buf[max(0, i-11):], '%') < 0 {
				return max(i, floor)
			}
		}
	}
	return tailHoldSteps(buf, floor)
}

// tailHoldSteps is tailHold without its shortcut for the common case.
func tailHoldSteps(buf []byte, floor int) int {
	i := len(buf)
	// An incomplete UTF-8 sequence at the end.
	for k := 1; k <= 3 && k <= len(buf); k++ {
		b := buf[len(buf)-k]
		if b >= 0xC0 {
			if utf8Len(b) > k {
				i = len(buf) - k
			}
			break
		}
		if b < 0x80 {
			break
		}
	}
	i = escapeHold(buf, i)
	i = stepGroup(buf, i, floor)
	// A gap and a group of at most five letters before it.
	j, gl := i, 0
	for j > floor && gl < 4 {
		s := lastCharStart(buf, floor, j)
		cl, _, _ := classify(buf[s:j])
		if cl != clSep && cl != clZW {
			break
		}
		gl++
		j = s
	}
	if gl > 0 {
		if k := stepGroup(buf, j, floor); k < j && j-k <= 5*3 {
			i = k
		}
	}
	return max(i, floor)
}

// escapeHold steps back from i over an incomplete percent escape ("%", "%E")
// and over the escapes of an incomplete UTF-8 character ("%E0%A5"): the
// character they begin is only known when the rest arrives (see escapeCut).
func escapeHold(buf []byte, i int) int {
	for k := max(0, i-11); k < i; k++ { // a character is 12 bytes escaped, at most
		if buf[k] == '%' && escapeCut(buf[k:i]) {
			return k
		}
	}
	return i
}

// stepGroup steps back from i over letters, digits and zero-width
// characters, at most groupBytes bytes, never below floor.
func stepGroup(buf []byte, i, floor int) int {
	j := i
	for j > floor && i-j < groupBytes {
		if byteKind[buf[j-1]]&(kDigit|kLetter) != 0 && (j-3 < floor || buf[j-3] != '%') {
			j-- // an ASCII letter or digit, not the end of a percent escape
			continue
		}
		s := lastCharStart(buf, floor, j)
		cl, _, _ := classify(buf[s:j])
		if cl != clDigit && cl != clLetter && cl != clAlien && cl != clZW {
			break
		}
		j = s
	}
	return j
}

// mrzTailStart returns the start of a trailing MRZ first line (complete or
// not, possibly followed by the start of the second) in buf, or -1. It reads
// only the last 2*mrzLen+4 bytes; Scan calls it once for each call that does
// not end the stream.
func mrzTailStart(buf []byte) int {
	lo := max(len(buf)-2*mrzLen-4, 0)
	t := buf[lo:]
	// Candidate line starts, from the first: the tail's start when it is
	// the start of buf, and after each newline in the tail but the last
	// byte.
	if bytes.IndexByte(t, 'P') < 0 {
		return -1 // no line can start with one
	}
	if lo == 0 && mrzFirstLine(t) {
		return 0
	}
	for s := 0; ; {
		k := bytes.IndexByte(t[s:], '\n')
		if k < 0 || s+k+1 == len(t) {
			return -1
		}
		s += k + 1
		if mrzFirstLine(t[s:]) {
			return lo + s
		}
	}
}

// mrzFirstLine reports whether t, from a line start to the end of the input,
// is an MRZ first line that the input ends in or right after.
func mrzFirstLine(t []byte) bool {
	if len(t) == 0 || t[0] != 'P' {
		return false
	}
	line := t
	if e := bytes.IndexByte(line, '\n'); e >= 0 {
		// What follows must still be able to become the second line:
		// MRZ characters, the line not yet ended. (A whole second line
		// is in view and decided by the scan.)
		if rest := line[e+1:]; bytes.IndexByte(rest, '\n') >= 0 || !mrzPrefix(rest) {
			return false
		}
		line = line[:e]
	}
	line = bytes.TrimRight(line, "\r \t")
	if len(line) > mrzLen {
		return false
	}
	for _, c := range line {
		if mrzValue(c) < 0 {
			return false
		}
	}
	return true
}

func utf8Len(b byte) int {
	switch {
	case b >= 0xF0:
		return 4
	case b >= 0xE0:
		return 3
	case b >= 0xC0:
		return 2
	}
	return 1
}

// loop is the state of one Scan call over one view of the input: loopState,
// set afresh by each Scan, and loopScratch, the groups and gaps of the chain
// being examined, which every examination writes before it reads them. A
// loop lives in its Scanner, so that a Scan clears only loopState (a few
// hundred bytes, not the 1.6 KB of the whole): with log lines written one
// per Write, clearing all of it took 14% of a CPU profile.
type loop struct {
	loopState
	loopScratch
}

// release drops the loop's references to the Set and to the caller's input
// and findings, which the Scanner (perhaps one in a pool) would otherwise
// keep alive.
func (l *loop) release() { l.set, l.data, l.dst = nil, nil, nil }

// loopScratch is the part of loop that Scan does not clear.
type loopScratch struct {
	chain   [maxChain]grp
	spare   grp // a group read outside the chain
	gaps    [maxChain]gapInfo
	reachOf [maxChain]uint8 // the last chain group each answer read (see asked)
}

// loopState is the part of loop that each Scan sets afresh.
type loopState struct {
	set         *Set
	data        []byte // the view: data[off] is buf[0]
	off         int
	eof         bool // data ends where the input given to Scan ends
	atEOF       bool // the input given to Scan ends the stream
	streamStart bool // data[0] is the first byte of the stream
	dst         []Finding
	unresolved  int // buf offset of the first candidate that needs more input, or -1 once set... (see run)
	hdr         *csvHeader
	csvOn       bool
	field       int                              // CSV column at buf offset csvAt
	quoted      bool                             // inside a quoted CSV field at buf offset csvAt
	csvAt       int                              // see csvTo
	colLabel    label                            // the header's label for the column of the candidate
	html        *htmlTable                       // HTML table state at buf offset htmlAt (see htmlTo)
	htmlScan    *htmlTable                       // where a Scan changes it: html after the first change
	htmlCopied  bool                             // html is htmlScan, no longer the committed state
	htmlAt      int                              // buf offset up to which html has been advanced
	settled     int                              // buf offset up to which candidates were examined
	base        int64                            // stream offset of data[0]
	lastEnd     int64                            // stream offset of the end of the last finding, or -1
	work        int                              // bytes read by candidate examination, bounded above (for tests)
	form        chainForm                        // the chain blockRun found for chained
	free        uint16                           // chain groups known to begin a finding: see matchFree
	rblocked    uint16                           // chain groups on the right that blocked a pattern in the last match
	asked       uint16                           // chain groups beginsFinding has answered for, in this eval
	begins      uint16                           // its answers
	dry         bool                             // findings are made only to be taken back (beginsFinding): score reads no context
	reach       int                              // the last chain group the decision being made read
	memo        *[numBuiltin][memoWays]labelMemo // the Scanner's, see labelsBefore
}

// lo returns the lowest data index that a candidate at i may read.
func (l *loop) lo(i int) int {
	if i-backReach > 0 {
		return i - backReach
	}
	return 0
}

// fullExam turns the fast paths off: every digit goes through the full
// examination. Tests set it to check that the fast paths change no finding.
var fullExam bool

// interesting marks the bytes at which the scanner stops: ASCII digits and
// every byte of a multi-byte character (a digit of another script, a letter
// folded to Latin, a zero-width character).
var interesting [256]bool

func init() {
	for c := '0'; c <= '9'; c++ {
		interesting[c] = true
	}
	for c := 0x80; c < 0x100; c++ {
		interesting[c] = true
	}
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// skip returns the index of the first interesting byte in data[i:hi], or hi.
func skip(data []byte, i, hi int) int {
	for i+8 <= hi {
		w := binary.LittleEndian.Uint64(data[i:])
		// A byte is interesting if its high bit is set or it is in '0'..'9'.
		hi7 := w & msb
		if m := hi7 | inRange(w&^msb, '0', '9'); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < hi && !interesting[data[i]] {
		i++
	}
	return i
}

// run scans data from buf offset pos; it starts no candidate at or after
// limit. It returns the buf offset where it stopped. It sets l.unresolved to the
// buf offset of a candidate that needs more input.
//
// It reads the data 64 bytes at a time into bit masks of ASCII digits, of
// ASCII letters and of bytes >= 0x80 (see blockMasks). Each digit run and
// each byte >= 0x80 is a stop. Most digit runs in logs are short and between
// plain punctuation; one table lookup decides them. blockRun decides most of the others (dates,
// "1234ms", "x86_64") from the masks and the bytes around them. The rest go
// to step, which decides them byte by byte, and to the full examination.
func (l *loop) run(pos, limit int) int {
	l.unresolved = -1
	data, off := l.data, l.off
	end := len(data)
	stop := min(end, limit+off)
	p := pos + off
	byteUntil := 0
	for p < stop {
		if p+64 > end || p < 2 || fullExam || p < byteUntil {
			if p+64 > end && end >= 66 && !fullExam && p >= byteUntil {
				next, halt := l.runTail(p, stop, &pos)
				if halt {
					return next - off
				}
				p = next
				continue
			}
			// Byte by byte: near the ends of the data, in text of other
			// scripts, and for tests.
			p = skip(data, p, stop)
			if p >= stop {
				break
			}
			next, moved, halt := l.step(p, stop)
			if halt {
				return p - off
			}
			if moved {
				pos = next - off
			}
			p = next
			continue
		}
		w := p
		dig, hi, alpha := blockMasks(data[w : w+64])
		if hi != 0 && bits.OnesCount64(hi&0xFF00) > 4 {
			// Characters of other scripts: the byte-by-byte path steps
			// over them a word at a time.
			byteUntil = w + 64
			continue
		}
		blk := (*[66]byte)(data[w-2 : w+64]) // blk[k+2] is data[w+k]; w >= 2 here
		ev := dig&^(dig<<1) | dig&1 | hi
		if n := stop - w; n < 64 {
			ev &= 1<<n - 1
		}
		p = w + 64
		// The end of the last run decided here, or -1: the scan position
		// and the settled point move to it before the next step, and at the
		// end of the block. No event inside a run is set in ev, so the next
		// event does not wait for the end of this run to be known.
		last := -1
		bk := block{b: blk, w: w, dig: dig, alpha: alpha}
		for ev != 0 {
			t := bits.TrailingZeros64(ev) & 63
			v, g := runStep, 0
			if hi>>t&1 == 0 {
				e := t + bits.TrailingZeros64(^(dig >> t))
				if shortHopeless(blk, t, e) {
					// A run that cannot start an identifier.
					last = e
					ev &= ev - 1
					continue
				}
				if g, v = l.blockRun(&bk, t, e); v == runDone {
					// Decided from the masks, without step.
					last = g
					ev &^= 1<<uint(g) - 1
					continue
				} else if v == runAgain {
					p = w + g
					break
				}
			}
			if last >= 0 {
				l.settle(w+last, &pos)
				last = -1
			}
			i := w + t
			var next int
			var moved, halt bool
			switch v {
			case runSkip:
				next, moved = w+g, true
			case runIsolated:
				next, halt = l.isolated(w + g)
				moved = true
			case runChained:
				next, halt = l.chained(w + g)
				moved = true
			case runExamine:
				next, halt = l.candidate(i)
				moved = true
			default:
				next, moved, halt = l.step(i, stop)
			}
			if halt {
				return i - off
			}
			if moved {
				pos = next - off
			}
			if next >= w+64 {
				p = next
				break
			}
			// Go on from next: drop the stops before it, and stop at it
			// if it is a digit in the middle of a run.
			k := uint(next - w)
			ev &^= 1<<k - 1
			ev |= (dig | hi) & (1 << k)
		}
		if last >= 0 {
			l.settle(w+last, &pos)
		}
	}
	if pos < limit {
		pos = limit
	}
	return pos
}

// shortHopeless reports whether the run of ASCII digits at block offsets
// t..e of blk (blk[k+2] is the byte at offset k) is a short one, between
// plain bytes, that the table says cannot start an identifier.
func shortHopeless(blk *[66]byte, t, e int) bool {
	n := e - t
	return n < 8 && e < 64 &&
		shortRunHopeless[n][blk[t+2]&63]&plain[blk[t+1]]&plainAfter[blk[e+2]]&notPercent[blk[t]] != 0
}

// runTail is run's block path for the last bytes of the data, fewer than 64,
// from data index from: a piece written on its own, such as a log line, ends
// in them. It reads the block that ends with the data (len(data) >= 66), from
// the events at from on. The short runs of digits that the table decides,
// and those that blockRun decides (runDone), it passes over as run does;
// every other run, and every byte >= 0x80, goes to step, as in the
// byte-by-byte path (blockRun's other verdicts are what step would find, and
// a run that it would read again, runAgain, cannot be read again in a later
// block). It returns the data index where run goes on, or, with halt, the one
// where it stops. *pos is run's scan position.
func (l *loop) runTail(from, stop int, pos *int) (next int, halt bool) {
	data := l.data
	w := len(data) - 64
	dig, hi, alpha := blockMasks(data[w:])
	blk := (*[66]byte)(data[w-2:])
	f := from - w // 1 to 63: the events from f on, and f itself in the middle of a run
	ev := (dig&^(dig<<1)|dig&1|hi)&^(1<<f-1) | (dig|hi)&(1<<f)
	ev &= 1<<(stop-w) - 1
	bk := block{b: blk, w: w, dig: dig, alpha: alpha}
	last := -1
	for ev != 0 {
		t := bits.TrailingZeros64(ev) & 63
		if hi>>t&1 == 0 {
			e := t + bits.TrailingZeros64(^(dig >> t))
			if shortHopeless(blk, t, e) {
				last = e
				ev &= ev - 1
				continue
			}
			if g, v := l.blockRun(&bk, t, e); v == runDone {
				last = g
				ev &^= 1<<g - 1
				continue
			}
		}
		if last >= 0 {
			l.settle(w+last, pos)
			last = -1
		}
		i := w + t
		nx, moved, stopped := l.step(i, stop)
		if stopped {
			return i, true
		}
		if moved {
			*pos = nx - l.off
		}
		if nx >= len(data) {
			return nx, false
		}
		k := uint(nx - w)
		ev &^= 1<<k - 1
		ev |= (dig | hi) & (1 << k)
	}
	if last >= 0 {
		l.settle(w+last, pos)
	}
	return len(data), false
}

// settle records that the scan has decided everything before data index e:
// the settled point and the scan position *pos (a buf offset) move there.
func (l *loop) settle(e int, pos *int) {
	l.settleTo(e)
	*pos = e - l.off
}

// settleTo moves the settled point forward to data index e.
func (l *loop) settleTo(e int) {
	if e-l.off > l.settled {
		l.settled = e - l.off
	}
}

// step decides the stop at data index p: a digit or a byte >= 0x80. It returns
// where the scan goes on, whether the scan position moved there (a run,
// group or candidate was dealt with), and halt when the candidate at p needs
// more input than Scan was given.
func (l *loop) step(p, stop int) (next int, moved, halt bool) {
	data := l.data
	end := len(data)
	if fullExam {
		// The reference path for tests: no fast decision.
	} else if b := data[p]; b >= 0x80 {
		// Only digits of other scripts start a candidate; step over any
		// other character whole.
		if k := nonDigitRun(data, p, stop); k > p {
			return k, false, false
		}
	} else if p > 0 && data[p-1] != '%' && (p < 2 || data[p-2] != '%') {
		// An ASCII digit.
		d1 := byte('1') // a run cut at the end could be "91"
		if p+1 < end {
			d1 = data[p+1]
		}
		if plainBefore(data[p-1], b, d1) {
			// A run of ASCII digits with plain edges: decide it here.
			e := p + 1
			for e < end && data[e]-'0' < 10 {
				e++
			}
			if n := e - p; e < end && plainAfter[data[e]] != 0 &&
				(n == 1 && b != '0' || n == 2 && (b != '9' || data[p+1] != '1') ||
					(data[p-1] != '\n' && data[e] != '\n' || n < 8) && quick(data[:min(end, p+fwdReach)], p, e)) {
				l.settleTo(e)
				return e, true, false
			}
		}
	}
	next, halt = l.candidate(p)
	return next, true, halt
}

// pack gathers bit 7 of each byte of m, the only bits set, into 8 bits.
func pack(m uint64) uint64 {
	return (m >> 7) * 0x0102040810204080 >> 56
}

// csvTo moves the CSV column counter over the bytes since the last call, up
// to data index p, and sets the column's label. The scan looks at the column
// only for a candidate, and candidates come in the order of the input (the
// second view of Scan starts where the first stopped), so p never goes back.
func (l *loop) csvTo(p int) {
	u := max(p-l.off, l.csvAt)
	l.field, l.quoted = csvAdvance(l.data[l.csvAt+l.off:u+l.off], l.hdr.delim, l.field, l.quoted)
	l.csvAt = u
	l.colLabel = lblNone
	if l.field < l.hdr.ncol {
		l.colLabel = l.hdr.labels[l.field]
	}
}

// nonDigitRun steps over multi-byte characters from p that are not digits,
// and returns where it stopped: at a digit, an ASCII byte, a character cut by
// hi, or hi.
func nonDigitRun(data []byte, p, hi int) int {
	for p < hi {
		b := data[p]
		switch {
		case b < 0x80:
			return p
		case b < 0xC0:
			p++ // a stray continuation byte
			continue
		case b < 0xE0:
			if p+2 > hi {
				return p
			}
			if data[p+1]&0xC0 != 0x80 {
				p++ // invalid: a byte on its own, as classify sees it
				continue
			}
			if arabicDigit(b, data[p+1]) {
				return p
			}
			p += 2
			continue
		case b < 0xF0:
			if p+3 > hi {
				return p
			}
			if data[p+1]&0xC0 != 0x80 || data[p+2]&0xC0 != 0x80 {
				p++
				continue
			}
			if b == 0xE0 && indicDigit(data[p+1], data[p+2]) || b == 0xEF && data[p+1] == 0xBC && data[p+2]-0x90 < 10 {
				return p
			}
			p += 3
			continue
		default:
			if p+4 > hi {
				return p
			}
			if data[p+1]&0xC0 != 0x80 || data[p+2]&0xC0 != 0x80 || data[p+3]&0xC0 != 0x80 {
				p++
				continue
			}
			p += 4
		}
	}
	return p
}

func indicDigit(b1, b2 byte) bool {
	return b1 >= 0xA0 && b1 < 0xC0 && indicDigitBlock[b1&0x3F] && b2 >= 0xA6 && b2 <= 0xAF
}

// prefixParen reports whether run, followed by ')', could be a mobile prefix
// written "(+91) ...", "(0091) ..." or with the trunk zero "(0) ...".
func prefixParen(run []byte) bool {
	return string(run) == "91" || string(run) == "0091" || string(run) == "0"
}

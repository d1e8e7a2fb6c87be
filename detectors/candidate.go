package detectors

import "github.com/kavach-dev/kavach/internal/inplace"

// candidate is examine, recording how far the scan has settled. An ASCII
// digit is first put to fast, which decides most groups from their shape.
func (l *loop) candidate(p int) (next int, stop bool) {
	if !fullExam && l.data[p]-'0' < 10 {
		if next, done := l.fast(p); done {
			l.settleTo(next)
			return next, false
		}
	}
	l.begin(p)
	// A digit that is part of a percent escape: the character starts at '%'.
	c := escapeStart(l.data, l.lo(p), p)
	next, stop = l.examine(c)
	if !stop && next <= p {
		next = p + 1 // always make progress
	}
	if !stop && classDigit(l.data[c:]) {
		l.settleTo(next)
	}
	return next, stop
}

// examine examines the group holding the character at data index p (a digit,
// perhaps percent-encoded: see escapeStart), the groups
// chained to it and its neighbours, and appends what it finds. It returns the
// data index to continue from, or stop when the input given to Scan ends too
// soon to decide (l.unresolved is then set).
func (l *loop) examine(p int) (next int, stop bool) {
	cl, _, size, more := l.read(p, len(l.data))
	if more {
		return l.wait(p)
	}
	if cl != clDigit {
		return p + max(size, 1), false
	}
	hi := min(len(l.data), p+fwdReach)
	start, long := l.groupStart(p)
	// A passport MRZ line starts a line.
	if start == 0 && l.streamStart || start > 0 && l.data[start-1] == '\n' {
		if end, ok, more := l.mrz(start, hi); more {
			return l.wait(l.mrzDeferPoint(start))
		} else if ok {
			return end, false
		}
	}
	if long {
		// Step over the run, a bounded piece at a time.
		nx, more := l.group(&l.spare, p, hi)
		if more {
			return l.wait(l.waitPoint(start))
		}
		return max(nx, p+size), false
	}
	if end, more := l.uuidEnd(start); more {
		return l.wait(l.waitPoint(start))
	} else if end > 0 {
		// Digits inside a UUID: step over the whole of it.
		return max(end, p+size), false
	}
	chain, gaps := &l.chain, &l.gaps
	// Groups are read in place: chain[m] is filled before it is known to
	// join the chain, and m counts the groups that do.
	g0 := &chain[0]
	nx, more := l.group(g0, start, hi)
	if more {
		return l.wait(l.waitPoint(start))
	}
	if g0.long {
		return max(nx, p+size), false
	}
	left, plus := l.leftOf(start)
	left.consumed = left.present && l.consumed(left.end)
	g0.plus = plus
	m := 1
	// A short letter group before the first digits may begin a PAN or voter
	// ID written in groups: "ABCDE 1234 F", "ABC 1234567".
	if left.letterPrefix() {
		lg := &l.spare
		if l.group(lg, left.start, start); !lg.long && lg.letters() {
			ll, _ := l.leftOf(left.start)
			ll.consumed = ll.present && l.consumed(ll.end)
			chain[1] = chain[0]
			chain[0], gaps[0] = *lg, left.gap
			m = 2
			left = ll
		}
	}
	lead := m - 1 // the index of the group at start
	cstart := chain[0].start
	complete := true
	last := nx
	for {
		gp, ns, more := l.gapAfter(chain[m-1].end, hi)
		if more {
			return l.wait(cstart)
		}
		if !gp.ok {
			last = chain[m-1].end
			break
		}
		if m == maxChain {
			complete = false
			break
		}
		g := &chain[m]
		if _, more := l.group(g, ns, hi); more {
			return l.wait(cstart)
		}
		if g.long || g.letters() && g.n != 1 {
			// A word of letters takes part in no grouped form (but the last
			// letter of a PAN), and blocks nothing: the chain ends here.
			last = chain[m-1].end
			break
		}
		g.plus = plusBefore(l.data, 0, ns)
		gaps[m-1] = gp
		m++
	}
	// The context after the last group must be complete too, also when the
	// chain goes on: a finding may end at its last group read.
	if l.contextCut(chain[m-1].end) {
		return l.wait(cstart)
	}
	evalTo := m
	if !complete {
		evalTo = m - 5
	}
	i := l.eval(chain[:m], gaps[:m], &left, evalTo, lead, complete)
	if !complete {
		// Go on from the first group not evaluated, or after the chain when
		// a finding took every group (see overlap).
		if i < m {
			return chain[i].start, false
		}
		return chain[m-1].end, false
	}
	return max(last, p+size), false
}

// begin does what every examination of the candidate at data index p does
// first: it follows the CSV column (whose label is context) and counts the
// bytes it may read backward.
func (l *loop) begin(p int) {
	if l.csvOn {
		l.csvTo(p)
	}
	l.work += backReach // an upper bound on the bytes read backward
}

// contextCut reports whether the context after a finding ending at data
// index e may go on past the input given to Scan, which the stream goes on
// after: its line has not ended within ctxAfter bytes.
func (l *loop) contextCut(e int) bool {
	return l.eof && !l.atEOF && e+ctxAfter+1 > len(l.data) && !hasNewline(l.data[e:])
}

func hasNewline(b []byte) bool {
	for _, c := range b {
		if c == '\n' {
			return true
		}
	}
	return false
}

// defer records that the candidate beginning at data index i needs more input.
func (l *loop) wait(i int) (int, bool) {
	u := i - l.off
	if u < 0 {
		u = 0
	}
	l.unresolved = u
	return i, true
}

// waitPoint returns where to wait for more input when the group at start
// cannot be read whole yet: before a letter group that may begin a PAN or
// voter ID with it ("ABC 1234567"), so that the letters are given again.
func (l *loop) waitPoint(start int) int {
	if left, _ := l.leftOf(start); left.letterPrefix() {
		return left.start
	}
	return start
}

// letterPrefix reports whether the neighbour is a short letter group that may
// begin a PAN or voter ID written in groups ("ABCDE 1234 F", "ABC 1234567",
// "T 4401106"): one, three or five letters, then a space or hyphen.
func (nb *neighbour) letterPrefix() bool {
	return nb.present && nb.letters && (nb.n == 1 || nb.n == 3 || nb.n == 5) && nb.gap.ok && !nb.gap.paren &&
		(nb.gap.sep == sepSpace || nb.gap.sep == sepHyphen)
}

// emit appends a finding at data indices [start, end).
func (l *loop) emit(ki int, start, end int, score float64) {
	if !l.set.enabled[ki] {
		return
	}
	if score > 1 {
		score = 1
	}
	s, e := start-l.off, end-l.off
	if s < 0 {
		s = 0 // cannot happen for well-bounded input; fail closed on what is left
	}
	if n := len(l.dst); n > 0 && l.dst[n-1].End > s {
		return // overlaps the previous finding
	}
	var f *Finding
	l.dst, f = inplace.Append(l.dst) // field by field: see inplace.Append
	f.Kind, f.Start, f.End, f.Score, f.Err = builtinKinds[ki], s, e, score, nil
	l.lastEnd = l.base + int64(end)
}

// consumed reports whether the group ending at data index end is the end of
// the last finding made.
func (l *loop) consumed(end int) bool {
	return l.lastEnd >= 0 && l.base+int64(end) == l.lastEnd
}

// eval tries the patterns at every group index below to and returns the index
// of the first group not consumed. When the chain is not complete (it may go
// on past its last group), a decision at a group after ch[lead] (the group
// of the digit examined, after the letters that may begin a PAN) that read
// groups too near the chain's end is taken back and left to the next
// examination, whose chain begins with that group (or with the letters before
// it). A decision at ch[lead] or before is kept, so that the scan moves on:
// it reads as far as the chain goes, the same in whichever examination it is
// made.
func (l *loop) eval(ch []grp, gaps []gapInfo, left *neighbour, to, lead int, complete bool) int {
	l.asked, l.begins = 0, 0
	i := 0
	for i < to {
		dst, lastEnd := l.dst, l.lastEnd
		l.reach = 0
		k := l.matchFree(ch, gaps, left, i, complete)
		if !complete && i > lead && l.reach > len(ch)-2 {
			l.dst, l.lastEnd = dst, lastEnd
			return i
		}
		if k == 0 {
			k = 1
		}
		i += k
	}
	return i
}

// matchFree is match at ch[i], then resolve.
func (l *loop) matchFree(ch []grp, gaps []gapInfo, left *neighbour, i int, complete bool) int {
	l.reach = max(l.reach, i+4) // a pattern reads four groups after its first, at most
	l.rblocked = 0
	n := len(l.dst)
	k := l.match(ch, gaps, left, i, complete)
	return l.resolve(ch, gaps, left, i, k, n, complete)
}

// resolve applies to what match found at ch[i] (k groups, and the findings
// after dst[n]) the rule that a neighbour which is part of a finding blocks
// nothing, on the right as on the left. When nothing matched and a neighbour
// on the right blocked a pattern, it asks whether that neighbour begins a
// finding, and if one does, tries ch[i] again with that neighbour consumed
// (on the left the rule needs no question: findings are made from left to
// right). Without it, "7000000000.2341 2341 2346" would have its Aadhaar
// number masked and its mobile number kept as the whole part of a decimal
// number, which the masked text ("7000000000.XXXX XXXX 2346") no longer
// shows: masking the output again would change it. A grouped finding is then
// extended by overlap. It returns the number of groups consumed.
func (l *loop) resolve(ch []grp, gaps []gapInfo, left *neighbour, i, k, n int, complete bool) int {
	if k == 0 && l.rblocked != 0 {
		blocked := l.rblocked
		var free uint16
		for j := i + 1; j < len(ch); j++ {
			if blocked&(1<<j) != 0 && l.beginsFinding(ch, gaps, left, j, complete) {
				free |= 1 << j
			}
		}
		if free != 0 {
			saved := l.free
			l.free |= free
			k = l.match(ch, gaps, left, i, complete)
			l.free = saved
		}
	}
	if k > 1 && i+k < len(ch) && len(l.dst) > n {
		// A group after the finding may begin a second reading.
		k += l.overlap(ch, gaps, left, i+k-1, complete)
	}
	return k
}

// beginsFinding reports whether a finding begins with the group ch[j] when
// the group before it is not part of one. It tries ch[j] and takes back what
// that appended; the answer, and how far it read, are kept for the rest of
// the chain.
func (l *loop) beginsFinding(ch []grp, gaps []gapInfo, left *neighbour, j int, complete bool) bool {
	bit := uint16(1) << j
	if l.asked&bit == 0 {
		dst, lastEnd, reach, dry := l.dst, l.lastEnd, l.reach, l.dry
		l.reach = 0
		l.dry = true // what is found is taken back: its score does not matter
		n := len(dst)
		if l.matchFree(ch, gaps, left, j, complete) > 0 && len(l.dst) > n && l.dst[n].Start < ch[j].end-l.off {
			l.begins |= bit
		}
		l.dst, l.lastEnd, l.dry = dst, lastEnd, dry
		l.asked |= bit
		l.reachOf[j] = uint8(l.reach)
		l.reach = reach
	}
	l.reach = max(l.reach, int(l.reachOf[j]))
	return l.begins&bit != 0
}

// overlap extends the finding just made, whose last group is ch[e], over a
// finding that begins with that group when the groups before it are part of
// one, and returns the number of groups it added. The two readings share the
// group: "2341 2341 2346-2024-2024" holds two Aadhaar numbers, written with
// spaces and with hyphens. One finding over both, of the first one's kind,
// masks them both; a finding of the first alone would be masked as
// "XXXX XXXX 2346-2024-2024", where the second is still whole.
func (l *loop) overlap(ch []grp, gaps []gapInfo, left *neighbour, e int, complete bool) int {
	dst, lastEnd, free := l.dst, l.lastEnd, l.free
	n := len(dst) - 1
	first := dst[n]
	l.dst = dst[:n]                         // the finding that begins with ch[e] may take its place
	l.lastEnd = l.base + int64(ch[e-1].end) // ch[e-1] is part of the first finding
	l.free = 0
	k := l.matchFree(ch, gaps, left, e, complete)
	ext := k > 1 && len(l.dst) > n && l.dst[n].Start == ch[e].start-l.off && l.dst[n].End > first.End
	if ext {
		first.End, first.Score = l.dst[n].End, max(first.Score, l.dst[n].Score)
		lastEnd = l.lastEnd
	}
	dst[n] = first
	l.dst, l.lastEnd, l.free = dst, lastEnd, free
	if !ext {
		return 0
	}
	return k - 1
}

// ipv6Around reports whether the groups at data[s:e], joined by ':', are
// part of an IPv6 address: "::" or a group of one to four hex digits with a
// letter among them, joined by one ':', on either side
// ("2401:4900:4235:6c59::2e20", "fe80::2341:2341:2346").
func ipv6Around(data []byte, s, e int) bool {
	if e+1 < len(data) && data[e] == ':' && (data[e+1] == ':' || hexWord(data, e+1, min(len(data), e+6))) {
		return true
	}
	if s >= 2 && data[s-1] == ':' {
		i := s - 1
		for i > 0 && s-1-i < 5 && isHex(data[i-1]) {
			i--
		}
		return data[s-2] == ':' || hexWord(data, i, s-1)
	}
	return false
}

// hexWord reports whether data[i:j] begins with a word of one to four ASCII
// hex digits, at least one of them a letter: a letter or digit neither
// before it nor after it.
func hexWord(data []byte, i, j int) bool {
	n, letter := 0, false
	for i+n < j && isHex(data[i+n]) {
		letter = letter || data[i+n] > '9'
		n++
	}
	word := func(k int) bool { return k >= 0 && k < len(data) && data[k] < 0x80 && asciiAlnum(data[k]) != clOther }
	return n >= 1 && n <= 4 && letter && !word(i-1) && !word(i+n)
}

// nbRight describes the neighbour after ch[j-1]. A neighbour known to begin
// a finding (see resolve) is consumed.
func (l *loop) nbRight(ch []grp, gaps []gapInfo, j int) neighbour {
	if j >= len(ch) {
		return neighbour{}
	}
	g := &ch[j]
	return neighbour{present: true, gap: gaps[j-1], n: g.n, digits: g.digits(), letters: g.letters(),
		start: g.start, end: g.end, zeros: g.digits() && g.n <= 2 && string(g.s()) == "00"[:g.n],
		consumed: l.free&(1<<j) != 0}
}

// blockedBy passes on blocks, the verdict that the neighbour ch[j] on the
// right blocks a pattern, and records a block for resolve.
func (l *loop) blockedBy(j int, blocks bool) bool {
	if blocks {
		l.rblocked |= 1 << j
	}
	return blocks
}

// nbLeft sets *nb to the neighbour of ch[i] on the left.
func nbLeft(nb *neighbour, ch []grp, gaps []gapInfo, left *neighbour, i int) {
	if i == 0 {
		*nb = *left
		return
	}
	g := &ch[i-1]
	*nb = neighbour{present: true, gap: gaps[i-1], n: g.n, digits: g.digits(), letters: g.letters(),
		start: g.start, end: g.end}
	if d := g.s(); len(d) > 0 {
		nb.code = nb.digits && countryCode(g.n, d[0], d[len(d)-1], g.plus, nb.gap.ok)
	}
}

// uniform reports whether the gaps between ch[i..i+k) are all plain gaps with
// the same separator, and returns it. Wide gaps (sepWide) count only when
// wide is set: the plain grouped forms (multiForms) take them, no other.
func uniform(gaps []gapInfo, i, k int, wide bool) (int, bool) {
	if k < 2 {
		return sepNone, true
	}
	sep := gaps[i].sep
	if sep == sepWide && !wide {
		return sepNone, false
	}
	for j := i; j < i+k-1; j++ {
		if !gaps[j].ok || gaps[j].paren || gaps[j].sep != sep || sep == sepNone {
			return sepNone, false
		}
	}
	return sep, true
}

// prefixGap reports whether gp, between the prefix of a mobile number and
// its core, is one the prefixed forms take: not ':' and not wide.
func prefixGap(gp gapInfo) bool {
	return gp.ok && gp.sep != sepColon && gp.sep != sepWide
}

// blocksGroups reports whether a neighbour makes a multi-group pattern part of
// a longer run of digit groups written the same way (a card number, a list):
// a group of digits with the same separator and one of the sizes in sizes (a
// bit per size). A neighbour that is part of a finding already made blocks
// nothing.
func blocksGroups(nb neighbour, sep int, sizes uint32) bool {
	return nb.present && !nb.consumed && nb.digits && !nb.gap.paren && nb.gap.sep == sep &&
		nb.n < 32 && sizes&(1<<uint(nb.n)) != 0
}

// Group sizes that make a neighbour block a pattern.
const (
	sizes4   = 1 << 4
	sizes5   = 1 << 5
	sizes34  = 1<<3 | 1<<4
	sizes345 = 1<<3 | 1<<4 | 1<<5
)

// blocksSingle reports whether a neighbour joined by '-', '.' or ':' and
// holding digits makes a single group part of something longer (a UUID, a
// decimal number, a date).
func blocksSingle(nb neighbour) bool {
	if !nb.present || nb.consumed || nb.letters || nb.gap.paren {
		return false
	}
	if nb.zeros && nb.gap.sep == sepDot {
		return false // 9876543210.0: a spreadsheet wrote the number as a float
	}
	switch nb.gap.sep {
	case sepHyphen, sepDot, sepColon:
		return true
	}
	return false
}

func sameShape(ch []grp, i int, lens ...int) bool {
	if i+len(lens) > len(ch) {
		return false
	}
	for j, n := range lens {
		if !ch[i+j].digits() || ch[i+j].n != n {
			return false
		}
	}
	return true
}

// match tries every pattern at ch[i] and returns the number of groups
// consumed (0 if none matched).
func (l *loop) match(ch []grp, gaps []gapInfo, left *neighbour, i int, complete bool) int {
	g := &ch[i]
	var lnb neighbour
	nbLeft(&lnb, ch, gaps, left, i)
	lnb.consumed = lnb.present && l.consumed(lnb.end)
	// A group that is part of a finding is no calling code: in
	// "7672+338+315 9876543210" the "+315" ends a mobile number. (Masked,
	// "[MOBILE] 9876543210" shows no '+'.)
	lnb.code = lnb.code && !lnb.consumed
	// Mobile numbers written with a prefix group: +91 / 91 / 0091 / 0.
	if g.digits() && i+1 < len(ch) {
		if k := l.mobilePrefixed(ch, gaps, i); k > 0 {
			return k
		}
	}
	// Multi-group forms.
	for _, f := range multiForms {
		k := len(f.lens)
		if !sameShape(ch, i, f.lens...) || f.kind == iMobile && lnb.code {
			// "+1 650 253 0000", "+44 7911 123456": not an Indian mobile.
			continue
		}
		sep, ok := uniform(gaps, i, k, true)
		if !ok {
			continue
		}
		if blocksGroups(lnb, sep, f.blocks) || l.blockedBy(i+k, blocksGroups(l.nbRight(ch, gaps, i+k), sep, f.blocks)) ||
			sep == sepHyphen && blocksGroups(lnb, sep, f.hyphenLeft) ||
			sep == sepColon && ipv6Around(l.data, ch[i].start, ch[i+k-1].end) {
			continue
		}
		if l.multi(f.kind, ch[i:i+k], sep == sepWide) {
			return k
		}
	}
	// PAN written in three groups: ABCDE 1234 F.
	if i+2 < len(ch) && ch[i].letters() && ch[i].n == 5 && ch[i+1].digits() && ch[i+1].n == 4 &&
		ch[i+2].letters() && ch[i+2].n == 1 {
		if sep, ok := uniform(gaps, i, 3, false); ok && (sep == sepSpace || sep == sepHyphen) {
			var v [10]byte
			copy(v[:5], ch[i].s())
			copy(v[5:9], ch[i+1].s())
			v[9] = ch[i+2].c[0]
			if base := panBase(v[:], ch[i].lower+ch[i+2].lower); base > 0 {
				l.score(iPAN, ch[i].start, ch[i+2].end, base-0.2)
				return 3
			}
		}
	}
	// Passport and voter ID split after the letters or early digits.
	if i+1 < len(ch) && gaps[i].ok && !gaps[i].paren && (gaps[i].sep == sepSpace || gaps[i].sep == sepHyphen) && ch[i+1].digits() {
		a, b := &ch[i], &ch[i+1]
		if a.n == 3 && a.nl == 1 && a.c[0] >= 'A' && a.c[1] >= '1' && a.c[1] <= '9' && a.nd == 2 && b.n == 5 {
			l.score(iPassport, a.start, b.end, passportBase(a.lower)-0.05)
			return 2
		}
		if a.letters() && a.n == 1 && b.n == 7 && b.c[0] != '0' {
			// T 4401106: a passport number written with a space.
			l.score(iPassport, a.start, b.end, passportBase(a.lower)-0.05)
			return 2
		}
		if a.letters() && a.n == 3 && b.n == 7 {
			l.score(iVoter, a.start, b.end, voterBase(b.s(), a.lower)-0.05)
			return 2
		}
	}
	// Single groups.
	if blocksSingle(lnb) || l.blockedBy(i+1, blocksSingle(l.nbRight(ch, gaps, i+1))) {
		return 0
	}
	if g.digits() && g.n == 10 && l.notMobile(lnb) {
		return 0
	}
	if l.single(g) {
		return 1
	}
	return 0
}

type multiForm struct {
	kind       int
	lens       []int
	blocks     uint32 // neighbour sizes that block the form
	hyphenLeft uint32 // more sizes that block it on the left when written with hyphens
}

// multiForms lists the grouped forms, longest first.
var multiForms = []multiForm{
	{iVID, []int{4, 4, 4, 4}, sizes4, 0},
	// An ABHA health ID is 14 digits written 91-2341-2341-2346.
	{iAadhaar, []int{4, 4, 4}, sizes4, 1 << 2},
	{iMobile, []int{3, 3, 4}, sizes34, 0},
	{iMobile, []int{4, 3, 3}, sizes34, 0},
	{iMobile, []int{5, 5}, sizes5, 0},
}

// multi checks a grouped form of the digit groups gs.
// The groups are joined by wide gaps (sepWide) when wide is set.
func (l *loop) multi(ki int, gs []grp, wide bool) bool {
	var v [16]byte
	n := 0
	for i := range gs {
		n += copy(v[n:], gs[i].s())
	}
	top := 1.0
	if wide {
		top = wideBase
	}
	return l.multiDigits(ki, v[:n], len(gs), gs[0].start, gs[len(gs)-1].end, top)
}

// wideBase is the highest base score of a grouped form whose groups are
// joined by wide gaps (sepWide): below DefaultThreshold, so that such a
// number is an identifier when a context word names it ("Aadhaar: 2341  2341
// 2346"), and columns of numbers in an aligned table are not.
const wideBase = 0.45

// multiDigits checks the digits v of a grouped form of kind ki written in
// groups groups, at data[start:end], and scores it with a base score of at
// most top.
func (l *loop) multiDigits(ki int, v []byte, groups, start, end int, top float64) bool {
	switch ki {
	case iAadhaar:
		if !aadhaarValid(v) {
			return false
		}
		l.score(iAadhaar, start, end, min(0.85, top))
	case iVID:
		if !vidValid(v) {
			return false
		}
		base := 0.75
		if luhn(v) {
			base = 0.4
		}
		l.score(iVID, start, end, min(base, top))
	case iMobile:
		if v[0] < '6' || v[0] > '9' {
			return false
		}
		base := 0.65
		if groups == 2 {
			base = 0.8
		}
		l.score(iMobile, start, end, min(base, top))
	}
	return true
}

// mobilePrefixed matches a mobile number whose prefix is a group of its own.
func (l *loop) mobilePrefixed(ch []grp, gaps []gapInfo, i int) int {
	g := &ch[i]
	pre := string(g.s())
	strong := false
	switch {
	case pre == "91":
		strong = g.plus
	case pre == "0091":
		strong = true
	case pre == "0":
	case g.n == 6 && g.c[0] == '0' && i+1 < len(ch) && ch[i+1].digits() && ch[i+1].n == 5 &&
		prefixGap(gaps[i]) && !gaps[i].paren:
		// 098765 43210
		if g.c[1] < '6' || g.c[1] > '9' || l.blockedBy(i+2, blocksGroups(l.nbRight(ch, gaps, i+2), gaps[i].sep, sizes5)) {
			return 0
		}
		l.score(iMobile, l.charOffset(g, 1), ch[i+1].end, 0.8)
		return 2
	case g.plus && g.n >= 5 && g.n <= 7 && pre[:2] == "91":
		// +91 glued to the first group: +91936-135-5345, +9198765 43210.
		return l.mobileCore(ch, gaps, i, 2, 0.95)
	case (g.n == 4 || g.n == 5) && g.c[0] == '0':
		// The trunk zero glued to a 3-3-4 or 4-3-3 number: 0987 654 3210,
		// 09876-543-210. A landline with a three-digit STD code is written
		// the same way (0751 320 0000): only context tells them apart.
		return l.mobileCore(ch, gaps, i, 1, 0)
	default:
		return 0
	}
	if !prefixGap(gaps[i]) {
		return 0
	}
	// The core, in one of prefixForms.
	for f := range prefixForms {
		lens := prefixForms[f][:formLen(&prefixForms[f])]
		j := i + 1
		if !sameShape(ch, j, lens...) {
			continue
		}
		if _, ok := uniform(gaps, j, len(lens), false); !ok && !(len(lens) == 2 && gaps[j].ok && gaps[j].sep == sepSpace && gaps[i].paren) {
			// +91 (98765) 43210: the first group in parentheses.
			continue
		}
		if c := ch[j].c[0]; c < '6' || c > '9' {
			continue
		}
		if len(lens) == 1 && l.blockedBy(j+1, blocksSingle(l.nbRight(ch, gaps, j+1))) {
			continue
		}
		start, end := ch[j].start, ch[j+len(lens)-1].end
		if len(lens) == 1 && gaps[i].sep == sepDot && !g.plus && pre != "0091" &&
			l.contextLabel(iMobile, start, end)&kindBit(iMobile) == 0 {
			// "0.8765432109", "lng=91.7362365000": a decimal number,
			// unless context names a mobile number.
			return 0
		}
		base := prefixBase(strong)
		if len(lens) == 3 && lens[0] == 2 {
			// +91 80 4123 4567 is how a landline in Bengaluru (STD code
			// 80) or Ahmedabad (79) is written: a mobile written 2-4-4
			// scores as a bare number unless context names it.
			base = 0.6
		}
		l.score(iMobile, start, end, base)
		return 1 + len(lens)
	}
	return 0
}

// prefixBase is the base score of a mobile number written after a prefix
// group: higher when the prefix is strong ("+91", "0091").
func prefixBase(strong bool) float64 {
	if strong {
		return 0.95
	}
	return 0.8
}

// single matches a group on its own.
func (l *loop) single(g *grp) bool {
	v := g.s()
	if g.digits() {
		switch g.n {
		case 10:
			if v[0] >= '6' && v[0] <= '9' {
				l.score(iMobile, g.start, g.end, 0.6)
				return true
			}
		case 11:
			if v[0] == '0' && v[1] >= '6' && v[1] <= '9' {
				l.score(iMobile, l.charOffset(g, 1), g.end, 0.75)
				return true
			}
		case 12:
			mob := v[0] == '9' && v[1] == '1' && v[2] >= '6' && v[2] <= '9'
			aad := aadhaarValid(v)
			switch {
			case mob && aad:
				ms, as := l.contextOf(iMobile, l.charOffset(g, 2), g.end), l.contextOf(iAadhaar, g.start, g.end)
				if as == ctxPos && ms != ctxPos && !g.plus {
					l.score(iAadhaar, g.start, g.end, 0.6)
				} else {
					l.score(iMobile, l.charOffset(g, 2), g.end, mobile91(g.plus))
				}
				return true
			case mob:
				l.score(iMobile, l.charOffset(g, 2), g.end, mobile91(g.plus))
				return true
			case aad:
				l.score(iAadhaar, g.start, g.end, 0.6)
				return true
			}
		case 14:
			if string(v[:4]) == "0091" && v[4] >= '6' && v[4] <= '9' {
				l.score(iMobile, l.charOffset(g, 4), g.end, 0.9)
				return true
			}
		case 16:
			if vidValid(v) {
				base := 0.6
				if luhn(v) {
					base = 0.35
				}
				l.score(iVID, g.start, g.end, base)
				return true
			}
		}
		return false
	}
	if g.alien {
		return false
	}
	switch {
	case g.n == 10 && g.nl == 6 && isLetters(v[:5]) && isDigits(v[5:9]) && isLetters(v[9:]):
		if base := panBase(v, g.lower); base > 0 {
			if g.lower > 0 && g.end < len(l.data) && l.data[g.end] == '@' {
				base -= 0.3 // the local part of an e-mail address
			}
			l.score(iPAN, g.start, g.end, base)
			return true
		}
	case g.n == 8 && g.nl == 1 && isLetters(v[:1]) && v[1] != '0':
		l.score(iPassport, g.start, g.end, passportBase(g.lower))
		return true
	case g.n == 10 && g.nl == 3 && isLetters(v[:3]):
		l.score(iVoter, g.start, g.end, voterBase(v[3:], g.lower))
		return true
	}
	return false
}

func mobile91(plus bool) float64 {
	if plus {
		return 0.95
	}
	return 0.75
}

func isLetters(b []byte) bool {
	for _, c := range b {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func aadhaarValid(v []byte) bool {
	return len(v) == 12 && v[0] >= '2' && !palindrome(v) && Verhoeff(v)
}

func vidValid(v []byte) bool {
	return len(v) == 16 && v[0] >= '2' && !palindrome(v) && Verhoeff(v)
}

func palindrome(v []byte) bool {
	for i, j := 0, len(v)-1; i < j; i, j = i+1, j-1 {
		if v[i] != v[j] {
			return false
		}
	}
	return true
}

// panHolder marks the 4th letters of a PAN that name a holder type: strict ones
// with 2, the doubtful E and K with 1.
var panHolder = func() (t [26]uint8) {
	for _, c := range "ABCFGHJLPT" {
		t[c-'A'] = 2
	}
	t['E'-'A'], t['K'-'A'] = 1, 1
	return t
}()

// panBase returns the base score of the PAN v (folded to upper case) written
// with lower small letters, or 0 if v is not a PAN.
func panBase(v []byte, lower int) float64 {
	h := panHolder[v[3]-'A']
	if h == 0 || string(v[5:9]) == "0000" {
		return 0
	}
	base := 0.75
	if h == 1 {
		base = 0.45
	}
	switch {
	case lower == 0:
	case lower == 6:
		base -= 0.15
		if y := string(v[5:7]); y == "19" || y == "20" {
			base -= 0.15 // a name, a year and a letter: a user name (swati1991g)
		}
	default:
		base -= 0.4 // mixed case: more likely a random token
	}
	return base
}

func passportBase(lower int) float64 {
	if lower > 0 {
		return 0.2
	}
	return 0.3
}

func voterBase(digits []byte, lower int) float64 {
	base := 0.35
	if luhn(digits) {
		base = 0.45
	}
	if lower > 0 {
		base -= 0.1
	}
	return base
}

// score applies the context to a base score and emits the finding.
func (l *loop) score(ki int, start, end int, base float64) {
	if l.dry {
		// A finding beginsFinding takes back: where it is, not its score.
		l.emit(ki, start, end, base)
		return
	}
	s := base
	ctx := l.contextOf(ki, start, end)
	if ki == iMobile && end < len(l.data) && l.data[end] == '@' {
		ctx = ctxPos // a UPI address whose local part is the mobile number
	}
	switch ctx {
	case ctxPos:
		s = max(base+0.35, 0.9)
		if base >= 0.6 {
			s = max(s, 0.97)
		}
	case ctxNeg:
		switch {
		case ki == iMobile && base >= 0.9:
			s = 0.6
		default:
			s = base * 0.4
		}
	}
	l.emit(ki, start, end, min(s, 1))
}

func classDigit(b []byte) bool {
	cl, _, _ := classify(b)
	return cl == clDigit
}

// mobileCore matches a mobile number whose first core group is ch[i] without
// its first skip characters (a prefix glued to it). A base of 0 means that
// only context makes it one: a word naming a mobile phone (lblCell), or any
// phone when it cannot be a landline.
func (l *loop) mobileCore(ch []grp, gaps []gapInfo, i, skip int, base float64) int {
	g := &ch[i]
	first := g.n - skip
	for _, lens := range [][]int{{5, 5}, {3, 3, 4}, {4, 3, 3}} {
		if lens[0] != first || !sameShape(ch, i+1, lens[1:]...) {
			continue
		}
		if _, ok := uniform(gaps, i, len(lens), false); !ok {
			continue
		}
		if c := g.c[skip]; c < '6' || c > '9' {
			continue
		}
		if l.blockedBy(i+len(lens), blocksGroups(l.nbRight(ch, gaps, i+len(lens)), gaps[i].sep, sizes345)) {
			continue
		}
		start, end := l.charOffset(g, skip), ch[i+len(lens)-1].end
		if base == 0 {
			// A landline: an STD code (never starting with 9), then a
			// subscriber number starting with 2 to 6. 0751 320 0000 and
			// 07512 243 210 could be one; 0987 654 3210, 0751 120 0000 and
			// 06867-095-638 could not.
			lbl := l.contextLabel(iMobile, start, end)
			landline := g.c[skip] != '9' && ch[i+1].c[0] >= '2' && ch[i+1].c[0] <= '6'
			if lbl&lblCell == 0 && (lbl&kindBit(iMobile) == 0 || landline) {
				return 0
			}
			l.emit(iMobile, start, end, 0.9)
			return len(lens)
		}
		l.score(iMobile, start, end, base)
		return len(lens)
	}
	return 0
}

// notMobile reports whether the neighbour before a ten-digit number shows
// that it is something else: the byte count after the status in an access
// log line ("GET / HTTP/1.1" 200 6056798481), or a reference glued to a long
// name (ACH ICICIPRULIFE-6227982609).
func (l *loop) notMobile(nb neighbour) bool {
	if !nb.present || nb.gap.paren {
		return false
	}
	if nb.code {
		return true // "+977 9841234567": another country's number
	}
	if nb.digits && nb.n == 3 && nb.gap.sep == sepSpace && nb.start >= 2 &&
		l.data[nb.start-2] == '"' && l.data[nb.start-1] == ' ' && l.data[nb.start] >= '1' && l.data[nb.start] <= '5' {
		return true
	}
	return nb.letters && nb.n >= 10 && (nb.gap.sep == sepHyphen || nb.gap.sep == sepNone)
}

// uuidEnd returns the end of the UUID (8-4-4-4-12 hexadecimal digits) that
// holds the group starting at data index start, or -1 when there is none.
// more reports that the input given to Scan ends too soon to tell.
func (l *loop) uuidEnd(start int) (end int, more bool) {
	const uuidLen = 36
	data := l.data
	lo := l.lo(start)
	e := start
	for e < len(data) && e-start <= uuidLen && hexOrHyphen(data[e]) {
		e++
	}
	if e-start > uuidLen {
		// The token goes on past where a UUID that holds this group could
		// end: it is one only if nothing but hyphens follow ("...-" at the
		// end of a sentence), as its last group sees it too.
		for e < len(data) && data[e] == '-' {
			e++
		}
		if e < len(data) && isHex(data[e]) {
			return -1, false
		}
	}
	if e == len(data) && l.eof && !l.atEOF {
		return -1, true
	}
	for e > start && data[e-1] == '-' {
		e--
	}
	// The UUID ends at e; the hex digits before it may begin with those
	// of a percent escape ("%20c2173aa5-...", "%22c2173aa5-...").
	r := e - uuidLen
	if r < lo || r > start || r > 0 && asciiAlnum(data[r-1]) != clOther && !(r >= 3 && isEscape(data[r-3:r])) ||
		e < len(data) && asciiAlnum(data[e]) != clOther {
		return -1, false
	}
	for _, c := range data[r:start] {
		if !hexOrHyphen(c) {
			return -1, false
		}
	}
	for k, c := range data[r:e] {
		if (k == 8 || k == 13 || k == 18 || k == 23) != (c == '-') {
			return -1, false
		}
	}
	return e, false
}

func hexOrHyphen(c byte) bool { return isHex(c) || c == '-' }

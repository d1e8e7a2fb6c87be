package detectors

// grp is a maximal run of letters and digits (zero-width characters inside are
// skipped), as folded ASCII.
type grp struct {
	start, end int // data indices of the first byte and just past the last alnum char
	n          int // letters and digits (counted up to maxGroup+1)
	nd, nl     int // digits, letters
	lower      int // small Latin letters
	alien      bool
	long       bool // more than maxGroup characters or groupBytes bytes
	plus       bool // preceded by '+' (or "(+")
	c          [maxGroup]byte
}

func (g *grp) digits() bool  { return g.n > 0 && g.nd == g.n && !g.alien }
func (g *grp) letters() bool { return g.n > 0 && g.nl == g.n && !g.alien }
func (g *grp) s() []byte     { return g.c[:min(g.n, maxGroup)] }

// plainByteBefore reports whether the byte before data index j is plain
// ASCII that is not the end of a percent escape, so that it stands for
// itself: the backward walks read it without the general decoder.
func plainByteBefore(data []byte, lo, j int) bool {
	return data[j-1] < 0x80 && (j-3 < lo || data[j-3] != '%')
}

// gapInfo describes the characters between two groups.
type gapInfo struct {
	ok    bool // a gap a number's groups may be written with
	sep   int  // the separator code (sepNone if none)
	paren bool // a '(' or ')' in the gap
}

// read classifies the character at data index i. more reports that the input
// given to Scan ends inside or right before it and the stream goes on.
func (l *loop) read(i, hi int) (cl int, c byte, size int, more bool) {
	if i >= hi {
		return clOther, 0, 0, hi == len(l.data) && l.eof && !l.atEOF
	}
	cl, c, size = classify(l.data[i:hi])
	if size == 1 && hi == len(l.data) && l.eof && !l.atEOF &&
		(l.data[i] >= 0xC0 && hi-i < utf8Len(l.data[i]) || l.data[i] == '%' && escapeCut(l.data[i:hi])) {
		return clOther, 0, 0, true
	}
	return cl, c, size, false
}

// escapeCut reports whether b, which starts with '%' and ends where the input
// given to Scan ends, may be a percent escape cut short ("%", "%4", "%E0%A5"):
// what follows decides the character.
func escapeCut(b []byte) bool {
	switch len(b) {
	case 1:
		return true
	case 2:
		return isHex(b[1])
	}
	lead, ok := escByte(b)
	return ok && lead >= 0xC2 && lead <= 0xF4 && len(b) < 3*utf8Len(lead)
}

// groupStart steps back from the alnum character at p to the start of its
// group. It reports long when the group is longer than any identifier.
func (l *loop) groupStart(p int) (start int, long bool) {
	lo := l.lo(p)
	start = p
	j, chars, zw := p, 0, 0
	for j > lo {
		if b := l.data[j-1]; plainByteBefore(l.data, lo, j) {
			// Plain ASCII (not the end of a percent escape), without the
			// general decoder.
			if cl := asciiAlnum(b); cl != clDigit && cl != clLetter {
				break
			}
			chars++
			start = j - 1
			if chars >= maxGroup || p-start >= groupBytes {
				return start, true
			}
			j--
			continue
		}
		s := lastCharStart(l.data, lo, j)
		cl, _, _ := classify(l.data[s:j])
		if cl == clZW {
			zw++
			if zw > maxZW {
				break
			}
		} else if cl == clDigit || cl == clLetter || cl == clAlien {
			chars++
			start = s
			if chars >= maxGroup || p-s >= groupBytes {
				return start, true
			}
		} else {
			break
		}
		j = s
	}
	return start, false
}

// group reads the group that starts at data index start into g. It stops at
// hi. It returns where the group ends, and more when the input given to Scan
// ends inside it.
func (l *loop) group(g *grp, start, hi int) (next int, more bool) {
	l.work += groupBytes // an upper bound on the bytes read
	g.start, g.end = start, start
	g.n, g.nd, g.nl, g.lower = 0, 0, 0, 0
	g.alien, g.long, g.plus = false, false, false
	i, zw := start, 0
	for {
		if i < hi {
			// Plain ASCII letters and digits, without the general decoder.
			if b := l.data[i]; b < 0x80 && b != '%' {
				v := asciiClass[b]
				switch v & 0xff {
				case clDigit:
					g.nd++
				case clLetter:
					g.nl++
					if b >= 'a' {
						g.lower++
					}
				default:
					return g.end, false
				}
				if g.n < maxGroup {
					g.c[g.n] = byte(v >> 8)
				}
				g.n++
				i++
				g.end = i
				zw = 0
				if g.n > maxGroup || i-start > groupBytes {
					g.long = true
					return i, false
				}
				continue
			}
		}
		cl, c, size, m := l.read(i, hi)
		if m {
			return i, true
		}
		switch cl {
		case clDigit, clLetter, clAlien:
			if g.n < maxGroup {
				g.c[g.n] = c
			}
			g.n++
			switch cl {
			case clDigit:
				g.nd++
			case clLetter:
				g.nl++
				if b := l.data[i]; (b >= 'a' && b <= 'z') || (b == 0xEF && l.data[i+1] == 0xBD) {
					g.lower++
				}
			default:
				g.alien = true
			}
			i += size
			g.end = i
			zw = 0
			if g.n > maxGroup || i-start > groupBytes {
				g.long = true
				return i, false
			}
			continue
		case clZW:
			zw++
			if zw <= maxZW {
				i += size
				continue
			}
		}
		return g.end, false
	}
}

// gapAfter reads the gap that starts at data index i (just after a group):
// zero-width characters, then at most: ')', one separator (or up to
// maxWide spaces: sepWide), '('. It returns the index of the next group's
// first character.
func (l *loop) gapAfter(i, hi int) (gp gapInfo, next int, more bool) {
	state := 0 // 0: before ')', 1: before sep, 2: before '(', 3: done
	n := 0
	spaces := 0 // the spaces of the separator, when it is ASCII spaces
	for k := 0; k < maxZW+4; k++ {
		var cl, size int
		var c byte
		if i < hi && l.data[i] < 0x80 && l.data[i] != '%' {
			// Plain ASCII, without the general decoder.
			v := asciiClass[l.data[i]]
			cl, c, size = int(v&0xff), byte(v>>8), 1
		} else {
			var m bool
			if cl, c, size, m = l.read(i, hi); m {
				return gp, i, true
			}
		}
		switch {
		case cl == clZW:
			if spaces > 0 {
				spaces = maxWide // the spaces of a wide gap are next to each other
			}
		case cl == clDigit || cl == clLetter:
			gp.ok = n > 0
			return gp, i, false
		case cl == clSep && state <= 1 && c != sepNone:
			gp.sep = c2sep(c)
			state = 2
			n++
			if size == 1 && l.data[i] == ' ' {
				spaces = 1
			}
		case spaces > 0 && spaces < maxWide && state == 2 && size == 1 && l.data[i] == ' ':
			gp.sep = sepWide
			spaces++
			k-- // not counted against the bound on zero-width characters
		case size == 1 && l.data[i] == ')' && state == 0:
			gp.paren = true
			state = 1
			n++
		case size == 1 && l.data[i] == '(' && state <= 2:
			gp.paren = true
			state = 3
			n++
		default:
			return gp, i, false
		}
		i += size
	}
	return gp, i, false
}

func c2sep(c byte) int { return int(c) }

// leftNeighbour looks at what precedes the group starting at start: the gap
// and the group before it (its length and whether it is all digits or all
// letters), and whether a '+' comes right before the group.
type neighbour struct {
	present  bool
	gap      gapInfo
	n        int
	digits   bool
	letters  bool
	start    int
	end      int
	consumed bool // part of a finding already made: it blocks nothing
	zeros    bool // one or two zeros: the ".0" of a number exported as a float
	code     bool // one to three digits after '+', other than 91, then a plain gap: another country's calling code
}

// countryCode reports whether a neighbour of n digits (folded to ASCII)
// that start with first and end with last, after a '+' and joined by a
// plain gap, is a calling code other than India's: one to three digits, not
// "91", and not starting with '0' (no calling code does: "+091 98765 43210"
// is India's written with a stray zero, as "0091" is).
func countryCode(n int, first, last byte, plus, gapOK bool) bool {
	return plus && gapOK && n >= 1 && n <= 3 && first != '0' && !(n == 2 && first == '9' && last == '1')
}

func (l *loop) leftOf(start int) (nb neighbour, plus bool) {
	lo := l.lo(start)
	j := start
	// '+' or "(+" right before the group.
	plus = plusBefore(l.data, lo, j)
	// The gap: zero-width, '(' , a separator (or up to maxWide spaces), ')',
	// in reverse.
	state, n, spaces := 0, 0, 0
	for k := 0; k < maxZW+4 && j > lo; k++ {
		var s, cl int
		var c byte
		if b := l.data[j-1]; plainByteBefore(l.data, lo, j) {
			// Plain ASCII (not the end of a percent escape), without the
			// general decoder.
			v := asciiClass[b]
			s, cl, c = j-1, int(v&0xff), byte(v>>8)
		} else {
			s = lastCharStart(l.data, lo, j)
			cl, c, _ = classify(l.data[s:j])
		}
		b := l.data[s]
		switch {
		case cl == clZW:
			if spaces > 0 {
				spaces = maxWide // as in gapAfter
			}
		case b == '(' && state == 0:
			nb.gap.paren = true
			state = 1
			n++
		case cl == clSep && state <= 1:
			nb.gap.sep = c2sep(c)
			state = 2
			n++
			if s == j-1 && b == ' ' {
				spaces = 1
			}
		case spaces > 0 && spaces < maxWide && state == 2 && s == j-1 && b == ' ':
			nb.gap.sep = sepWide
			spaces++
			k--
		case b == ')' && state <= 2:
			nb.gap.paren = true
			state = 3
			n++
		case (cl == clDigit || cl == clLetter || cl == clAlien) && n > 0:
			nb.gap.ok = true
			goto group
		default:
			return nb, plus
		}
		j = s
	}
	return nb, plus
group:
	nb.present = true
	nb.end = j
	nb.digits, nb.letters = true, true
	var first, last byte // the group's first (so far) and last characters, folded
	for j > lo && nb.n <= maxGroup {
		if b := l.data[j-1]; plainByteBefore(l.data, lo, j) {
			// Plain ASCII, without the general decoder.
			switch asciiAlnum(b) {
			case clDigit:
				nb.letters = false
			case clLetter:
				nb.digits = false
			default:
				return l.coded(nb, lo, first, last), plus
			}
			if nb.n == 0 {
				last = b
			}
			first = b
			nb.n++
			j--
			nb.start = j
			continue
		}
		s := lastCharStart(l.data, lo, j)
		cl, c, _ := classify(l.data[s:j])
		switch cl {
		case clDigit:
			nb.letters = false
		case clLetter:
			nb.digits = false
		case clAlien:
			nb.digits, nb.letters = false, false
		case clZW:
			j = s
			continue
		default:
			return l.coded(nb, lo, first, last), plus
		}
		if nb.n == 0 {
			last = c
		}
		first = c
		nb.n++
		nb.start = s
		j = s
	}
	return l.coded(nb, lo, first, last), plus
}

// coded sets nb.code for a neighbour read by leftOf whose first and last
// characters are first and last.
func (l *loop) coded(nb neighbour, lo int, first, last byte) neighbour {
	nb.code = nb.digits && countryCode(nb.n, first, last, plusBefore(l.data, lo, nb.start), nb.gap.ok)
	return nb
}

// charOffset returns the data index of the k-th alnum character of g.
func (l *loop) charOffset(g *grp, k int) int {
	i := g.start
	for n := 0; i < g.end; {
		cl, _, size := classify(l.data[i:g.end])
		if cl == clDigit || cl == clLetter || cl == clAlien {
			if n == k {
				return i
			}
			n++
		}
		i += size
	}
	return g.end
}

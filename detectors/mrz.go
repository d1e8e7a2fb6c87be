package detectors

import "bytes"

// mrzLen is the length of a line of a passport's machine-readable zone
// (ICAO 9303 TD3).
const mrzLen = 44

// mrzLine reports whether b holds mrzLen MRZ characters (A-Z, 0-9, '<').
func mrzLine(b []byte) bool {
	if len(b) != mrzLen {
		return false
	}
	for _, c := range b {
		if mrzValue(c) < 0 {
			return false
		}
	}
	return true
}

// mrzLine1Before returns the start of an MRZ first line ("P" + 43 MRZ
// characters) that ends just before the line starting at start, or -1.
func (l *loop) mrzLine1Before(start int) int {
	e := start - 1 // the '\n'
	for e > 0 && (l.data[e-1] == '\r' || l.data[e-1] == ' ' || l.data[e-1] == '\t') && start-e < 8 {
		e-- // CR and trailing blanks after line 1
	}
	s := e - mrzLen
	if s < l.lo(start) || s < 0 {
		return -1
	}
	if s > 0 && l.data[s-1] != '\n' || s == 0 && !l.streamStart {
		return -1
	}
	if l.data[s] != 'P' || !mrzLine(l.data[s:e]) {
		return -1
	}
	return s
}

func (l *loop) mrzDeferPoint(start int) int {
	if s := l.mrzLine1Before(start); s >= 0 {
		return s
	}
	return start
}

// mrz checks whether the 44 characters at the line start start are the
// second line of a TD3 MRZ: a document number, a nationality of letters,
// dates of digits, a sex, and all four check digits valid. If so it emits a passport finding covering it
// (and the first line, when that precedes it) and returns the line's end.
func (l *loop) mrz(start, hi int) (end int, ok, more bool) {
	e := start + mrzLen
	if e > hi {
		if hi == len(l.data) && l.eof && !l.atEOF && mrzPrefix(l.data[start:hi]) {
			return 0, false, true
		}
		return 0, false, false
	}
	line := l.data[start:e]
	if !mrzLine(line) {
		return 0, false, false
	}
	if e < hi {
		cl, _, _, more := l.read(e, hi)
		if more {
			return 0, false, true
		}
		if mrzValue(l.data[e]) >= 0 || cl == clDigit || cl == clLetter || cl == clAlien || cl == clZW {
			return 0, false, false // the line goes on: longer than a line of an MRZ
		}
	} else if l.eof && !l.atEOF && hi == len(l.data) {
		return 0, false, true
	}
	if line[0] == '<' || !isLetters(bytes.TrimRight(line[10:13], "<")) || !isDigits(line[13:19]) ||
		!isDigits(line[21:27]) || bytes.IndexByte([]byte("MFX<"), line[20]) < 0 {
		return 0, false, false
	}
	if mrzCheck(line[0:9]) != line[9] || mrzCheck(line[13:19]) != line[19] ||
		mrzCheck(line[21:27]) != line[27] {
		return 0, false, false
	}
	if line[42] != '<' || !allFiller(line[28:42]) {
		if mrzCheck(line[28:42]) != line[42] {
			return 0, false, false
		}
	}
	var comp [39]byte
	n := copy(comp[:], line[0:10])
	n += copy(comp[n:], line[13:20])
	n += copy(comp[n:], line[21:43])
	if mrzCheck(comp[:n]) != line[43] {
		return 0, false, false
	}
	s := start
	if s1 := l.mrzLine1Before(start); s1 >= 0 {
		s = s1
	}
	l.emit(iPassport, s, e, 1)
	return e, true, false
}

func mrzPrefix(b []byte) bool {
	for _, c := range b {
		if mrzValue(c) < 0 {
			return false
		}
	}
	return true
}

func allFiller(b []byte) bool {
	for _, c := range b {
		if c != '<' {
			return false
		}
	}
	return true
}

package detectors

import "math/bits"

// Timestamps and IPv4 addresses: the runs of digits that fill most log
// lines. blockRun steps over one whole when every run of digits in it is one
// that the rules of hopeless reject, each as the scan would decide it on its
// own (by the table in run, by blockRun or by blockGroup): a two-digit run
// that is not "91", a year before a two-digit run, an octet of at most three
// digits in an address whose runs are all that short (no form of
// prefixForms or of hopeless fits them), a fraction of three or six digits
// with nothing joinable after it, a time-zone offset. TestBlockRunAgrees,
// TestLayoutAgrees and FuzzFastPathsAgree check that the findings are those
// of the full examination.

// Digit masks of layouts: bit i is set when byte i is a digit, for the
// layout and the byte after it.
const (
	isoDate  = 0b0_11_0_11_0_1111      // "2026-11-22"
	isoTime  = 0b0_11_0_11_0_11        // "10:32:21"
	clfTime  = 0b0_11_0_11_0_11_0_1111 // "2026:10:32:21"
	zoneMask = 0b0_11_0_11             // "05:30"
)

// layoutEnd returns the length of the timestamp or IPv4 address at the start
// of s, a run of n <= 4 ASCII digits with a plain byte before it and the
// separator s[n] after it, that blockRun may step over whole: 0 when s does
// not start one or s, the rest of a block, is too short to tell. dig marks
// the digits of s (bit i for s[i], none past its end). A timestamp cut by
// the end of the block is stepped over as far as s tells.
//
//	2026-11-22              a date, then a plain byte
//	2026-11-22T10:32:21     and a time (or after a space), then a plain byte
//	...10:32:21.123Z        a fraction of 3 or 6 digits, 'Z' or an offset
//	...10:32:21+05:30       an offset after the seconds or the fraction
//	2026:10:32:21 +0530]    the year and time of the common log format
//	10.133.158.221          four runs of one to three digits
func layoutEnd(s []byte, dig uint64, n int) int {
	switch {
	case n == 4 && s[4] == '-':
		return isoEnd(s, dig)
	case n == 4 && s[4] == ':':
		return clfEnd(s, dig)
	case s[n] == '.':
		return quadEnd(s, dig)
	}
	return 0
}

// isoEnd is layoutEnd for a date written as in ISO 8601.
func isoEnd(s []byte, dig uint64) int {
	if len(s) < 12 || dig&0x7ff != isoDate || s[7] != '-' || s[5] > '1' || s[8] > '3' {
		return 0
	}
	c := s[10]
	if (c == 'T' || c == ' ') && len(s) >= 23 && dig>>11&0x1ff == isoTime && s[13] == ':' && s[16] == ':' &&
		s[11] <= '2' && s[14] <= '5' && s[17] <= '6' {
		return timeTail(s, dig, 19)
	}
	if plainAfter[c] == 0 {
		return 0 // the day is followed by a letter ("22T" without a time)
	}
	return 10
}

// timeTail returns the end of a timestamp whose seconds end at s[k], with at
// least four bytes of s from k: after a fraction and an offset when they
// follow; at k when the byte after the seconds is plain (also when s ends
// too soon to read the fraction or offset after it); before the seconds
// (k-3), which are left to the scan, when a letter or a 'Z' that joins
// more follows them.
func timeTail(s []byte, dig uint64, k int) int {
	switch c := s[k]; {
	case c == 'Z':
		if zulu(s, k) {
			return k + 1
		}
		return k - 3
	case c == '.' || c == ',':
		d := bits.TrailingZeros64(^(dig >> (k + 1)))
		f := k + 1 + d
		if d != 3 && d != 6 || f+7 > len(s) {
			return k
		}
		switch z := s[f]; {
		case z == 'Z':
			if zulu(s, f) {
				return f + 1
			}
		case z == '+' || z == '-':
			if e := offsetEnd(s, dig, f); e != 0 {
				return e
			}
		case endsPlain(s, f):
			return f
		}
		return k
	case c == '+' || c == '-':
		if k+7 <= len(s) {
			if e := offsetEnd(s, dig, k); e != 0 {
				return e
			}
		}
		return k
	case plainAfter[c] != 0:
		return k
	}
	return k - 3
}

// zulu reports whether the 'Z' at s[k] ends the group of letters and digits
// before it as blockGroup reads it (a group of no identifier): groupEnds,
// and no run of digits joined after it.
func zulu(s []byte, k int) bool {
	c1, c2 := s[k+1], s[k+2]
	return groupEnds(c1, c2, s[k+3]) && !(joinSep(c1) && c2-'0' < 10)
}

// offsetEnd returns the end of the time-zone offset at s[k] ('+' or '-'),
// with at least 7 bytes of s from k: "+05:30" before a plain byte, "+0530"
// before a byte that ends a run of digits with nothing to join (a four-digit
// run could be a group of a PAN or of a mobile number); 0 when there is
// none.
func offsetEnd(s []byte, dig uint64, k int) int {
	if s[k+1] > '1' {
		return 0 // no offset starts "+9" ("+91")
	}
	switch d := dig >> (k + 1); {
	case d&0x3f == zoneMask && s[k+3] == ':' && s[k+4] <= '5' && plainAfter[s[k+6]] != 0:
		return k + 6
	case d&0x1f == 0xf && s[k+3] <= '5' && hardEdge[s[k+5]] != 0 && plainEdge[s[k+5]]:
		return k + 5
	}
	return 0
}

// clfEnd is layoutEnd for the year and time of the common log format
// ("[22/Nov/2026:10:32:21 +0530]": the day before the month is a run of
// its own).
func clfEnd(s []byte, dig uint64) int {
	if len(s) < 15 || dig&0x3fff != clfTime || s[7] != ':' || s[10] != ':' || s[5] > '2' || s[8] > '5' || s[11] > '6' {
		return 0
	}
	c := s[13]
	if c == ' ' && len(s) >= 21 && (s[14] == '+' || s[14] == '-') {
		if e := offsetEnd(s, dig, 14); e > 0 {
			return e
		}
	}
	if plainAfter[c] == 0 {
		return 0
	}
	return 13
}

// quadEnd is layoutEnd for an IPv4 address: four runs of one to three
// digits joined by dots, and after them a plain byte that joins no run of
// digits (a port after ':' could complete a mobile number written 3-3-4
// with the last two octets).
func quadEnd(s []byte, dig uint64) int {
	k := 0
	for run := 0; run < 4; run++ {
		if run > 0 {
			if s[k] != '.' {
				return 0
			}
			k++
		}
		d := bits.TrailingZeros64(^(dig >> k))
		if d == 0 || d > 3 || k+d+2 > len(s) {
			return 0 // or the run may go on past the block
		}
		k += d
	}
	if !endsPlain(s, k) {
		return 0
	}
	return k
}

// endsPlain reports whether s[k] s[k+1], the bytes after a run of digits,
// end it as hopeless reads a plain edge with no run after it: s[k] is
// plainEdge but '(', and when it is a separator, s[k+1] starts no run of
// digits (nor a percent escape, a parenthesis or a character of another
// script that may be one), and no wide gap joins one (wideAt). k+1 <
// len(s).
func endsPlain(s []byte, k int) bool {
	c, c1 := s[k], s[k+1]
	return plainEdge[c] && c != '(' && !(joinSep(c) && (mayBeDigit(c1) || c1 == '(')) && !wideAt(s, k)
}

package detectors

import "encoding/binary"

// Character classes the scanner works with. Every character of the input falls
// into one of them; the class of a multi-byte character is decided from its
// UTF-8 bytes without decoding it to a rune.
const (
	clOther  = iota // anything else: a boundary
	clDigit         // a decimal digit of any script kavach folds
	clLetter        // a Latin letter, or a character folded to one
	clAlien         // a letter that cannot be part of an identifier (Cyrillic, Greek, ...)
	clZW            // an invisible character that is skipped inside identifiers
	clSep           // a separator allowed between groups of an identifier
)

// Separator codes: one per separator character, so that "one separator style per
// number" can be checked by comparing codes.
const (
	sepNone   = iota
	sepSpace  // U+0020
	sepNBSP   // U+00A0, U+202F, U+2007, U+2009 (no-break, narrow, figure, thin spaces)
	sepHyphen // '-', U+2010, U+2011, U+2013
	sepDot    // '.'
	sepColon  // ':'
	// sepWide is two or three U+0020 between groups ("2341  2341  2346",
	// as text taken from a PDF or an aligned table often has). gapAfter and
	// leftOf read no other separator doubled. A number so written is a
	// weaker form: without a context word it stays below the default
	// threshold (wideBase).
	sepWide
)

// maxWide is the most spaces a sepWide gap holds.
const maxWide = 3

// Alnum reports the ASCII letter (upper case) or digit that the character at the
// start of b stands for, and the character's length in bytes. Digits of the
// Indian scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
// Kannada, Malayalam) and full-width digits fold to ASCII digits; full-width
// Latin letters and the Cyrillic and Greek capitals that look like Latin ones
// fold to ASCII letters. c is 0 for any other character; size is at least 1
// when b is not empty (an invalid byte counts as one character).
func Alnum(b []byte) (c byte, size int) {
	cl, c, size := classify(b)
	if cl == clDigit || cl == clLetter {
		return c, size
	}
	return 0, size
}

// asciiClass holds the class of every ASCII byte and, for letters, the upper
// case letter in the high byte.
var asciiClass [128]uint16

func init() {
	for c := '0'; c <= '9'; c++ {
		asciiClass[c] = uint16(c)<<8 | clDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		asciiClass[c] = uint16(c)<<8 | clLetter
		asciiClass[c+'a'-'A'] = uint16(c)<<8 | clLetter
	}
	asciiClass[' '] = sepSpace<<8 | clSep
	asciiClass['-'] = sepHyphen<<8 | clSep
	asciiClass['+'] = sepSpace<<8 | clSep // a space in form-encoded text ("uid=2341+2341+2346")
	asciiClass['.'] = sepDot<<8 | clSep
	asciiClass[':'] = sepColon<<8 | clSep
}

// indicDigitBlock marks the second UTF-8 byte of the blocks whose digits sit at
// U+0xE6..U+0xEF: E0 A5 (Devanagari), A7 (Bengali), A9 (Gurmukhi), AB (Gujarati),
// AD (Oriya), AF (Tamil), B1 (Telugu), B3 (Kannada), B5 (Malayalam).
var indicDigitBlock = [64]bool{
	0x25: true, 0x27: true, 0x29: true, 0x2B: true, 0x2D: true,
	0x2F: true, 0x31: true, 0x33: true, 0x35: true,
}

// homoglyph maps the two-byte UTF-8 encodings of Cyrillic and Greek letters that
// look like Latin capitals to those capitals.
var homoglyph = map[uint16]byte{
	// Cyrillic capitals
	0xD090: 'A', 0xD092: 'B', 0xD095: 'E', 0xD09A: 'K', 0xD09C: 'M', 0xD09D: 'H',
	0xD09E: 'O', 0xD0A0: 'P', 0xD0A1: 'C', 0xD0A2: 'T', 0xD0A3: 'Y', 0xD0A5: 'X',
	0xD086: 'I', 0xD088: 'J', 0xD085: 'S',
	// Cyrillic small letters that look like Latin ones
	0xD0B0: 'A', 0xD0B5: 'E', 0xD0BE: 'O', 0xD180: 'P', 0xD181: 'C', 0xD183: 'Y',
	0xD185: 'X', 0xD196: 'I', 0xD198: 'J', 0xD195: 'S',
	// Greek capitals
	0xCE91: 'A', 0xCE92: 'B', 0xCE95: 'E', 0xCE96: 'Z', 0xCE97: 'H', 0xCE99: 'I',
	0xCE9A: 'K', 0xCE9C: 'M', 0xCE9D: 'N', 0xCE9F: 'O', 0xCEA1: 'P', 0xCEA4: 'T',
	0xCEA5: 'Y', 0xCEA7: 'X',
}

// classify returns the class of the character at the start of b, its folded
// ASCII value (digits and letters) or separator code (separators), and its size.
func classify(b []byte) (cl int, c byte, size int) {
	if len(b) == 0 {
		return clOther, 0, 0
	}
	b0 := b[0]
	if b0 < 0x80 {
		if b0 == '%' {
			if d, ok := escByte(b); ok && d < 0x80 && d != '%' {
				// A percent-encoded ASCII character stands for that
				// character.
				v := asciiClass[d]
				return int(v & 0xff), byte(v >> 8), 3
			}
			var dec [4]byte
			if n := escapedChar(b, &dec); n > 0 {
				// So does a percent-encoded UTF-8 character: "%C2%A0" is
				// a no-break space, "%E0%A5%A8" a Devanagari two.
				if cl, c, size := classify(dec[:n]); size == n {
					return cl, c, 3 * n
				}
			}
		}
		v := asciiClass[b0]
		return int(v & 0xff), byte(v >> 8), 1
	}
	switch {
	case b0 == 0xE0:
		if len(b) >= 3 && b[1] >= 0xA0 && b[1] < 0xC0 && indicDigitBlock[b[1]&0x3F] && b[2] >= 0xA6 && b[2] <= 0xAF {
			return clDigit, '0' + b[2] - 0xA6, 3
		}
		return clOther, 0, utf8Size(b)
	case b0 == 0xEF:
		if len(b) >= 3 {
			switch b[1] {
			case 0xBC:
				if b[2] >= 0x90 && b[2] <= 0x99 { // full-width digits
					return clDigit, '0' + b[2] - 0x90, 3
				}
				if b[2] >= 0xA1 && b[2] <= 0xBA { // full-width capitals
					return clLetter, 'A' + b[2] - 0xA1, 3
				}
			case 0xBD:
				if b[2] >= 0x81 && b[2] <= 0x9A { // full-width small letters
					return clLetter, 'A' + b[2] - 0x81, 3
				}
			case 0xBB:
				if b[2] == 0xBF { // U+FEFF zero-width no-break space
					return clZW, 0, 3
				}
			}
		}
		return clOther, 0, utf8Size(b)
	case b0 == 0xE2:
		if len(b) >= 3 {
			switch b[1] {
			case 0x80:
				switch b[2] {
				case 0x8B, 0x8C, 0x8D: // U+200B..U+200D
					return clZW, 0, 3
				case 0x87, 0x89, 0xAF: // figure, thin, narrow no-break space
					return clSep, sepNBSP, 3
				case 0x90, 0x91, 0x92, 0x93: // hyphen, non-breaking hyphen, figure dash, en dash
					return clSep, sepHyphen, 3
				}
			case 0x81:
				if b[2] == 0xA0 { // U+2060 word joiner
					return clZW, 0, 3
				}
			case 0x88:
				if b[2] == 0x92 { // U+2212 minus sign
					return clSep, sepHyphen, 3
				}
			}
		}
		return clOther, 0, utf8Size(b)
	case b0 == 0xC2:
		if len(b) >= 2 {
			switch b[1] {
			case 0xA0:
				return clSep, sepNBSP, 2
			case 0xAD: // soft hyphen
				return clZW, 0, 2
			}
		}
		return clOther, 0, utf8Size(b)
	case b0 == 0xD9 || b0 == 0xDB:
		if len(b) >= 2 && arabicDigit(b0, b[1]) {
			// Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..,
			// Urdu) digits.
			if b0 == 0xD9 {
				return clDigit, '0' + b[1] - 0xA0, 2
			}
			return clDigit, '0' + b[1] - 0xB0, 2
		}
		return clOther, 0, utf8Size(b)
	case b0 >= 0xCE && b0 <= 0xD1:
		if len(b) >= 2 && b[1] >= 0x80 && b[1] < 0xC0 {
			if c, ok := homoglyph[uint16(b0)<<8|uint16(b[1])]; ok {
				return clLetter, c, 2
			}
			// Other Greek (U+0386..U+03FF) and Cyrillic (U+0400..U+047F) letters.
			if (b0 == 0xCE && b[1] >= 0x86) || b0 > 0xCE {
				return clAlien, 0, 2
			}
		}
		return clOther, 0, utf8Size(b)
	}
	return clOther, 0, utf8Size(b)
}

// utf8Size is the length of the UTF-8 sequence at the start of b, or 1 for an
// invalid or truncated one. It does not validate continuation bytes beyond
// what is needed to step over the character.
func utf8Size(b []byte) int {
	b0 := b[0]
	n := 1
	switch {
	case b0 >= 0xF0 && b0 < 0xF8:
		n = 4
	case b0 >= 0xE0:
		n = 3
	case b0 >= 0xC2:
		n = 2
	default:
		return 1
	}
	if n > len(b) {
		return 1
	}
	for i := 1; i < n; i++ {
		if b[i]&0xC0 != 0x80 {
			return 1
		}
	}
	return n
}

// lastCharStart returns the start of the character that ends at end (exclusive)
// in b, looking back at most three continuation bytes and never before lo.
func lastCharStart(b []byte, lo, end int) int {
	if end-3 >= lo && b[end-3] == '%' {
		if isEscape(b[end-3 : end]) {
			return end - 3 // a percent-encoded character
		}
		if s := escapedCharStart(b, lo, end); s >= 0 {
			return s // a percent-encoded UTF-8 character
		}
	}
	i := end - 1
	for k := 0; k < 3 && i > lo && b[i]&0xC0 == 0x80; k++ {
		i--
	}
	if i < end-1 && utf8Size(b[i:end]) != end-i {
		return end - 1
	}
	return i
}

func isHex(b byte) bool {
	return b-'0' < 10 || (b|0x20)-'a' < 6
}

func unhex(b byte) byte {
	if b <= '9' {
		return b - '0'
	}
	return (b | 0x20) - 'a' + 10
}

// escapeStart returns the start of the percent-encoded character that holds
// the byte at i, when the byte is a hex digit of one ("%2B", "%C2%A0"), and
// i otherwise; it looks no further back than lo.
func escapeStart(b []byte, lo, i int) int {
	if i >= 1 && b[i-1] == '%' && isEscape(b[i-1:]) {
		return i - 1
	}
	for q := i - 2; q <= i-1; q++ {
		if q < lo || b[q] != '%' {
			continue
		}
		// The escape at q is the first, second, third or fourth of a
		// percent-encoded UTF-8 character.
		var dec [4]byte
		for s := q; s >= lo && s >= q-9; s -= 3 {
			if n := escapedChar(b[s:], &dec); n > 0 && s+3*n > i {
				return s
			}
		}
	}
	return i
}

// escByte returns the byte that the percent escape at the start of b stands
// for, and whether b starts with one.
func escByte(b []byte) (byte, bool) {
	if len(b) < 3 || b[0] != '%' || !isHex(b[1]) || !isHex(b[2]) {
		return 0, false
	}
	return unhex(b[1])<<4 | unhex(b[2]), true
}

// escapedChar decodes into dec a UTF-8 character of two to four bytes written
// as percent escapes at the start of b ("%C2%A0"), and returns its length
// once decoded; 0 when b does not start with one.
func escapedChar(b []byte, dec *[4]byte) int {
	lead, ok := escByte(b)
	if !ok || lead < 0xC2 || lead > 0xF4 {
		return 0
	}
	n := utf8Len(lead)
	if len(b) < 3*n {
		return 0
	}
	dec[0] = lead
	for k := 1; k < n; k++ {
		c, ok := escByte(b[3*k:])
		if !ok || c&0xC0 != 0x80 {
			return 0
		}
		dec[k] = c
	}
	return n
}

// escapedCharStart returns the start of the percent-encoded UTF-8 character
// that ends at end, or -1; it looks no further back than lo.
func escapedCharStart(b []byte, lo, end int) int {
	var dec [4]byte
	for n := 2; n <= 4 && end-3*n >= lo; n++ {
		if escapedChar(b[end-3*n:end], &dec) == n {
			return end - 3*n
		}
	}
	return -1
}

// isEscape reports whether b starts with a percent escape of an ASCII
// character other than '%' itself ("%39", "%2B", "%20").
func isEscape(b []byte) bool {
	d, ok := escByte(b)
	return ok && d < 0x80 && d != '%'
}

// plusBefore reports whether a '+' (or its escape "%2B") ends at i.
func plusBefore(b []byte, lo, i int) bool {
	if i > lo && b[i-1] == '+' {
		return true
	}
	return i-3 >= lo && b[i-3] == '%' && b[i-2] == '2' && (b[i-1]|0x20) == 'b'
}

// arabicDigit reports whether b0 b1 is an Arabic-Indic or Extended
// Arabic-Indic digit.
func arabicDigit(b0, b1 byte) bool {
	return b0 == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9 || b0 == 0xDB && b1 >= 0xB0 && b1 <= 0xB9
}

// lastIndexByteGo is bytes.LastIndexByte read eight bytes at a time (the
// standard library reads one at a time): context windows are searched
// backward for line breaks for every finding. lastIndexByte is this function
// where no vector version is built (see masks_amd64.go).
func lastIndexByteGo(b []byte, c byte) int {
	i := len(b)
	pat := uint64(c) * lsb
	for i >= 8 {
		x := binary.LittleEndian.Uint64(b[i-8:]) ^ pat
		// A zero byte of x is a byte equal to c; the test is nonzero exactly
		// when the word holds one (its flags may be wrong above a true one,
		// so the word is then read byte by byte).
		if (x-lsb)&^x&msb != 0 {
			for k := i - 1; k >= i-8; k-- {
				if b[k] == c {
					return k
				}
			}
		}
		i -= 8
	}
	for i--; i >= 0; i-- {
		if b[i] == c {
			return i
		}
	}
	return -1
}

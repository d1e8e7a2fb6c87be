package fake

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// NBSP is the no-break space, U+00A0, which word processors and web forms
// put between the groups of a number.
const NBSP = "\u00a0"

// AadhaarSeps are the separators written between the 4-4-4 groups of an
// Aadhaar number: space, no-break space, hyphen, dot and colon.
var AadhaarSeps = []string{" ", NBSP, "-", ".", ":"}

// Group splits s into groups of the given sizes, joined by sep. Sizes must
// add up to len(s).
func Group(s string, sizes []int, sep string) string {
	var b strings.Builder
	for i, n := range sizes {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s[:n])
		s = s[n:]
	}
	if s != "" {
		panic("fake: Group sizes do not cover the string")
	}
	return b.String()
}

// AadhaarForm writes a 12-digit Aadhaar number plain (sep "") or in 4-4-4
// groups joined by sep.
func AadhaarForm(a, sep string) string {
	if sep == "" {
		return a
	}
	return Group(a, []int{4, 4, 4}, sep)
}

// VIDForm writes a 16-digit Virtual ID plain (sep "") or in 4-4-4-4 groups
// joined by sep.
func VIDForm(v, sep string) string {
	if sep == "" {
		return v
	}
	return Group(v, []int{4, 4, 4, 4}, sep)
}

// PANForm writes a PAN in upper case, or in lower case as people type it.
func PANForm(p string, lower bool) string {
	if lower {
		return strings.ToLower(p)
	}
	return p
}

// MobilePrefixes are the ways the country or trunk prefix is written before
// a mobile number, each with the space or hyphen (if any) that follows it.
var MobilePrefixes = []string{
	"", "+91", "+91 ", "+91-", "(+91) ", "(+91)", "0091 ", "0091", "91", "91 ", "91-", "0",
}

// MobileGroupings are the digit groupings of a 10-digit mobile number: none,
// 5-5, 3-3-4 and 4-3-3.
var MobileGroupings = [][]int{{10}, {5, 5}, {3, 3, 4}, {4, 3, 3}}

// MobileSeps are the separators written between the groups of a mobile
// number: space, hyphen, dot and no-break space.
var MobileSeps = []string{" ", "-", ".", NBSP}

// MobileStyle is one way of writing a mobile number.
type MobileStyle struct {
	Prefix string // one of MobilePrefixes
	Groups []int  // one of MobileGroupings
	Sep    string // one of MobileSeps; unused with a single group
}

// Format writes the 10-digit mobile number m in style s. It returns the prefix
// and the number separately, so that callers know where the number itself
// starts.
func (s MobileStyle) Format(m string) (prefix, number string) {
	if len(s.Groups) == 0 {
		return s.Prefix, m
	}
	return s.Prefix, Group(m, s.Groups, s.Sep)
}

// RandomMobileStyle returns a random style: about a third ungrouped, the
// rest with a random prefix and grouping. A prefix glued to the number is only
// used with groupings people write after it: 10 digits, or 5-5 after "0" and
// "(+91)".
func RandomMobileStyle(r *rand.Rand) MobileStyle {
	s := MobileStyle{Prefix: oneOf(r, MobilePrefixes...), Groups: oneOf(r, MobileGroupings...), Sep: oneOf(r, MobileSeps...)}
	if r.IntN(3) == 0 {
		s.Groups = MobileGroupings[0]
	}
	switch s.Prefix {
	case "0", "(+91)":
		if len(s.Groups) > 2 {
			s.Groups = MobileGroupings[1]
		}
	case "+91", "0091", "91":
		s.Groups = MobileGroupings[0]
	}
	return s
}

// Script is a set of decimal digits, given by the code point of its zero.
type Script struct {
	Name string
	Zero rune
}

// ASCII is the script of the digits 0-9.
var ASCII = Script{"ASCII", '0'}

// Scripts are the scripts whose digits Indian text uses besides ASCII.
var Scripts = []Script{
	{"Devanagari", '\u0966'},
	{"Bengali", '\u09e6'},
	{"Gurmukhi", '\u0a66'},
	{"Gujarati", '\u0ae6'},
	{"Oriya", '\u0b66'},
	{"Tamil", '\u0be6'},
	{"Telugu", '\u0c66'},
	{"Kannada", '\u0ce6'},
	{"Malayalam", '\u0d66'},
	{"Fullwidth", '\uff10'},
}

// ScriptByName returns the script named name (see [Scripts]), or ASCII.
func ScriptByName(name string) Script {
	for _, s := range Scripts {
		if s.Name == name {
			return s
		}
	}
	return ASCII
}

// Transliterate replaces every ASCII digit in s with the digit of the same
// value in script sc. Other characters are left as they are.
func Transliterate(s string, sc Script) string {
	if sc.Zero == '0' {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(sc.Zero + c - '0')
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// DigitValue returns the value of c if c is a decimal digit of ASCII or of one
// of [Scripts], and -1 otherwise.
func DigitValue(c rune) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	for _, s := range Scripts {
		if c >= s.Zero && c <= s.Zero+9 {
			return int(c - s.Zero)
		}
	}
	return -1
}

// ZeroWidth are the invisible characters that end up inside numbers copied
// from chat apps and web pages: zero width space, zero width non-joiner, zero
// width joiner, word joiner and soft hyphen.
var ZeroWidth = []rune{'\u200b', '\u200c', '\u200d', '\u2060', '\u00ad'}

// InsertZeroWidth inserts n characters from [ZeroWidth] into s, each between
// two letters or digits, never at either end. It returns s unchanged if it
// has no such place.
func InsertZeroWidth(r *rand.Rand, s string, n int) string {
	for range n {
		var places []int
		prev := rune(-1)
		for i, c := range s {
			if i > 0 && isAlnum(prev) && isAlnum(c) {
				places = append(places, i)
			}
			prev = c
		}
		if len(places) == 0 {
			return s
		}
		at := places[r.IntN(len(places))]
		s = s[:at] + string(oneOf(r, ZeroWidth...)) + s[at:]
	}
	return s
}

func isAlnum(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c)
}

// Normalize undoes the written forms of this package: it drops separators
// (space, no-break space, hyphen, dot, colon, newline) and [ZeroWidth]
// characters, turns the digits of [Scripts] into ASCII digits and letters
// into upper case.
func Normalize(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == ' ' || c == '\u00a0' || c == '-' || c == '.' || c == ':' || c == '\n' || c == '\r':
		case isZeroWidth(c):
		case DigitValue(c) >= 0:
			b.WriteByte(byte('0' + DigitValue(c)))
		default:
			b.WriteRune(unicode.ToUpper(c))
		}
	}
	return b.String()
}

func isZeroWidth(c rune) bool {
	for _, z := range ZeroWidth {
		if c == z {
			return true
		}
	}
	return false
}

package fake

// Verhoeff tables (dihedral group D5): multiplication d, permutation p and
// inverse inv, as given in specs/identifiers.md §2.
var (
	verhoeffD = [10][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		{1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
		{2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
		{3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
		{4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
		{5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
		{7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
		{8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
		{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
	}
	verhoeffP = [8][10]byte{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		{1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
		{5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
		{9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
		{4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
		{7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	}
	verhoeffInv = [10]byte{0, 4, 3, 2, 1, 5, 6, 7, 8, 9}
)

// verhoeffSum runs the Verhoeff checksum over digits from the right, with the
// position of the rightmost digit taken as off. It reports false if digits
// holds anything but ASCII digits.
func verhoeffSum(digits string, off int) (byte, bool) {
	var c byte
	for i := 0; i < len(digits); i++ {
		ch := digits[len(digits)-1-i]
		if ch < '0' || ch > '9' {
			return 0, false
		}
		c = verhoeffD[c][verhoeffP[(i+off)%8][ch-'0']]
	}
	return c, true
}

// Verhoeff reports whether digits, a non-empty string of ASCII digits whose
// last digit is the check digit, passes the Verhoeff check.
func Verhoeff(digits string) bool {
	c, ok := verhoeffSum(digits, 0)
	return ok && len(digits) > 0 && c == 0
}

// VerhoeffCheck returns the Verhoeff check digit (an ASCII digit) to append to
// payload. It panics if payload holds anything but ASCII digits.
func VerhoeffCheck(payload string) byte {
	c, ok := verhoeffSum(payload, 1)
	if !ok {
		panic("fake: VerhoeffCheck of non-digit string " + payload)
	}
	return '0' + verhoeffInv[c]
}

// luhnSum returns the Luhn sum of digits, doubling every second digit from
// the right starting with the rightmost when double is true.
func luhnSum(digits string, double bool) (int, bool) {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		ch := digits[i]
		if ch < '0' || ch > '9' {
			return 0, false
		}
		v := int(ch - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum, true
}

// Luhn reports whether digits, a non-empty string of ASCII digits whose last
// digit is the check digit, passes the Luhn (mod 10) check.
func Luhn(digits string) bool {
	sum, ok := luhnSum(digits, false)
	return ok && len(digits) > 0 && sum%10 == 0
}

// LuhnCheck returns the Luhn check digit (an ASCII digit) to append to
// payload. It panics if payload holds anything but ASCII digits.
func LuhnCheck(payload string) byte {
	sum, ok := luhnSum(payload, true)
	if !ok {
		panic("fake: LuhnCheck of non-digit string " + payload)
	}
	return byte('0' + (10-sum%10)%10)
}

// MRZCheck returns the ICAO 9303 check digit (an ASCII digit) of s, a field
// of a machine-readable zone: digits count their value, A-Z count 10-35 and
// the filler '<' counts 0; the values are weighted 7, 3, 1, 7, 3, 1, ... from
// the left and summed modulo 10. It panics if s holds any other character.
func MRZCheck(s string) byte {
	weights := [3]int{7, 3, 1}
	sum := 0
	for i := 0; i < len(s); i++ {
		var v int
		switch ch := s[i]; {
		case ch >= '0' && ch <= '9':
			v = int(ch - '0')
		case ch >= 'A' && ch <= 'Z':
			v = int(ch-'A') + 10
		case ch == '<':
			v = 0
		default:
			panic("fake: MRZCheck of a string with a character outside A-Z 0-9 <: " + s)
		}
		sum += v * weights[i%3]
	}
	return byte('0' + sum%10)
}

package fake

import "github.com/kavach-dev/kavach/detectors"

// Verhoeff reports whether digits, a non-empty string of ASCII digits whose
// last digit is the check digit, passes the Verhoeff check. It is
// detectors.Verhoeff; the tests of this package check both against the
// published vectors.
func Verhoeff(digits string) bool {
	return detectors.Verhoeff([]byte(digits))
}

// VerhoeffCheck returns the Verhoeff check digit (an ASCII digit) to append to
// payload. It panics if payload holds anything but ASCII digits.
func VerhoeffCheck(payload string) byte {
	c := detectors.VerhoeffDigit([]byte(payload))
	if c == 0 {
		panic("fake: VerhoeffCheck of non-digit string " + payload)
	}
	return c
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

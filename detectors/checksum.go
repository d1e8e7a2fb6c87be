package detectors

// Verhoeff tables (dihedral group D5), as in Verhoeff's 1969 scheme.
var (
	verhoeffD = [10][10]uint8{
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
	verhoeffP = [8][10]uint8{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		{1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
		{5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
		{9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
		{4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
		{7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	}
	verhoeffInv = [10]uint8{0, 4, 3, 2, 1, 5, 6, 7, 8, 9}
)

// verhoeffPair[q][c*100+a*10+b] is the Verhoeff sum c after the digits a
// and b, at positions 2q and 2q+1 (mod 8) from the right: verhoeffSum takes
// two digits a step, which halves the chain of dependent lookups.
var verhoeffPair [4][1000]uint8

func init() {
	for q := range verhoeffPair {
		for c := range 10 {
			for a := range 10 {
				for b := range 10 {
					x := verhoeffD[c][verhoeffP[2*q][a]]
					verhoeffPair[q][c*100+a*10+b] = verhoeffD[x][verhoeffP[2*q+1][b]]
				}
			}
		}
	}
}

// verhoeffSum runs the Verhoeff checksum over the ASCII digits of s from the
// right, the rightmost at position off (0 or 1). ok is false for a
// non-digit.
func verhoeffSum(s []byte, off int) (c uint8, ok bool) {
	n, pos := len(s), 0 // pos: the position of s[n-1]
	if off == 1 && n > 0 {
		// One digit at the odd position, so that pairs start at even ones.
		d := s[n-1] - '0'
		if d > 9 {
			return 0, false
		}
		c, n, pos = verhoeffD[0][verhoeffP[1][d]], n-1, 2
	}
	i := 0
	for ; i+1 < n; i += 2 {
		a, b := s[n-1-i]-'0', s[n-2-i]-'0'
		if a > 9 || b > 9 {
			return 0, false
		}
		c = verhoeffPair[(i+pos)>>1&3][int(c)*100+int(a)*10+int(b)]
	}
	if i < n {
		d := s[0] - '0'
		if d > 9 {
			return 0, false
		}
		c = verhoeffD[c][verhoeffP[(i+pos)&7][d]]
	}
	return c, true
}

// Verhoeff reports whether the ASCII digits in s, check digit last, pass the
// Verhoeff check. It returns false if s is empty or holds a non-digit.
func Verhoeff(s []byte) bool {
	c, ok := verhoeffSum(s, 0)
	return ok && len(s) > 0 && c == 0
}

// VerhoeffDigit returns the Verhoeff check digit (an ASCII digit) for the ASCII
// digits in payload, or 0 if payload holds a non-digit.
func VerhoeffDigit(payload []byte) byte {
	c, ok := verhoeffSum(payload, 1)
	if !ok {
		return 0
	}
	return '0' + verhoeffInv[c]
}

// luhn reports whether the ASCII digits in s pass the Luhn (mod 10) check.
func luhn(s []byte) bool {
	sum := 0
	for i := 0; i < len(s); i++ {
		d := int(s[len(s)-1-i] - '0')
		if d > 9 || d < 0 {
			return false
		}
		if i&1 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return len(s) > 0 && sum%10 == 0
}

// mrzValue is the ICAO 9303 value of an MRZ character: digits 0-9, letters
// 10-35, '<' 0; -1 for anything else.
func mrzValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	case c == '<':
		return 0
	}
	return -1
}

// mrzCheck computes the ICAO 9303 check digit (weights 7, 3, 1) of s as an ASCII
// digit, or 0 if s holds a character outside the MRZ alphabet.
func mrzCheck(s []byte) byte {
	weights := [3]int{7, 3, 1}
	sum := 0
	for i, c := range s {
		v := mrzValue(c)
		if v < 0 {
			return 0
		}
		sum += v * weights[i%3]
	}
	return byte('0' + sum%10)
}

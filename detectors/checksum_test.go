package detectors

import (
	"math/rand/v2"
	"testing"
)

// verhoeffRef is the Verhoeff sum by its definition, one digit a step, the
// rightmost digit at position off.
func verhoeffRef(s []byte, off int) (c uint8, ok bool) {
	for i := 0; i < len(s); i++ {
		d := s[len(s)-1-i] - '0'
		if d > 9 {
			return 0, false
		}
		c = verhoeffD[c][verhoeffP[(i+off)&7][d]]
	}
	return c, true
}

// TestVerhoeffSum compares verhoeffSum, which takes two digits a step, with
// the definition, for every length up to 20, both starting positions, random
// digits and a non-digit anywhere.
func TestVerhoeffSum(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for n := 0; n <= 20; n++ {
		for k := 0; k < 500; k++ {
			s := make([]byte, n)
			for i := range s {
				s[i] = byte('0' + r.IntN(10))
			}
			if n > 0 && k%5 == 0 {
				s[r.IntN(n)] = "x/:\x00"[r.IntN(4)]
			}
			for off := 0; off <= 1; off++ {
				want, wok := verhoeffRef(s, off)
				got, gok := verhoeffSum(s, off)
				if got != want || gok != wok {
					t.Fatalf("verhoeffSum(%q, %d) = %d, %v; by the definition %d, %v", s, off, got, gok, want, wok)
				}
			}
		}
	}
}

package detectors

import (
	"math/rand/v2"
	"testing"
)

// TestVerhoeffCheck compares the two-digits-a-step Verhoeff sum with the
// digit-at-a-time definition, for every length up to 20, random digits and a
// non-digit anywhere.
func TestVerhoeffCheck(t *testing.T) {
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
			want, wok := verhoeffSum(s, 0)
			got, gok := verhoeffCheck(s)
			if got != want || gok != wok {
				t.Fatalf("verhoeffCheck(%q) = %d, %v; verhoeffSum = %d, %v", s, got, gok, want, wok)
			}
		}
	}
}

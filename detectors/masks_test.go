package detectors

import (
	"math/rand/v2"
	"testing"
)

// TestBlockMasks checks blockMasks (the vector version where one is built)
// and blockMasksGo against a byte-by-byte reading, on blocks made of
// the bytes at the edges of the ranges they test.
func TestBlockMasks(t *testing.T) {
	edges := []byte{0, '\n', ' ', '/', '0', '5', '9', ':', '@', 'A', 'Z', '[', '`', 'a', 'z', '{', 0x7F, 0x80, 0xAF, 0xB0, 0xB9, 0xBA, 0xC1, 0xE1, 0xFF}
	r := rand.New(rand.NewPCG(7, 7))
	b := make([]byte, 64)
	for n := 0; n < 20000; n++ {
		for i := range b {
			switch {
			case n < 256:
				b[i] = byte(n) // every byte in every position
			case r.IntN(4) == 0:
				b[i] = byte(r.IntN(256))
			default:
				b[i] = edges[r.IntN(len(edges))]
			}
		}
		var dig, hi, alpha uint64
		for i, c := range b {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				alpha |= 1 << i
			}
			if c >= '0' && c <= '9' {
				dig |= 1 << i
			}
			if c >= 0x80 {
				hi |= 1 << i
			}
		}
		d1, h1, a1 := blockMasks(b)
		d2, h2, a2 := blockMasksGo(b)
		if d1 != dig || h1 != hi || a1 != alpha || d2 != dig || h2 != hi || a2 != alpha {
			t.Fatalf("%q: blockMasks %#x %#x %#x, blockMasksGo %#x %#x %#x, want %#x %#x %#x",
				b, d1, h1, a1, d2, h2, a2, dig, hi, alpha)
		}
	}
}

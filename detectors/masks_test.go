package detectors

import (
	"math/rand/v2"
	"testing"
)

// TestBlockMasks checks blockMasks (the vector version where one is built)
// and blockMasksGo against a byte-by-byte reading, on blocks made of
// the bytes at the edges of the ranges they test.
func TestBlockMasks(t *testing.T) {
	edgeBlocks(func(b []byte) {
		dig, hi, alpha := byteMasks(b)
		d1, h1, a1 := blockMasks(b)
		d2, h2, a2 := blockMasksGo(b)
		if d1 != dig || h1 != hi || a1 != alpha || d2 != dig || h2 != hi || a2 != alpha {
			t.Fatalf("%q: blockMasks %#x %#x %#x, blockMasksGo %#x %#x %#x, want %#x %#x %#x",
				b, d1, h1, a1, d2, h2, a2, dig, hi, alpha)
		}
	})
}

// edgeBlocks calls f with 20,000 blocks of 64 bytes: first each byte value
// in every position, then blocks made mostly of the bytes at the edges of
// the ranges blockMasks tests.
func edgeBlocks(f func(b []byte)) {
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
		f(b)
	}
}

// byteMasks is blockMasks read one byte at a time.
func byteMasks(b []byte) (dig, hi, alpha uint64) {
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
	return dig, hi, alpha
}

// TestSkip checks skip, which reads eight bytes at a time, against the
// interesting table read byte by byte, on the same edge bytes.
func TestSkip(t *testing.T) {
	edges := []byte{' ', '/', '0', '9', ':', 'a', 0x7F, 0x80, 0xB0, 0xB9, 0xFF}
	r := rand.New(rand.NewPCG(9, 9))
	for n := 0; n < 20000; n++ {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = edges[r.IntN(len(edges))]
			if r.IntN(3) != 0 {
				b[i] = 'a' // make interesting bytes rarer
			}
		}
		i := 0
		if len(b) > 0 {
			i = r.IntN(len(b))
		}
		want := i
		for want < len(b) && !interesting[b[want]] {
			want++
		}
		if got := skip(b, i, len(b)); got != want {
			t.Fatalf("skip(%q, %d) = %d, want %d", b, i, got, want)
		}
	}
}

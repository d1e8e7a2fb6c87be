//go:build amd64 && !purego

package detectors

import "testing"

// TestBlockMasksVector checks both vector versions of blockMasks, whichever
// one this processor makes blockMasks use: SSE2, and AVX2 where the
// processor has it.
func TestBlockMasksVector(t *testing.T) {
	if !useAVX2 {
		t.Log("no AVX2 on this processor: only SSE2 is checked")
	}
	edgeBlocks(func(b []byte) {
		dig, hi, alpha := byteMasks(b)
		d, h, a := blockMasksSSE2((*[64]byte)(b))
		if d != dig || h != hi || a != alpha {
			t.Fatalf("%q: blockMasksSSE2 %#x %#x %#x, want %#x %#x %#x", b, d, h, a, dig, hi, alpha)
		}
		if !useAVX2 {
			return
		}
		d, h, a = blockMasksAVX2((*[64]byte)(b))
		if d != dig || h != hi || a != alpha {
			t.Fatalf("%q: blockMasksAVX2 %#x %#x %#x, want %#x %#x %#x", b, d, h, a, dig, hi, alpha)
		}
	})
}

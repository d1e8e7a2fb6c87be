//go:build amd64 && !purego

package detectors

// blockMasks returns bit masks of the 64 bytes of b: bit i of dig is set when
// b[i] is an ASCII digit, of hi when b[i] >= 0x80, of alpha when b[i] is an
// ASCII letter. On amd64 it compares 16 bytes at a time with SSE2, which
// every amd64 processor has; the purego build tag selects blockMasksGo
// instead.
func blockMasks(b []byte) (dig, hi, alpha uint64) {
	return blockMasksSSE2((*[64]byte)(b))
}

// blockMasksSSE2 is blockMasks in assembly (masks_amd64.s).
//
//go:noescape
func blockMasksSSE2(b *[64]byte) (dig, hi, alpha uint64)

// lastIndexByte is bytes.LastIndexByte; on amd64 it compares 16 bytes at a
// time with SSE2 (the standard library reads one byte at a time).
func lastIndexByte(b []byte, c byte) int {
	return lastIndexByteSSE2(b, c)
}

// lastIndexByteSSE2 is lastIndexByte in assembly (masks_amd64.s).
//
//go:noescape
func lastIndexByteSSE2(b []byte, c byte) int

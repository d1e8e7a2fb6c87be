//go:build amd64 && !purego

package detectors

// blockMasks returns bit masks of the 64 bytes of b: bit i of dig is set when
// b[i] is an ASCII digit, of hi when b[i] >= 0x80, of alpha when b[i] is an
// ASCII letter. On amd64 it compares 32 bytes at a time with AVX2 where the
// processor has it, and 16 at a time with SSE2, which every amd64 processor
// has, where not; the purego build tag selects blockMasksGo instead.
func blockMasks(b []byte) (dig, hi, alpha uint64) {
	return blockMasksVec((*[64]byte)(b))
}

// blockMasksVec is blockMasksAVX2 when useAVX2 is set and blockMasksSSE2
// when not (masks_amd64.s). It chooses in assembly, so that blockMasks,
// which calls it once, is inlined.
//
//go:noescape
func blockMasksVec(b *[64]byte) (dig, hi, alpha uint64)

// useAVX2 reports whether the processor and the operating system support
// AVX2, which blockMasksAVX2 uses.
var useAVX2 = hasAVX2()

// hasAVX2 asks the processor (CPUID and XGETBV) whether it has AVX2 and the
// operating system saves the YMM registers (masks_amd64.s).
func hasAVX2() bool

// blockMasksAVX2 is blockMasks in assembly with AVX2 (masks_amd64.s).
//
//go:noescape
func blockMasksAVX2(b *[64]byte) (dig, hi, alpha uint64)

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

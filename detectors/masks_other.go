//go:build !amd64 || purego

package detectors

// blockMasks returns bit masks of the 64 bytes of b: bit i of dig is set when
// b[i] is an ASCII digit, of hi when b[i] >= 0x80, of alpha when b[i] is an
// ASCII letter.
func blockMasks(b []byte) (dig, hi, alpha uint64) {
	return blockMasksGo(b)
}

// lastIndexByte is bytes.LastIndexByte.
func lastIndexByte(b []byte, c byte) int {
	return lastIndexByteGo(b, c)
}

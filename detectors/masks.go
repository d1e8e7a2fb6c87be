package detectors

import "encoding/binary"

// blockMasksGo returns bit masks of the 64 bytes of b: bit i of dig is set
// when b[i] is an ASCII digit, of hi when b[i] >= 0x80, of alpha when b[i] is
// an ASCII letter. It reads the bytes eight at a time in ordinary registers;
// blockMasks is this function where no vector version is built (see
// masks_amd64.go).
func blockMasksGo(b []byte) (dig, hi, alpha uint64) {
	_ = b[63]
	for k := 0; k < 64; k += 8 {
		x := binary.LittleEndian.Uint64(b[k:])
		h := x & msb
		y := x &^ msb
		z := y | 0x20*lsb // letters in lower case
		// Bit 7 of each byte of y+c is set when the byte is >= 0x80-c: y
		// and z have no high bits, so no carry crosses a byte.
		d := (y + 0x50*lsb) &^ (y + 0x46*lsb) &^ h & msb // '0' <= c <= '9'
		a := (z + 0x1F*lsb) &^ (z + 0x05*lsb) &^ h & msb // 'a' <= c|0x20 <= 'z'
		dig |= pack(d) << k
		alpha |= pack(a) << k
		if h != 0 {
			hi |= pack(h) << k
		}
	}
	return dig, hi, alpha
}

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
		d := digitBytes(x)
		a := inRange(y|0x20*lsb, 'a', 'z') &^ h // in lower case
		dig |= pack(d) << k
		alpha |= pack(a) << k
		if h != 0 {
			hi |= pack(h) << k
		}
	}
	return dig, hi, alpha
}

// digitBytes returns bit 7 of each byte of the word x that is an ASCII
// digit.
func digitBytes(x uint64) uint64 {
	return inRange(x&^msb, '0', '9') &^ x
}

// inRange returns bit 7 of each byte of the word y that is in [lo, hi], for
// a word with no bit 7 set (a byte >= 0x80 masked off). Bit 7 of each byte
// of y+c is set when the byte is >= 0x80-c, and no carry crosses a byte.
func inRange(y uint64, lo, hi byte) uint64 {
	return (y + uint64(0x80-lo)*lsb) &^ (y + uint64(0x7F-hi)*lsb) & msb
}

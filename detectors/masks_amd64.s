//go:build amd64 && !purego

#include "textflag.h"

// MASK16 compares the 16 bytes at off(SI) and puts in D, H and A (16 bits
// each) the masks of ASCII digits, of bytes >= 0x80 and of ASCII letters.
// The constants are in every byte of X6 (0x2F), X7 (0x3A), X8 (0x20), X9
// (0x60) and X10 (0x7B). PCMPGTB compares signed bytes, so a byte >= 0x80
// is below every bound and counts as neither digit nor letter. In Go's
// operand order PCMPGTB X6, X0 sets X0 to X0 > X6.
#define MASK16(off, D, H, A) \
	MOVOU    off(SI), X0; \
	MOVO     X0, X1; \
	PCMPGTB  X6, X0; \
	MOVO     X7, X2; \
	PCMPGTB  X1, X2; \
	PAND     X2, X0; \
	PMOVMSKB X0, D; \
	PMOVMSKB X1, H; \
	POR      X8, X1; \
	MOVO     X1, X3; \
	PCMPGTB  X9, X1; \
	MOVO     X10, X4; \
	PCMPGTB  X3, X4; \
	PAND     X4, X1; \
	PMOVMSKB X1, A

// BCAST puts the byte pattern v in every byte of X.
#define BCAST(v, X) \
	MOVQ       v, AX; \
	MOVQ       AX, X; \
	PUNPCKLQDQ X, X

// SHIFTOR shifts the masks of the latest 16 bytes into place and adds them.
#define SHIFTOR(n) \
	SHLQ $n, CX; \
	SHLQ $n, DX; \
	SHLQ $n, R8; \
	ORQ  CX, AX; \
	ORQ  DX, BX; \
	ORQ  R8, DI

// func blockMasksSSE2(b *[64]byte) (dig, hi, alpha uint64)
TEXT ·blockMasksSSE2(SB), NOSPLIT, $0-32
	MOVQ  b+0(FP), SI
	BCAST($0x2F2F2F2F2F2F2F2F, X6)
	BCAST($0x3A3A3A3A3A3A3A3A, X7)
	BCAST($0x2020202020202020, X8)
	BCAST($0x6060606060606060, X9)
	BCAST($0x7B7B7B7B7B7B7B7B, X10)
	MASK16(0, AX, BX, DI)
	MASK16(16, CX, DX, R8)
	SHIFTOR(16)
	MASK16(32, CX, DX, R8)
	SHIFTOR(32)
	MASK16(48, CX, DX, R8)
	SHIFTOR(48)
	MOVQ  AX, dig+8(FP)
	MOVQ  BX, hi+16(FP)
	MOVQ  DI, alpha+24(FP)
	RET

// func lastIndexByteSSE2(b []byte, c byte) int
TEXT ·lastIndexByteSSE2(SB), NOSPLIT, $0-40
	MOVQ    b_base+0(FP), SI
	MOVQ    b_len+8(FP), BX
	MOVBQZX c+24(FP), CX
	MOVQ    $0x0101010101010101, AX
	IMULQ   CX, AX
	MOVQ    AX, X1
	PUNPCKLQDQ X1, X1

	// 16 bytes at a time from the end: BX is the length left.
loop16:
	CMPQ     BX, $16
	JLT      tail
	MOVOU    -16(SI)(BX*1), X0
	PCMPEQB  X1, X0
	PMOVMSKB X0, DX
	TESTL    DX, DX
	JNZ      found16
	SUBQ     $16, BX
	JMP      loop16

found16:
	BSRL DX, DX
	LEAQ -16(BX)(DX*1), AX
	MOVQ AX, ret+32(FP)
	RET

	// Fewer than 16 bytes left: one at a time.
tail:
	DECQ BX
	JLT  none
	CMPB (SI)(BX*1), CL
	JNE  tail
	MOVQ BX, ret+32(FP)
	RET

none:
	MOVQ $-1, ret+32(FP)
	RET

// The bounds blockMasksAVX2 compares with, one byte each; VPBROADCASTB
// puts each in every byte of a Y register.
DATA bound2F<>+0(SB)/1, $0x2F
GLOBL bound2F<>(SB), RODATA|NOPTR, $1
DATA bound3A<>+0(SB)/1, $0x3A
GLOBL bound3A<>(SB), RODATA|NOPTR, $1
DATA bound20<>+0(SB)/1, $0x20
GLOBL bound20<>(SB), RODATA|NOPTR, $1
DATA bound60<>+0(SB)/1, $0x60
GLOBL bound60<>(SB), RODATA|NOPTR, $1
DATA bound7B<>+0(SB)/1, $0x7B
GLOBL bound7B<>(SB), RODATA|NOPTR, $1

// MASK32 is MASK16 for the 32 bytes at off(SI), with AVX2: D, H and A get
// 32 bits each. The bounds are in Y6 (0x2F), Y7 (0x3A), Y8 (0x20), Y9
// (0x60) and Y10 (0x7B). In Go's operand order VPCMPGTB Y6, Y0, Y1 sets Y1
// to Y0 > Y6.
#define MASK32(off, D, H, A) \
	VMOVDQU   off(SI), Y0; \
	VPCMPGTB  Y6, Y0, Y1; \
	VPCMPGTB  Y0, Y7, Y2; \
	VPAND     Y2, Y1, Y1; \
	VPMOVMSKB Y1, D; \
	VPMOVMSKB Y0, H; \
	VPOR      Y8, Y0, Y3; \
	VPCMPGTB  Y9, Y3, Y4; \
	VPCMPGTB  Y3, Y10, Y5; \
	VPAND     Y5, Y4, Y4; \
	VPMOVMSKB Y4, A

// func blockMasksVec(b *[64]byte) (dig, hi, alpha uint64)
TEXT ·blockMasksVec(SB), NOSPLIT, $0-32
	CMPB ·useAVX2(SB), $0
	JEQ  sse2
	JMP  ·blockMasksAVX2(SB)

sse2:
	JMP ·blockMasksSSE2(SB)

// func blockMasksAVX2(b *[64]byte) (dig, hi, alpha uint64)
TEXT ·blockMasksAVX2(SB), NOSPLIT, $0-32
	MOVQ         b+0(FP), SI
	VPBROADCASTB bound2F<>(SB), Y6
	VPBROADCASTB bound3A<>(SB), Y7
	VPBROADCASTB bound20<>(SB), Y8
	VPBROADCASTB bound60<>(SB), Y9
	VPBROADCASTB bound7B<>(SB), Y10
	MASK32(0, AX, BX, DI)
	MASK32(32, CX, DX, R8)
	VZEROUPPER
	SHLQ $32, CX
	SHLQ $32, DX
	SHLQ $32, R8
	ORQ  CX, AX
	ORQ  DX, BX
	ORQ  R8, DI
	MOVQ AX, dig+8(FP)
	MOVQ BX, hi+16(FP)
	MOVQ DI, alpha+24(FP)
	RET

// func hasAVX2() bool
TEXT ·hasAVX2(SB), NOSPLIT, $0-1
	// CPUID leaf 7 must exist.
	MOVL $0, AX
	MOVL $0, CX
	CPUID
	CMPL AX, $7
	JLT  no
	// Leaf 1: ECX bit 27 (OSXSAVE) and bit 28 (AVX).
	MOVL $1, AX
	MOVL $0, CX
	CPUID
	ANDL $0x18000000, CX
	CMPL CX, $0x18000000
	JNE  no
	// The operating system saves the XMM and YMM state (XCR0 bits 1, 2).
	MOVL   $0, CX
	XGETBV
	ANDL   $6, AX
	CMPL   AX, $6
	JNE    no
	// Leaf 7: EBX bit 5 (AVX2).
	MOVL $7, AX
	MOVL $0, CX
	CPUID
	BTL  $5, BX
	JCC  no
	MOVB $1, ret+0(FP)
	RET

no:
	MOVB $0, ret+0(FP)
	RET

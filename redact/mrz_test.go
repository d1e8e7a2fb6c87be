package redact

import (
	"strings"
	"testing"

	"github.com/kavach-dev/kavach/detectors"
	"golang.org/x/text/transform"
)

// TestMaskMRZ checks that a passport MRZ is masked whole under the default
// policy: its last characters are check digits that would help guess the rest.
func TestMaskMRZ(t *testing.T) {
	in := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n"
	out := Default.String(in)
	if strings.ContainsAny(out, "0123456789") || strings.Contains(out, "ERIKSSON") {
		t.Fatalf("MRZ not masked whole: %q", out)
	}
	if strings.Count(out, "<") != strings.Count(in, "<") || strings.Count(out, "\n") != 2 {
		t.Fatalf("MRZ layout changed: %q", out)
	}
}

// TestMaskMRZWideChar checks an MRZ masked with a mask character of more
// than one byte and a Keep: every character is masked (see TestMaskMRZ), so
// the replacement is longer than a mask that keeps four, and the room
// String and the streams reserve for it must be the room it takes.
func TestMaskMRZWideChar(t *testing.T) {
	keep := 4
	r := MustNew(Policy{Kinds: map[detectors.Kind]Rule{detectors.Passport: {Char: "█", Keep: &keep}}})
	in := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n"
	out := r.String(in)
	if strings.ContainsAny(out, "0123456789") || strings.Count(out, "<") != strings.Count(in, "<") {
		t.Fatalf("MRZ not masked whole: %q", out)
	}
	for size := 1; size <= 4*len(in); size++ {
		tr := r.Transformer()
		dst := make([]byte, size)
		var got []byte
		src := []byte(in)
		for {
			nDst, nSrc, err := tr.Transform(dst, src, true)
			got = append(got, dst[:nDst]...)
			src = src[nSrc:]
			if err == nil {
				break
			}
			if err != transform.ErrShortDst {
				t.Fatal(err)
			}
			if nDst == 0 && nSrc == 0 {
				break // dst holds no whole replacement: the caller must give more
			}
		}
		if len(src) == 0 && string(got) != out {
			t.Fatalf("Transformer with %d-byte dst: %q, String: %q", size, got, out)
		}
	}
}

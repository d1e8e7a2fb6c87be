package redact

import (
	"strings"
	"testing"
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

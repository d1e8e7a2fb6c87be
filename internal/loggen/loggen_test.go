package loggen

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/kavach-dev/kavach/detectors"
)

// TestService checks what the package doc says of the logs: the same bytes
// every time, whole lines, valid JSON with one mobile number a line, and no
// identifier in the other two.
func TestService(t *testing.T) {
	a, b := Service(64<<10), Service(64<<10)
	if !bytes.Equal(a.JSON, b.JSON) || !bytes.Equal(a.Access, b.Access) || !bytes.Equal(a.Plain, b.Plain) {
		t.Fatal("two calls gave different logs")
	}
	for name, text := range map[string][]byte{"JSON": a.JSON, "Access": a.Access, "Plain": a.Plain} {
		if len(text) < 64<<10 || text[len(text)-1] != '\n' {
			t.Errorf("%s: %d bytes, want at least %d in whole lines", name, len(text), 64<<10)
		}
	}
	lines := 0
	for line := range bytes.Lines(a.JSON) {
		lines++
		if !json.Valid(line) {
			t.Fatalf("not JSON: %q", line)
		}
	}
	fs := detectors.Default.Find(nil, a.JSON)
	if len(fs) != lines {
		t.Errorf("JSON: %d findings in %d lines, want one a line", len(fs), lines)
	}
	for _, f := range fs {
		if f.Kind != detectors.Mobile {
			t.Errorf("JSON: a finding of kind %s, want only mobile numbers", f.Kind)
		}
	}
	for name, text := range map[string][]byte{"Access": a.Access, "Plain": a.Plain} {
		if fs := detectors.Default.Find(nil, text); len(fs) != 0 {
			t.Errorf("%s: %d findings, want none", name, len(fs))
		}
	}
}

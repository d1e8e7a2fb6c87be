package redact

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kavach-dev/kavach/detectors"
)

func TestParsePolicy(t *testing.T) {
	t.Setenv("KAVACH_TEST_KEY", string(testKey))
	data := `{
  "min_score": 0.6,
  "default": {"action": "mask", "keep": 2, "char": "*"},
  "kinds": {
    "pan": {"action": "label", "label": "<pan>"},
    "mobile": {"action": "token"},
    "passport": {"action": "keep"},
    "employee_id": {"action": "label"}
  },
  "allow": ["abcpd 1234 z"],
  "key_env": "KAVACH_TEST_KEY",
  "custom": [{"kind": "employee_id", "pattern": "EMP-[0-9]{6}", "max_len": 10, "context": ["employee"], "timeout": "20ms"}]
}`
	p, err := ParsePolicy([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if *p.MinScore != 0.6 || *p.Default.Keep != 2 || p.Default.Char != "*" || p.Kinds[detectors.PAN].Label != "<pan>" ||
		p.KeyEnv != "KAVACH_TEST_KEY" || len(p.Allow) != 1 || len(p.Custom) != 1 || p.Custom[0].MaxLen != 10 ||
		p.Custom[0].Timeout.String() != "20ms" || p.Key != nil {
		t.Fatalf("parsed %+v", p)
	}
	r, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	in := "aadhaar 2341 2341 2346, PAN ABCPE1234Z, allowed pan ABCPD1234Z, passport no J6932157, mobile 9876543210"
	got := r.String(in)
	tok := MustNew(PseudonymPolicy(testKey)).String("9876543210")
	want := "aadhaar **** **** **46, PAN <pan>, allowed pan ABCPD1234Z, passport no J6932157, mobile " + tok
	if got != want {
		t.Fatalf("String:\n got %q\nwant %q", got, want)
	}
}

func TestParsePolicyEmptyAndNull(t *testing.T) {
	for _, data := range []string{`{}`, ` null `, `{"default": {}}`} {
		p, err := ParsePolicy([]byte(data))
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if got := MustNew(p).String("+91 98765 43210"); got != "+91 XXXXX X3210" {
			t.Fatalf("%s: %q", data, got)
		}
	}
}

func TestParsePolicyErrors(t *testing.T) {
	tests := []struct {
		data string
		want string
	}{
		{"", `line 1, column 1: empty policy`},
		{"{\n  \"default\": {\n    \"acton\": \"mask\"\n  }\n}", `line 3, column 5: unknown field "acton"`},
		{"{\"kinds\": {\"pan\": {\"action\": \"label\", \"lable\": \"x\"}}}", `line 1, column 39: unknown field "lable"`},
		{"{\"minscore\": 1}", `line 1, column 2: unknown field "minscore"`},
		{"{\n\"custom\": [{\"kind\": \"x\", \"pattern\": \"x\", \"max_len\": 1, \"flags\": 1}]}", `line 2, column 56: unknown field "flags"`},
		{"{\"default\" {}}", `line 1, column 12: invalid character '{' after object key`},
		{"{\"default\": {},}", `line 1, column 16: invalid character '}' looking for beginning of object key string`},
		{"{\"default\": {}", `line 1, column 15: unexpected end of JSON input`},
		{"{} {}", `line 1, column 4: unexpected data after the policy`},
		{"[1]", `line 1, column 1: got an array, want an object`},
		{"{\n  \"kinds\": {\"pan\": {\"keep\": 1.5}}\n}", `line 2, column 29: kinds.pan.keep: got a number 1.5, want an integer`},
		{"{\"min_score\": \"high\"}", `line 1, column 15: min_score: got a string, want a number`},
		{"{\"allow\": [\"a1\", 3]}", `line 1, column 18: allow[1]: got a number, want a string`},
		{"{\"min_score\": 1.5}", `line 1, column 15: min_score: 1.5 is outside [0, 1]`},
		{"{\"min_score\": -0.1}", `line 1, column 15: min_score: -0.1 is outside [0, 1]`},
		{"{\"default\": {\"action\": \"hide\"}}", `line 1, column 24: default.action: unknown action "hide" (want mask, label, token or keep)`},
		{"{\"kinds\": {\"pan\": {\"action\": \"Mask\"}}}", `line 1, column 30: kinds.pan.action: unknown action "Mask" (want mask, label, token or keep)`},
		{"{\n  \"kinds\": {\n    \"adhaar\": {\"action\": \"label\"}\n  }\n}", `line 3, column 5: kinds.adhaar: unknown kind "adhaar"`},
		{"{\"kinds\": {\"PAN\": {}}}", `line 1, column 12: kinds.PAN: unknown kind "PAN"`},
		{"{\"default\": {\"keep\": -1}}", `line 1, column 22: default.keep: keep is -1; it must not be negative`},
		{"{\"default\": {\"char\": \"XX\"}}", `line 1, column 22: default.char: char "XX" is not exactly one character`},
		{"{\"default\": {\"char\": \"7\"}}", `line 1, column 22: default.char: char "7" is a digit: masked identifiers would read as numbers`},
		{"{\"default\": {\"char\": \"\\u0967\"}}", `line 1, column 22: default.char: char "१" is a digit: masked identifiers would read as numbers`},
		{"{\"default\": {\"action\": \"label\", \"keep\": 2}}", `line 1, column 41: default.keep: keep is for the mask action, not label`},
		{"{\"default\": {\"label\": \"[X]\"}}", `line 1, column 23: default.label: label is for the label action, not mask`},
		{"{\"default\": {\"action\": \"label\", \"label\": \"ph 9876543210\"}}", `line 1, column 42: default.label: label "ph 9876543210" holds what reads as a mobile`},
		{"{\"default\": {\"action\": \"token\"}}", `line 1, column 24: default.action: the token action needs "key_env", the environment variable that holds the key`},
		{"{\"kinds\": {\"mobile\": {\"action\": \"token\"}}}", `line 1, column 33: kinds.mobile.action: the token action needs "key_env", the environment variable that holds the key`},
		{"{\"allow\": [\"ABCPD1234Z\", \"--\"]}", `line 1, column 26: allow[1]: "--" has no letters or digits`},
		{"{\"custom\": [{\"kind\": \"emp\", \"pattern\": \"E[0-9]+\", \"max_len\": 8}]}", `line 1, column 40: custom[0].pattern: custom detector "emp": `},
		{"{\"custom\": [{\"kind\": \"pan\", \"pattern\": \"E[0-9]{3}\", \"max_len\": 8}]}", `line 1, column 22: custom[0].kind: custom detector "pan": `},
		{"{\"custom\": [{\"kind\": \"emp\", \"pattern\": \"E[0-9]{3}\", \"max_len\": 8, \"timeout\": \"soon\"}]}", `line 1, column 78: custom[0].timeout: "soon" is not a positive duration such as "50ms"`},
		{"{\"kinds\": {\"emp\": {}}, \"custom\": []}", `line 1, column 12: kinds.emp: unknown kind "emp"`},
		{"{\n\t\"default\": {\"action\": \"lab€l\"}}", `line 2, column 24: default.action: unknown action "lab€l" (want mask, label, token or keep)`},
	}
	for _, tt := range tests {
		_, err := ParsePolicy([]byte(tt.data))
		var pe *PolicyError
		if !errors.As(err, &pe) {
			t.Errorf("%s:\n error %v (%T), want a *PolicyError", tt.data, err, err)
			continue
		}
		if got := err.Error(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s:\n got %s\nwant %s", tt.data, got, tt.want)
		}
	}
}

func TestLoadPolicy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "policy.json")
	os.WriteFile(path, []byte("{\n  \"default\": {\n    \"acton\": \"mask\"\n  }\n}\n"), 0o644)
	_, err := LoadPolicy(path)
	if want := path + `:3:5: unknown field "acton"`; err == nil || err.Error() != want {
		t.Fatalf("LoadPolicy: %v, want %s", err, want)
	}
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.File != path || pe.Line != 3 || pe.Column != 5 {
		t.Fatalf("LoadPolicy error %#v", err)
	}
	os.WriteFile(path, []byte(`{"kinds": {"pan": {"action": "label"}}}`), 0o644)
	p, err := LoadPolicy(path)
	if err != nil || p.Kinds[detectors.PAN].Action != ActionLabel {
		t.Fatalf("LoadPolicy: %+v, %v", p, err)
	}
	if _, err := LoadPolicy(filepath.Join(dir, "missing.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
}

func TestNewErrors(t *testing.T) {
	t.Setenv("KAVACH_TEST_SHORT", "short")
	t.Setenv("KAVACH_TEST_EMPTY", "")
	tests := []struct {
		p    Policy
		want string
	}{
		{PseudonymPolicy([]byte("0123456789")), "redact: policy: the token key is 10 bytes long; at least 16 are needed"},
		{PseudonymPolicy(nil), "redact: policy: default.action: the token action needs a key: set Policy.Key or Policy.KeyEnv"},
		{Policy{Default: Rule{Action: ActionToken}, KeyEnv: "KAVACH_TEST_UNSET_VARIABLE"},
			"redact: policy: the token action needs a key, and the environment variable KAVACH_TEST_UNSET_VARIABLE is not set"},
		{Policy{Default: Rule{Action: ActionToken}, KeyEnv: "KAVACH_TEST_EMPTY"},
			"redact: policy: the token action needs a key, and the environment variable KAVACH_TEST_EMPTY is not set"},
		{Policy{Default: Rule{Action: ActionToken}, KeyEnv: "KAVACH_TEST_SHORT"},
			"redact: policy: the token key is 5 bytes long; at least 16 are needed"},
		{Policy{MinScore: new(2.0)}, "redact: policy: min_score: 2 is outside [0, 1]"},
		{Policy{Kinds: map[detectors.Kind]Rule{"ssn": {}}}, `redact: policy: kinds.ssn: unknown kind "ssn"`},
		{Policy{Default: Rule{Action: "redact"}}, `redact: policy: default.action: unknown action "redact" (want mask, label, token or keep)`},
		{Policy{Detectors: detectors.Default, Custom: []detectors.Custom{{Kind: "emp", Pattern: "E[0-9]{3}", MaxLen: 4}}},
			"redact: policy: custom: custom detectors cannot be added to a given detector set"},
	}
	for _, tt := range tests {
		_, err := New(tt.p)
		if err == nil || err.Error() != tt.want {
			t.Errorf("New(%+v):\n got %v\nwant %s", tt.p, err, tt.want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("MustNew did not panic")
		}
	}()
	MustNew(PseudonymPolicy(nil))
}

func TestKeyFromEnvironment(t *testing.T) {
	t.Setenv("KAVACH_TEST_KEY", string(testKey))
	p := Policy{Default: Rule{Action: ActionToken}, KeyEnv: "KAVACH_TEST_KEY"}
	r := MustNew(p)
	t.Setenv("KAVACH_TEST_KEY", "another key, also long enough")
	// The key was read when the policy was compiled.
	if got, want := r.String("mobile 9876543210"), MustNew(PseudonymPolicy(testKey)).String("mobile 9876543210"); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// Policy.Key wins over KeyEnv.
	p.Key = []byte("a third key of enough length")
	if MustNew(p).String("mobile 9876543210") == r.String("mobile 9876543210") {
		t.Fatal("Key did not win over KeyEnv")
	}
}

func TestPresets(t *testing.T) {
	in := "aadhaar 2341 2341 2346 mobile +91 98765 43210 pan ABCPD1234Z"
	tests := []struct {
		p    Policy
		want string
	}{
		{DefaultPolicy(), "aadhaar XXXX XXXX 2346 mobile +91 XXXXX X3210 pan XXXXXX234Z"},
		{Policy{}, "aadhaar XXXX XXXX 2346 mobile +91 XXXXX X3210 pan XXXXXX234Z"},
		{StrictPolicy(), "aadhaar [AADHAAR] mobile +91 [MOBILE] pan [PAN]"},
	}
	for _, tt := range tests {
		if got := MustNew(tt.p).String(in); got != tt.want {
			t.Errorf("%+v:\n got %q\nwant %q", tt.p, got, tt.want)
		}
	}
	if *StrictPolicy().MinScore != 0.3 {
		t.Error("StrictPolicy threshold")
	}
	// The presets are fresh values: changing one does not change the next.
	p := DefaultPolicy()
	p.Default.Action = ActionKeep
	if DefaultPolicy().Default.Action != ActionMask {
		t.Error("DefaultPolicy shares state")
	}
	key := []byte(string(testKey))
	pp := PseudonymPolicy(key)
	key[0] ^= 1
	if string(pp.Key) != string(testKey) {
		t.Error("PseudonymPolicy does not copy the key")
	}
}

// TestPolicyImmutable checks that changing a Policy after New does not change
// the Redactor.
func TestPolicyImmutable(t *testing.T) {
	p := Policy{Kinds: map[detectors.Kind]Rule{detectors.PAN: {Action: ActionLabel}}, Allow: []string{"9876543210"}}
	r := MustNew(p)
	p.Kinds[detectors.PAN] = Rule{Action: ActionKeep}
	p.Allow[0] = "1"
	if got := r.String("PAN ABCPD1234Z mobile 9876543210"); got != "PAN [PAN] mobile 9876543210" {
		t.Fatalf("got %q", got)
	}
}

func FuzzParsePolicy(f *testing.F) {
	f.Add([]byte(`{"min_score":0.5,"default":{"action":"mask","keep":4,"char":"X"},"kinds":{"pan":{"action":"label","label":"[PAN]"}},"allow":["ABCPD1234Z"],"key_env":"KAVACH_TOKEN_KEY"}`))
	f.Add([]byte("{\n  \"default\": {\n    \"acton\": \"mask\"\n  }\n}"))
	f.Add([]byte(`{"kinds":{"pan":{"keep":1.5}}}`))
	f.Add([]byte(`{"custom":[{"kind":"emp","pattern":"E[0-9]{3}","max_len":4}],"kinds":{"emp":{"action":"label"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePolicy(data)
		if err != nil {
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is a %T, not a *PolicyError", err, err)
			}
			if pe.Line < 1 || pe.Column < 1 || pe.Line > 1+strings.Count(string(data), "\n") {
				t.Fatalf("bad position in %v", err)
			}
			return
		}
		// A parsed policy compiles, unless its key is missing.
		if _, err := New(p); err != nil && !strings.Contains(err.Error(), "key") {
			t.Fatalf("ParsePolicy accepted a policy New refuses: %v", err)
		}
	})
}

// TestMaskLen checks that maskLen gives the length appendMask writes, for
// ASCII spans (masked in place), spans of other scripts and percent escapes,
// and mask characters of one and of several bytes.
func TestMaskLen(t *testing.T) {
	spans := []string{"9876543210", "+91 98765 43210", "ABCPD1234Z", "२३४१ २३४१ २३४६", "９８７６５４３２１０",
		"98765%2043210", "2341\u200b2341\u200b2346", "", "-- --"}
	for _, span := range spans {
		for _, char := range []string{"X", "*", "•", "██"} {
			for keep := 0; keep < 5; keep++ {
				want := len(appendMask(nil, []byte(span), keep, char))
				if got := maskLen([]byte(span), keep, len(char)); got != want {
					t.Errorf("maskLen(%q, %d, %d) = %d, appendMask writes %d bytes", span, keep, len(char), got, want)
				}
			}
		}
	}
}

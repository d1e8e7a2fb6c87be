package detectors

import (
	"encoding/json"
	"os"
	"testing"
)

type vector struct {
	Value  json.RawMessage `json:"value"`
	Input  string          `json:"input"`
	Check  string          `json:"check_digit"`
	Reason string          `json:"reason"`
}

func (v vector) str(t *testing.T) string {
	var s string
	if err := json.Unmarshal(v.Value, &s); err == nil {
		return s
	}
	var lines []string
	if err := json.Unmarshal(v.Value, &lines); err != nil {
		t.Fatalf("vector value %s", v.Value)
	}
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += "\n"
		}
		out += l
	}
	return out
}

// vectorsDiffer lists the published vectors where kavach deliberately decides
// otherwise, with the reason.
var vectorsDiffer = map[string]string{
	"WKH1186263": "the Luhn check on EPIC digits comes only from python-stdnum, not from the Election Commission; kavach uses it to raise confidence, never to reject",
	"a1234567":   "kavach matches passport numbers case-insensitively, as Presidio does; a lower-case letter lowers the base score",
	"7513200000": "a landline in national form starting with 7 cannot be told from a mobile without the operator's number ranges; kavach flags it (failing closed)",
}

// TestSpecVectors runs every valid and invalid vector of testdata/vectors.json
// (a copy of the project's spec vectors, sources inside) for the six kinds.
func TestSpecVectors(t *testing.T) {
	data, err := os.ReadFile("../testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	list := func(section, field string) []vector {
		var vs []vector
		if raw, ok := all[section][field]; ok {
			if err := json.Unmarshal(raw, &vs); err != nil {
				t.Fatalf("%s.%s: %v", section, field, err)
			}
		}
		if len(vs) == 0 && field != "invalid_as_mobile" {
			t.Fatalf("%s.%s: no vectors", section, field)
		}
		return vs
	}
	// found reports the findings of kind k (any score) covering value in text.
	found := func(k Kind, text, value string) []Finding {
		var out []Finding
		for _, f := range Default.FindString(nil, text) {
			if f.Kind == k {
				out = append(out, f)
			}
		}
		return out
	}
	expect := func(k Kind, label, value string, want bool) {
		t.Helper()
		text := label + value + " ok"
		fs := found(k, text, value)
		got := len(fs) == 1 && fs[0].Start >= len(label) && fs[0].End <= len(label)+len(value) && fs[0].Score >= DefaultThreshold
		if reason, ok := vectorsDiffer[value]; ok {
			want = !want
			t.Logf("%s %q: deliberately %v: %s", k, value, want, reason)
		}
		if want && !got {
			t.Errorf("%s %q in %q: want one finding above threshold, got %v", k, value, text, fs)
		}
		if !want && len(fs) > 0 && fs[0].Score >= DefaultThreshold {
			t.Errorf("%s %q in %q: want none, got %v", k, value, text, fs)
		}
	}
	for _, v := range list("aadhaar", "valid") {
		expect(Aadhaar, "Aadhaar: ", v.str(t), true)
	}
	for _, v := range list("aadhaar", "invalid") {
		expect(Aadhaar, "Aadhaar: ", v.str(t), false)
	}
	for _, v := range list("aadhaar_vid", "valid") {
		expect(AadhaarVID, "VID: ", v.str(t), true)
	}
	for _, v := range list("aadhaar_vid", "invalid") {
		expect(AadhaarVID, "VID: ", v.str(t), false)
	}
	for _, v := range list("pan", "valid") {
		expect(PAN, "PAN: ", v.str(t), true)
	}
	for _, v := range list("pan", "invalid") {
		expect(PAN, "PAN: ", v.str(t), false)
	}
	for _, v := range list("epic_voter_id", "valid") {
		expect(VoterID, "EPIC no. ", v.str(t), true)
	}
	for _, v := range list("epic_voter_id", "format_only") {
		expect(VoterID, "EPIC no. ", v.str(t), true)
	}
	for _, v := range list("epic_voter_id", "invalid") {
		expect(VoterID, "EPIC no. ", v.str(t), false)
	}
	for _, v := range list("passport_in", "format_valid") {
		expect(Passport, "Passport No: ", v.str(t), true)
	}
	for _, v := range list("passport_in", "invalid") {
		expect(Passport, "Passport No: ", v.str(t), false)
	}
	for _, v := range list("phone_in", "mobile") {
		expect(Mobile, "mobile ", v.str(t), true)
	}
	for _, v := range list("phone_in", "landline") {
		expect(Mobile, "tel ", v.str(t), false)
	}
	for _, v := range list("phone_in", "do_not_flag") {
		expect(Mobile, "call ", v.str(t), false)
	}
	// Already-masked forms are not findings.
	for _, sec := range []string{"aadhaar", "pan"} {
		for _, v := range list(sec, "masked_display_examples") {
			if fs := Default.FindString(nil, "id "+v.str(t)); len(fs) != 0 {
				t.Errorf("masked %q: got %v", v.str(t), fs)
			}
		}
	}
	// MRZ.
	for _, v := range list("mrz_td3", "valid") {
		text := v.str(t) + "\n"
		fs := Default.FindString(nil, text)
		if len(fs) != 1 || fs[0].Kind != Passport || fs[0].Score != 1 || fs[0].Start != 0 || fs[0].End != len(text)-1 {
			t.Errorf("MRZ %q: got %v", text, fs)
		}
	}
	for _, v := range list("mrz_td3", "invalid") {
		if fs := Default.FindString(nil, v.str(t)+"\n"); len(fs) != 0 {
			t.Errorf("invalid MRZ (%s): got %v", v.Reason, fs)
		}
	}
	for _, v := range list("mrz_td3", "check_digit") {
		if got := mrzCheck([]byte(v.Input)); string(got) != v.Check {
			t.Errorf("MRZ check digit of %q: got %c, want %s", v.Input, got, v.Check)
		}
	}
	// Verhoeff.
	for _, v := range list("verhoeff", "check_digit") {
		if got := VerhoeffDigit([]byte(v.Input)); string(got) != v.Check {
			t.Errorf("Verhoeff check digit of %q: got %c, want %s", v.Input, got, v.Check)
		}
	}
	for _, v := range list("verhoeff", "valid") {
		if !Verhoeff([]byte(v.str(t))) {
			t.Errorf("Verhoeff(%q) = false", v.str(t))
		}
	}
	for _, v := range list("verhoeff", "invalid") {
		if Verhoeff([]byte(v.str(t))) {
			t.Errorf("Verhoeff(%q) = true", v.str(t))
		}
	}
}

package fake

import "testing"

// Verhoeff vectors, copied from specs/vectors.json "verhoeff". Sources as
// named there: rosettacode.org/wiki/Verhoeff_algorithm (236, 12345,
// 123456789012 and the "check digit 9" cases), arthurdejong/python-stdnum
// tests/test_verhoeff.doctest and stdnum/verhoeff.py (654, 1428570, the long
// number, 1234), programmingalgorithms.com (58564), Perl
// Algorithm::CheckDigits MXX_006 (1456789), Wikipedia's worked example
// (1428570).
var verhoeffCheckVectors = []struct{ payload, check string }{
	{"236", "3"},
	{"12345", "1"},
	{"123456789012", "0"},
	{"654", "8"},
	{"1428570", "8"},
	{"398438246238642378648236487236482734", "7"},
	{"1234", "0"},
	{"58564", "9"},
	{"1456789", "4"},
}

var verhoeffValid = []string{
	"2363", "123451", "1234567890120", "1428570", "6548", "12340", "585649", "14567894",
	"3984382462386423786482364872364827347",
}

var verhoeffInvalid = []string{
	"123459", "1234567890129", "2369", "654", "1234", "398438246238642378648236487236482734",
}

func TestVerhoeffVectors(t *testing.T) {
	for _, v := range verhoeffCheckVectors {
		if got := VerhoeffCheck(v.payload); string(got) != v.check {
			t.Errorf("VerhoeffCheck(%s) = %c, want %s", v.payload, got, v.check)
		}
		if !Verhoeff(v.payload + v.check) {
			t.Errorf("Verhoeff(%s%s) = false, want true", v.payload, v.check)
		}
	}
	for _, s := range verhoeffValid {
		if !Verhoeff(s) {
			t.Errorf("Verhoeff(%s) = false, want true", s)
		}
	}
	for _, s := range verhoeffInvalid {
		if Verhoeff(s) {
			t.Errorf("Verhoeff(%s) = true, want false", s)
		}
	}
	for _, s := range []string{"", "12a4", "1234 5"} {
		if Verhoeff(s) {
			t.Errorf("Verhoeff(%q) = true, want false", s)
		}
	}
}

// Aadhaar and VID vectors, copied from specs/vectors.json "aadhaar" and
// "aadhaar_vid": python-stdnum stdnum/in_/aadhaar.py and vid.py, presidio
// tests/test_in_aadhaar_recognizer.py, the UIDAI sandbox numbers, and the
// bitbns.freshdesk.com RRN examples (which are not Aadhaar numbers).
func TestAadhaarVectors(t *testing.T) {
	for _, s := range []string{"234123412346", "312345678909", "399876543211", "400123456787", "999941057058", "999971658847"} {
		if !validAadhaar(s) {
			t.Errorf("%s: not a valid Aadhaar number, want valid", s)
		}
	}
	for _, s := range []string{"234123412347", "643343121", "123412341234", "222222222222", "123456789012", "100598757598", "100412324589"} {
		if validAadhaar(s) {
			t.Errorf("%s: valid Aadhaar number, want invalid", s)
		}
	}
	if !Verhoeff("100598757598") {
		t.Error("RRN 100598757598 is Verhoeff-valid (vectors.json), Verhoeff says no")
	}
	if !validVID("2341234123412341") {
		t.Error("VID 2341234123412341 (stdnum) not valid")
	}
	for _, s := range []string{"2341234123412342", "1341234123412341", "13412341234123", "2222222222222222"} {
		if validVID(s) {
			t.Errorf("VID %s valid, want invalid", s)
		}
	}
}

// EPIC Luhn vectors from specs/vectors.json "epic_voter_id" (python-stdnum
// stdnum/in_/epic.py): WKH1186253 passes Luhn over its digits, WKH1186263 does
// not. Presidio's format-only EPICs (KSD1287349, DBJ2289013) fail it.
func TestLuhnVectors(t *testing.T) {
	if !Luhn("1186253") {
		t.Error("Luhn(1186253) = false, want true (EPIC WKH1186253)")
	}
	if got := LuhnCheck("118625"); got != '3' {
		t.Errorf("LuhnCheck(118625) = %c, want 3", got)
	}
	for _, s := range []string{"1186263", "1287349", "2289013", ""} {
		if Luhn(s) {
			t.Errorf("Luhn(%q) = true, want false", s)
		}
	}
	// The usual card test number, as a plain Luhn sanity check.
	if !Luhn("4111111111111111") || LuhnCheck("411111111111111") != '1' {
		t.Error("Luhn of 4111111111111111 wrong")
	}
}

// MRZ vectors from specs/vectors.json "mrz_td3": the ICAO Doc 9303 TD3
// specimen (Utopia) and its check digits, and ciphers.planetcalc.com/9535
// (123456BB -> 5). A1234567< -> 6 is the synthetic example computed in
// specs/identifiers.md §4.
func TestMRZVectors(t *testing.T) {
	for _, v := range []struct{ in, check string }{
		{"L898902C3", "6"}, {"740812", "2"}, {"120415", "9"}, {"ZE184226B<<<<<", "1"}, {"123456BB", "5"}, {"A1234567<", "6"},
	} {
		if got := MRZCheck(v.in); string(got) != v.check {
			t.Errorf("MRZCheck(%s) = %c, want %s", v.in, got, v.check)
		}
	}
	specimen := TD3{
		Code: "P", State: "UTO", Surname: "ERIKSSON", Given: "ANNA MARIA", Number: "L898902C3",
		Nationality: "UTO", Birth: "740812", Sex: 'F', Expiry: "120415", Optional: "ZE184226B",
	}
	l1, l2 := specimen.Lines()
	if want := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"; l1 != want {
		t.Errorf("specimen line 1 = %s, want %s", l1, want)
	}
	if want := "L898902C36UTO7408122F1204159ZE184226B<<<<<10"; l2 != want {
		t.Errorf("specimen line 2 = %s, want %s", l2, want)
	}
	if err := checkMRZ(l1, l2); err != nil {
		t.Errorf("specimen: %v", err)
	}
	// The published invalid variant: document check digit changed 6 -> 9.
	if checkMRZ(l1, "L898902C39UTO7408122F1204159ZE184226B<<<<<10") == nil {
		t.Error("specimen with a wrong document check digit passes")
	}
}

func TestChecksumPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"VerhoeffCheck": func() { VerhoeffCheck("12a") },
		"LuhnCheck":     func() { LuhnCheck("1 2") },
		"MRZCheck":      func() { MRZCheck("abc") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s of a bad string did not panic", name)
				}
			}()
			f()
		}()
	}
}

package fake

import (
	"fmt"
	"regexp"
	"strings"
)

// Independent validators for the tests: they check the rules of
// specs/identifiers.md on normalised text, without the generators' code.

var (
	panRe      = regexp.MustCompile(`^[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]$`)
	passportRe = regexp.MustCompile(`^[A-Z][1-9][0-9]{6}$`)
	voterRe    = regexp.MustCompile(`^[A-Z]{3}[0-9]{7}$`)
	mobileRe   = regexp.MustCompile(`^[6-9][0-9]{9}$`)
	aadhaarRe  = regexp.MustCompile(`^[2-9][0-9]{11}$`)
	vidRe      = regexp.MustCompile(`^[2-9][0-9]{15}$`)
)

func validAadhaar(s string) bool { return aadhaarRe.MatchString(s) && Verhoeff(s) && !palindrome(s) }
func validVID(s string) bool     { return vidRe.MatchString(s) && Verhoeff(s) && !palindrome(s) }
func validPAN(s string) bool     { return panRe.MatchString(s) && s[5:9] != "0000" }

// checkMRZ checks a TD3 zone of an Indian passport: both lines 44 characters
// of A-Z 0-9 <, all five check digits, and a passport number in the number
// field.
func checkMRZ(l1, l2 string) error {
	mrzChars := regexp.MustCompile(`^[A-Z0-9<]{44}$`)
	if !mrzChars.MatchString(l1) || !mrzChars.MatchString(l2) {
		return fmt.Errorf("MRZ lines not 44 characters of A-Z 0-9 <: %q %q", l1, l2)
	}
	if l1[0] != 'P' {
		return fmt.Errorf("MRZ line 1 does not start with P: %q", l1)
	}
	checks := []struct {
		name  string
		field string
		at    int
	}{
		{"number", l2[0:9], 9},
		{"birth", l2[13:19], 19},
		{"expiry", l2[21:27], 27},
		{"optional", l2[28:42], 42},
		{"composite", l2[0:10] + l2[13:20] + l2[21:43], 43},
	}
	for _, c := range checks {
		got := l2[c.at]
		if got == '<' && c.name == "optional" && c.field == strings.Repeat("<", 14) {
			continue
		}
		if want := MRZCheck(c.field); got != want {
			return fmt.Errorf("MRZ %s check digit %c, want %c", c.name, got, want)
		}
	}
	return nil
}

// checkIdentifier reports whether raw, the text of a truth span, is a valid
// identifier of kind once normalised.
func checkIdentifier(kind, raw string) error {
	n := Normalize(raw)
	ok := false
	switch kind {
	case KindAadhaar:
		ok = validAadhaar(n)
	case KindVID:
		ok = validVID(n)
	case KindPAN:
		ok = validPAN(n) && (raw == strings.ToUpper(raw) || raw == strings.ToLower(raw))
	case KindVoterID:
		ok = voterRe.MatchString(n)
	case KindMobile:
		ok = mobileRe.MatchString(n)
	case KindPassport:
		if lines := strings.Split(raw, "\n"); len(lines) == 2 {
			if err := checkMRZ(lines[0], lines[1]); err != nil {
				return err
			}
			if !passportRe.MatchString(lines[1][:8]) || lines[1][8] != '<' || lines[1][10:13] != "IND" {
				return fmt.Errorf("MRZ does not hold an Indian passport number: %q", lines[1])
			}
			return nil
		}
		ok = passportRe.MatchString(n)
	default:
		return fmt.Errorf("unknown kind %q", kind)
	}
	if !ok {
		return fmt.Errorf("%q (normalised %q) is not a valid %s", raw, n, kind)
	}
	return nil
}

package fake

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAadhaarForms(t *testing.T) {
	// Printed form from python-stdnum stdnum/in_/aadhaar.py format() (specs/vectors.json).
	if got := AadhaarForm("234123412346", " "); got != "2341 2341 2346" {
		t.Errorf("AadhaarForm(space) = %q", got)
	}
	// Presidio's separators, tests/test_in_aadhaar_recognizer.py (specs/vectors.json).
	for sep, want := range map[string]string{"-": "3123-4567-8909", ":": "3123:4567:8909", "": "312345678909", NBSP: "3123\u00a04567\u00a08909", ".": "3123.4567.8909"} {
		if got := AadhaarForm("312345678909", sep); got != want {
			t.Errorf("AadhaarForm(%q) = %q, want %q", sep, got, want)
		}
	}
	if got := VIDForm("2341234123412341", " "); got != "2341 2341 2341 2341" {
		t.Errorf("VIDForm = %q", got)
	}
	if got := PANForm("AAPPV8261K", true); got != "aappv8261k" {
		t.Errorf("PANForm lower = %q", got)
	}
}

func TestMobileStyles(t *testing.T) {
	m := "9876543210"
	for _, c := range []struct {
		s         MobileStyle
		pre, want string
	}{
		{MobileStyle{"+91 ", []int{5, 5}, " "}, "+91 ", "98765 43210"},
		{MobileStyle{"0", []int{5, 5}, " "}, "0", "98765 43210"},
		{MobileStyle{"(+91) ", []int{10}, " "}, "(+91) ", "9876543210"},
		{MobileStyle{"", []int{3, 3, 4}, "-"}, "", "987-654-3210"},
		{MobileStyle{"0091 ", []int{4, 3, 3}, "."}, "0091 ", "9876.543.210"},
		{MobileStyle{"91", nil, ""}, "91", "9876543210"},
	} {
		pre, got := c.s.Format(m)
		if pre != c.pre || got != c.want {
			t.Errorf("%+v: Format = %q %q, want %q %q", c.s, pre, got, c.pre, c.want)
		}
		if Normalize(got) != m {
			t.Errorf("Normalize(%q) = %q", got, Normalize(got))
		}
	}
	r := newRand(5)
	for range draws {
		s := RandomMobileStyle(r)
		pre, num := s.Format(m)
		if Normalize(num) != m {
			t.Fatalf("%+v: %q does not normalise to %s", s, num, m)
		}
		if strings.ContainsAny(pre, "0123456789") && !strings.HasSuffix(pre, " ") && !strings.HasSuffix(pre, "-") && !strings.HasSuffix(pre, ")") && len(s.Groups) > 2 {
			t.Fatalf("glued prefix %q with grouping %v", pre, s.Groups)
		}
	}
}

func TestTransliterate(t *testing.T) {
	for _, sc := range Scripts {
		s := Transliterate("+91 98765 43210", sc)
		if strings.ContainsAny(s, "0123456789") {
			t.Errorf("%s: ASCII digits left in %q", sc.Name, s)
		}
		if got := Normalize(s); got != "+919876543210" {
			t.Errorf("%s: Normalize(%q) = %q", sc.Name, s, got)
		}
		for d := rune(0); d < 10; d++ {
			if DigitValue(sc.Zero+d) != int(d) {
				t.Errorf("%s: DigitValue(%U) = %d", sc.Name, sc.Zero+d, DigitValue(sc.Zero+d))
			}
		}
		if ScriptByName(sc.Name) != sc {
			t.Errorf("ScriptByName(%s) = %v", sc.Name, ScriptByName(sc.Name))
		}
	}
	if got := Transliterate("२३४५", ScriptByName("Devanagari")); got != "२३४५" {
		t.Errorf("non-ASCII digits changed: %q", got)
	}
	if got := Transliterate("१2", ScriptByName("Tamil")); got != "१௨" {
		t.Errorf("Transliterate = %q", got)
	}
	if DigitValue('x') != -1 || DigitValue('\u0970') != -1 {
		t.Error("DigitValue of a non-digit")
	}
}

func TestInsertZeroWidth(t *testing.T) {
	r := newRand(6)
	seen := map[rune]bool{}
	for range draws {
		in := "2341 2341 2346"
		out := InsertZeroWidth(r, in, 2)
		if utf8.RuneCountInString(out) != utf8.RuneCountInString(in)+2 {
			t.Fatalf("InsertZeroWidth(%q) = %q", in, out)
		}
		first, _ := utf8.DecodeRuneInString(out)
		last, _ := utf8.DecodeLastRuneInString(out)
		if first != '2' || last != '6' {
			t.Fatalf("zero-width char at an end: %q", out)
		}
		if Normalize(out) != "234123412346" {
			t.Fatalf("Normalize(%q) = %q", out, Normalize(out))
		}
		for _, c := range out {
			if isZeroWidth(c) {
				seen[c] = true
			}
		}
		if strings.Contains(out, " \u200b") || strings.Contains(out, "\u200b ") {
			t.Fatalf("zero-width char next to a space: %q", out)
		}
	}
	if len(seen) != len(ZeroWidth) {
		t.Errorf("only %d of %d zero-width characters used", len(seen), len(ZeroWidth))
	}
	if got := InsertZeroWidth(r, "-", 1); got != "-" {
		t.Errorf("InsertZeroWidth with no place = %q", got)
	}
}

func TestGroupPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Group with short sizes did not panic")
		}
	}()
	Group("12345", []int{2, 2}, " ")
}

package fake

import (
	"math/rand/v2"
	"strings"
)

// The identifier kinds, named as in the kavach contract.
const (
	KindAadhaar  = "aadhaar"
	KindVID      = "aadhaar_vid"
	KindPAN      = "pan"
	KindPassport = "passport"
	KindVoterID  = "voter_id"
	KindMobile   = "mobile"
)

// digits returns n random ASCII digits.
func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// letters returns n random upper-case ASCII letters.
func letters(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('A' + r.IntN(26))
	}
	return string(b)
}

// oneOf returns a random element of xs.
func oneOf[T any](r *rand.Rand, xs ...T) T {
	return xs[r.IntN(len(xs))]
}

func palindrome(s string) bool {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		if s[i] != s[j] {
			return false
		}
	}
	return true
}

// verhoeffNumber returns a Verhoeff-valid number of n digits whose first
// digit is 2-9 and which is not a palindrome.
func verhoeffNumber(r *rand.Rand, n int) string {
	for {
		p := string(rune('2'+r.IntN(8))) + digits(r, n-2)
		s := p + string(VerhoeffCheck(p))
		if !palindrome(s) {
			return s
		}
	}
}

// Aadhaar returns a fake Aadhaar number: 12 ASCII digits, the first 2-9, the
// last a Verhoeff check digit, not a palindrome.
func Aadhaar(r *rand.Rand) string { return verhoeffNumber(r, 12) }

// VID returns a fake Aadhaar Virtual ID: 16 ASCII digits, the first 2-9, the
// last a Verhoeff check digit, not a palindrome.
func VID(r *rand.Rand) string { return verhoeffNumber(r, 16) }

// PANHolderTypes are the PAN holder-type letters (4th character) issued by the
// Income Tax Department: Association of persons, Body of individuals, Company,
// Firm, Government, HUF, artificial Juridical person, Local authority,
// Person, Trust.
const PANHolderTypes = "ABCFGHJLPT"

// PAN returns a fake Permanent Account Number in upper case: three letters,
// a holder type from [PANHolderTypes] (mostly P, individuals), a letter, four
// digits other than 0000 and a letter.
func PAN(r *rand.Rand) string {
	t := byte('P')
	if r.IntN(5) == 0 {
		t = PANHolderTypes[r.IntN(len(PANHolderTypes))]
	}
	serial := digits(r, 4)
	for serial == "0000" {
		serial = digits(r, 4)
	}
	return letters(r, 3) + string(t) + letters(r, 1) + serial + letters(r, 1)
}

// Passport returns a fake Indian passport number: an upper-case letter and
// seven digits, the first of them 1-9.
func Passport(r *rand.Rand) string {
	return letters(r, 1) + string(rune('1'+r.IntN(9))) + digits(r, 6)
}

// VoterID returns a fake EPIC (voter ID) number: three upper-case letters and
// seven digits. Half of them (chosen at random) pass the Luhn check over the
// seven digits and the other half fail it, since the checksum is not known to
// be used by the Election Commission.
func VoterID(r *rand.Rand) string {
	p := digits(r, 6)
	c := LuhnCheck(p)
	if r.IntN(2) == 1 {
		c = byte('0' + (int(c-'0')+1+r.IntN(9))%10)
	}
	return letters(r, 3) + p + string(c)
}

// Mobile returns a fake Indian mobile number: 10 ASCII digits starting 6-9,
// with leading digits weighted roughly as issued (9 most often).
func Mobile(r *rand.Rand) string {
	first := oneOf(r, "9", "9", "9", "9", "8", "8", "8", "7", "7", "6")
	return first + digits(r, 9)
}

// TD3 holds the fields of the machine-readable zone of a passport booklet
// (ICAO Doc 9303 part 4, TD3 size). Text fields hold only A-Z, 0-9, spaces
// (written as '<') and '<'.
type TD3 struct {
	Code        string // document code, "P" or "P" with a type letter; padded with '<'
	State       string // issuing state, e.g. "IND"
	Surname     string // primary identifier
	Given       string // secondary identifier; spaces become '<'
	Number      string // document number, up to 9 characters
	Nationality string // e.g. "IND"
	Birth       string // date of birth, YYMMDD
	Sex         byte   // 'M', 'F' or '<'
	Expiry      string // date of expiry, YYMMDD
	Optional    string // personal number or other optional data, up to 14 characters
}

func pad(s string, n int) string {
	s = strings.ReplaceAll(s, " ", "<")
	if len(s) >= n {
		return s[:n]
	}
	return s + strings.Repeat("<", n-len(s))
}

// Lines returns the two 44-character lines of the zone, with all five check
// digits computed by [MRZCheck]. An unused optional field gets the check
// digit '0'.
func (t TD3) Lines() (line1, line2 string) {
	line1 = pad(pad(t.Code, 2)+t.State+t.Surname+"<<"+t.Given, 44)
	num := pad(t.Number, 9)
	opt := pad(t.Optional, 14)
	var b strings.Builder
	b.WriteString(num)
	b.WriteByte(MRZCheck(num))
	b.WriteString(t.Nationality)
	b.WriteString(t.Birth)
	b.WriteByte(MRZCheck(t.Birth))
	b.WriteByte(t.Sex)
	b.WriteString(t.Expiry)
	b.WriteByte(MRZCheck(t.Expiry))
	b.WriteString(opt)
	b.WriteByte(MRZCheck(opt))
	s := b.String()
	composite := s[0:10] + s[13:20] + s[21:43]
	b.WriteByte(MRZCheck(composite))
	return line1, b.String()
}

// PassportMRZ returns the TD3 zone of a fake Indian passport: a random
// holder, a number from [Passport], born 1950-2005, expiring 2025-2034.
func PassportMRZ(r *rand.Rand) TD3 {
	female := r.IntN(2) == 0
	given := oneOf(r, maleNames...)
	if female {
		given = oneOf(r, femaleNames...)
	}
	return IndianTD3(oneOf(r, surnames...), given, Passport(r), female, yymmdd(r, 1950, 2005), yymmdd(r, 2025, 2034))
}

// IndianTD3 returns the TD3 zone of an Indian passport with the given holder,
// number, sex, birth and expiry dates (YYMMDD). Names are upper-cased.
func IndianTD3(surname, given, number string, female bool, birth, expiry string) TD3 {
	sex := byte('M')
	if female {
		sex = 'F'
	}
	return TD3{
		Code:        "P",
		State:       "IND",
		Surname:     strings.ToUpper(surname),
		Given:       strings.ToUpper(given),
		Number:      number,
		Nationality: "IND",
		Birth:       birth,
		Sex:         sex,
		Expiry:      expiry,
	}
}

// yymmdd returns a random date between the years lo and hi inclusive.
func yymmdd(r *rand.Rand, lo, hi int) string {
	y := lo + r.IntN(hi-lo+1)
	m := 1 + r.IntN(12)
	d := 1 + r.IntN(28)
	return pad2(y%100) + pad2(m) + pad2(d)
}

func pad2(n int) string {
	return string([]byte{byte('0' + n/10%10), byte('0' + n%10)})
}

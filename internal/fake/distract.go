package fake

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Distractors: numbers and codes that appear next to identifiers in Indian
// logs and exports and look like them, but are not personal identifiers.

// RRN returns a 12-digit UPI/IMPS retrieval reference number (RRN/UTR). Its
// first digit is the last digit of a year from 2022 to 2026, as in real RRNs,
// and the rest is random, so about one in ten is Verhoeff-valid and has
// exactly the shape of an Aadhaar number.
func RRN(r *rand.Rand) string {
	return string(rune('2'+r.IntN(5))) + digits(r, 11)
}

// HardRRN returns an RRN (see [RRN]) that is Verhoeff-valid and so passes every
// check an Aadhaar number passes: only its context tells it apart.
func HardRRN(r *rand.Rand) string {
	for {
		p := string(rune('2'+r.IntN(5))) + digits(r, 10)
		s := p + string(VerhoeffCheck(p))
		if !palindrome(s) {
			return s
		}
	}
}

// SafeRRN returns a 12-digit reference number that cannot be an Aadhaar
// number: it fails the Verhoeff check, or starts with 0 or 1 (RRNs of 2020
// and 2021).
func SafeRRN(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return string(rune('0'+r.IntN(2))) + digits(r, 11)
	}
	for {
		s := string(rune('3'+r.IntN(3))) + digits(r, 11)
		if !Verhoeff(s) {
			return s
		}
	}
}

// OrderID returns a marketplace order id in one of several common shapes.
func OrderID(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return "OD" + digits(r, 18)
	case 1:
		return fmt.Sprintf("%d-%s-%s", 401+r.IntN(8), digits(r, 7), digits(r, 7))
	case 2:
		return "ORD-" + fmt.Sprint(2023+r.IntN(3)) + "-" + digits(r, 6)
	default:
		return "SO" + digits(r, 8)
	}
}

// InvoiceID returns a GST-style invoice number such as INV/2024-25/004512.
func InvoiceID(r *rand.Rand) string {
	y := 2022 + r.IntN(4)
	return fmt.Sprintf("%s/%d-%02d/%s", oneOf(r, "INV", "GST", "TI", "BLR"), y, (y+1)%100, digits(r, 6))
}

// CardNumber returns a 16-digit payment card number that passes the Luhn
// check (and, to stay unambiguous, fails the Verhoeff check).
func CardNumber(r *rand.Rand) string {
	for {
		p := oneOf(r, "4", "5", "6") + digits(r, 14)
		s := p + string(LuhnCheck(p))
		if !Verhoeff(s) {
			return s
		}
	}
}

// IMEI returns a 15-digit Luhn-valid device IMEI.
func IMEI(r *rand.Rand) string {
	p := oneOf(r, "35", "86", "99") + digits(r, 12)
	return p + string(LuhnCheck(p))
}

// UnixTime returns a 10-digit Unix timestamp in 2023-2025.
func UnixTime(r *rand.Rand) string {
	return fmt.Sprint(1672531200 + r.IntN(3*365*86400))
}

// TollFree returns an Indian toll-free number, 1800 and six or seven digits,
// grouped as people write them.
func TollFree(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return "1800-" + digits(r, 3) + "-" + digits(r, 3)
	}
	return "1800" + oneOf(r, " ", "-", "") + digits(r, 3) + oneOf(r, " ", "-", "") + digits(r, 4)
}

// Landline returns an Indian landline number with its STD code and trunk 0,
// such as 011-2345 6789 or 0755-2551234.
func Landline(r *rand.Rand) string {
	sub := string(rune('2'+r.IntN(5))) + digits(r, 7)
	switch r.IntN(4) {
	case 0:
		return "011-" + sub[:4] + " " + sub[4:]
	case 1:
		return oneOf(r, "022", "033", "044", "080", "020", "040") + "-" + sub
	case 2:
		return "(0" + oneOf(r, "11", "22", "80") + ") " + sub[:4] + "-" + sub[4:]
	default:
		return "0" + oneOf(r, "755", "141", "512", "484", "361", "832") + "-" + sub[:1] + sub[2:]
	}
}

const hexDigits = "0123456789abcdef"

// Hex returns n random lower-case hex digits, as in digests and trace ids.
func Hex(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = hexDigits[r.IntN(16)]
	}
	return string(b)
}

// UUID returns a random version 4 UUID in lower case. None of its groups is
// all digits or a letter and seven digits, so no group has the shape of an
// identifier.
func UUID(r *rand.Rand) string {
	for {
		s := Hex(r, 8) + "-" + Hex(r, 4) + "-4" + Hex(r, 3) + "-" + string(hexDigits[8+r.IntN(4)]) + Hex(r, 3) + "-" + Hex(r, 12)
		if !idShaped(s) {
			return s
		}
	}
}

// idShaped reports whether a token of s (split at anything but ASCII letters
// and digits) has the shape of a passport, voter ID, PAN or a 10-16 digit
// number.
func idShaped(s string) bool {
	for _, t := range strings.FieldsFunc(s, func(c rune) bool { return !(c < 128 && isAlnum(c)) }) {
		t = strings.ToUpper(t)
		switch {
		case allDigits(t) && len(t) >= 8:
			return true
		case len(t) == 8 && isLetter(t[0]) && allDigits(t[1:]):
			return true
		case len(t) == 10 && allLetters(t[:3]) && allDigits(t[3:]):
			return true
		case len(t) == 10 && allLetters(t[:5]) && allDigits(t[5:9]) && isLetter(t[9]):
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return s != ""
}

// IPv4 returns a dotted-quad address from a private or documentation range.
func IPv4(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("10.%d.%d.%d", r.IntN(256), r.IntN(256), 1+r.IntN(254))
	case 1:
		return fmt.Sprintf("192.168.%d.%d", r.IntN(256), 1+r.IntN(254))
	case 2:
		return fmt.Sprintf("172.%d.%d.%d", 16+r.IntN(16), r.IntN(256), 1+r.IntN(254))
	default:
		return fmt.Sprintf("%s.%d", oneOf(r, "203.0.113", "198.51.100", "49.36.121", "106.51.72", "157.48.33"), 1+r.IntN(254))
	}
}

// SKUWords are the words that precede a product or build code shaped like a
// PAN.
var SKUWords = []string{"sku", "SKU", "sku_id=", "build", "Build", "version", "model", "part no.", "item_code="}

// SKU returns a product, part or build code shaped like a PAN (five letters,
// four digits, a letter). About half have a PAN holder-type letter in 4th
// place, so only the word before them tells them apart.
func SKU(r *rand.Rand) string {
	var fourth string
	if r.IntN(2) == 0 {
		fourth = string(PANHolderTypes[r.IntN(len(PANHolderTypes))])
	} else {
		fourth = oneOf(r, "D", "E", "K", "M", "N", "R", "S", "X")
	}
	return oneOf(r, "KRT", "SHO", "RLX", "BTN", "ZEN", "MRK", "ANR", "VXL") + fourth + letters(r, 1) + digits(r, 4) + letters(r, 1)
}

// MaskedAadhaar returns an Aadhaar number already masked UIDAI-style, such as
// XXXX XXXX 1234 or xxxx-xxxx-1234.
func MaskedAadhaar(r *rand.Rand) string {
	last := digits(r, 4)
	switch r.IntN(4) {
	case 0:
		return "xxxx-xxxx-" + last
	case 1:
		return "XXXXXXXX" + last
	case 2:
		return "XXXX-XXXX-" + last
	default:
		return "XXXX XXXX " + last
	}
}

// MaskedMobile returns a mobile number already masked, such as
// +91 XXXXX X3210 or 98XXXXXX10.
func MaskedMobile(r *rand.Rand) string {
	m := Mobile(r)
	switch r.IntN(3) {
	case 0:
		return "+91 XXXXX X" + m[6:]
	case 1:
		return m[:2] + "XXXXXX" + m[8:]
	default:
		return "XXXXXX" + m[6:]
	}
}

// MaskedPAN returns a PAN already masked, CBDT-style (AAPPVXXXXK) or with only
// the last four characters showing.
func MaskedPAN(r *rand.Rand) string {
	p := PAN(r)
	if r.IntN(2) == 0 {
		return p[:5] + "XXXX" + p[9:]
	}
	return "XXXXXX" + p[6:]
}

// BeneficiaryRef returns a 14-digit CoWIN beneficiary reference id.
func BeneficiaryRef(r *rand.Rand) string {
	return string(rune('1'+r.IntN(9))) + digits(r, 13)
}

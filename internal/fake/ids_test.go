package fake

import (
	"math/rand/v2"
	"net/netip"
	"regexp"
	"strings"
	"testing"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x6b61766163680a)) }

const draws = 2000

func TestIdentifierGenerators(t *testing.T) {
	r := newRand(1)
	for range draws {
		if s := Aadhaar(r); !validAadhaar(s) {
			t.Fatalf("Aadhaar() = %s, not valid", s)
		}
		if s := VID(r); !validVID(s) {
			t.Fatalf("VID() = %s, not valid", s)
		}
		if s := PAN(r); !validPAN(s) {
			t.Fatalf("PAN() = %s, not valid", s)
		}
		if s := Passport(r); !passportRe.MatchString(s) {
			t.Fatalf("Passport() = %s, not valid", s)
		}
		if s := VoterID(r); !voterRe.MatchString(s) {
			t.Fatalf("VoterID() = %s, not valid", s)
		}
		if s := Mobile(r); !mobileRe.MatchString(s) {
			t.Fatalf("Mobile() = %s, not valid", s)
		}
	}
}

func TestVoterIDHalfLuhn(t *testing.T) {
	r := newRand(2)
	n := 0
	for range draws {
		if Luhn(VoterID(r)[3:]) {
			n++
		}
	}
	if n < draws*2/5 || n > draws*3/5 {
		t.Errorf("%d of %d voter IDs Luhn-valid, want about half", n, draws)
	}
}

func TestPassportMRZ(t *testing.T) {
	r := newRand(3)
	for range draws / 10 {
		z := PassportMRZ(r)
		l1, l2 := z.Lines()
		if err := checkIdentifier(KindPassport, l1+"\n"+l2); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(l1, "P<IND"+z.Surname+"<<") || l2[:8] != z.Number {
			t.Fatalf("MRZ %s / %s does not hold %+v", l1, l2, z)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := newRand(7), newRand(7)
	for range 50 {
		if x, y := Aadhaar(a)+PAN(a)+UUID(a), Aadhaar(b)+PAN(b)+UUID(b); x != y {
			t.Fatalf("same seed, different output: %s vs %s", x, y)
		}
	}
}

func TestDistractors(t *testing.T) {
	r := newRand(4)
	uuidRe := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	skuRe := regexp.MustCompile(`^[A-Z]{5}[0-9]{4}[A-Z]$`)
	maskedRe := regexp.MustCompile(`^[+0-9 ]*[Xx]{4}`)
	hard := 0
	for range draws {
		if s := RRN(r); len(s) != 12 || s[0] < '2' || s[0] > '6' || !allDigits(s) {
			t.Fatalf("RRN() = %s", s)
		} else if validAadhaar(s) {
			hard++
		}
		if s := HardRRN(r); !validAadhaar(s) {
			t.Fatalf("HardRRN() = %s, not Aadhaar-shaped", s)
		}
		if s := SafeRRN(r); len(s) != 12 || !allDigits(s) || validAadhaar(s) {
			t.Fatalf("SafeRRN() = %s", s)
		}
		if s := CardNumber(r); len(s) != 16 || !Luhn(s) || Verhoeff(s) {
			t.Fatalf("CardNumber() = %s", s)
		}
		if s := IMEI(r); len(s) != 15 || !Luhn(s) {
			t.Fatalf("IMEI() = %s", s)
		}
		if s := UnixTime(r); len(s) != 10 || s[0] != '1' {
			t.Fatalf("UnixTime() = %s", s)
		}
		if s := TollFree(r); !strings.HasPrefix(s, "1800") {
			t.Fatalf("TollFree() = %s", s)
		}
		if s := Landline(r); !strings.HasPrefix(strings.TrimPrefix(s, "("), "0") || mobileRe.MatchString(Normalize(s)) {
			t.Fatalf("Landline() = %s", s)
		}
		if s := UUID(r); !uuidRe.MatchString(s) || idShaped(s) {
			t.Fatalf("UUID() = %s", s)
		}
		if s := IPv4(r); !netip.MustParseAddr(s).Is4() {
			t.Fatalf("IPv4() = %s", s)
		}
		if s := SKU(r); !skuRe.MatchString(s) {
			t.Fatalf("SKU() = %s", s)
		}
		if s := BeneficiaryRef(r); len(s) != 14 || !allDigits(s) {
			t.Fatalf("BeneficiaryRef() = %s", s)
		}
		for _, s := range []string{MaskedAadhaar(r), MaskedMobile(r), MaskedPAN(r)} {
			if !maskedRe.MatchString(s) && !strings.Contains(s, "XXXX") {
				t.Fatalf("masked form %s has no mask", s)
			}
		}
		if s := OrderID(r); idShaped(s) {
			t.Fatalf("OrderID() = %s", s)
		}
		if s := InvoiceID(r); strings.Count(s, "/") != 2 {
			t.Fatalf("InvoiceID() = %s", s)
		}
	}
	if hard < draws/20 || hard > draws/5 {
		t.Errorf("%d of %d RRNs are Aadhaar-shaped, want about a tenth", hard, draws)
	}
}

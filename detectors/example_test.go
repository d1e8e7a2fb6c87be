package detectors_test

import (
	"fmt"

	"github.com/kavach-dev/kavach/detectors"
)

func Example() {
	text := []byte(`{"user":"Ravi","mobile":"+91 98765 43210","aadhaar":"2341 2341 2346","rrn":"234123412346"}`)
	for _, f := range detectors.Default.Find(nil, text) {
		fmt.Printf("%s at %d-%d, score %.2f\n", f.Kind, f.Start, f.End, f.Score)
	}
	// Output:
	// mobile at 29-40, score 1.00
	// aadhaar at 53-67, score 1.00
	// aadhaar at 76-88, score 0.24
}

func ExampleSet_Find_threshold() {
	text := []byte("Passport J6932157 issued at Delhi; ticket ref J6932158")
	for _, f := range detectors.Default.Find(nil, text) {
		if f.Score >= detectors.DefaultThreshold {
			fmt.Printf("%s %q\n", f.Kind, text[f.Start:f.End])
		}
	}
	// Output:
	// passport "J6932157"
}

func ExampleScanner() {
	// A stream arrives in pieces; the Scanner settles what it can and asks
	// for the rest again with more input.
	pieces := []string{"call me on 98765", " 43210 or ९८७६५४३२१", "० today"}
	sc := detectors.Default.NewScanner()
	var pending []byte
	offset := 0
	for i, p := range pieces {
		pending = append(pending, p...)
		atEOF := i == len(pieces)-1
		fs, n := sc.Scan(nil, pending, atEOF)
		for _, f := range fs {
			fmt.Printf("%s at %d-%d\n", f.Kind, offset+f.Start, offset+f.End)
		}
		sc.Commit(pending, n)
		pending = append(pending[:0], pending[n:]...)
		offset += n
	}
	// Output:
	// mobile at 11-22
	// mobile at 26-56
}

func ExampleNew() {
	// Only Aadhaar and PAN.
	set, err := detectors.New(detectors.Config{Kinds: []detectors.Kind{detectors.Aadhaar, detectors.PAN}})
	if err != nil {
		panic(err)
	}
	fs := set.FindString(nil, "PAN ABCPD1234Z, mobile 9876543210")
	fmt.Println(len(fs), fs[0].Kind)
	// Output:
	// 1 pan
}

func ExampleSet_Kinds() {
	set := detectors.MustNew(detectors.Config{
		Kinds:  []detectors.Kind{detectors.Mobile},
		Custom: []detectors.Custom{{Kind: "employee_id", Pattern: `EMP-[0-9]{6}`, MaxLen: 10}},
	})
	fmt.Println(set.Kinds())
	// Output:
	// [mobile employee_id]
}

func ExampleAlnum() {
	// Devanagari and full-width digits fold to ASCII.
	for _, s := range []string{"७", "９", "Ｐ", "-"} {
		c, size := detectors.Alnum([]byte(s))
		fmt.Printf("%q %d\n", c, size)
	}
	// Output:
	// '7' 3
	// '9' 3
	// 'P' 3
	// '\x00' 1
}

func ExampleVerhoeff() {
	fmt.Println(detectors.Verhoeff([]byte("234123412346")), detectors.Verhoeff([]byte("234123412347")))
	fmt.Printf("%c\n", detectors.VerhoeffDigit([]byte("23412341234")))
	// Output:
	// true false
	// 6
}

func ExampleSet_Find_tableHeader() {
	// A passport number or voter ID alone is too weak to report; the
	// header of its column, in a CSV file or an HTML table, names it.
	csv := []byte("name,passport_no,epic\nRavi,J6932157,WKH1186253\n")
	html := []byte("<table>\n<tr><th>Name</th><th>Passport No</th><th>EPIC No</th></tr>\n" +
		"<tr><td>Ravi</td><td>J6932157</td><td>WKH1186253</td></tr>\n</table>\n")
	bare := []byte("Ravi J6932157 WKH1186253\n")
	for _, text := range [][]byte{csv, html, bare} {
		n := 0
		for _, f := range detectors.Default.Find(nil, text) {
			if f.Score >= detectors.DefaultThreshold {
				n++
				fmt.Printf("%s %q, ", f.Kind, text[f.Start:f.End])
			}
		}
		fmt.Println(n, "found")
	}
	// Output:
	// passport "J6932157", voter_id "WKH1186253", 2 found
	// passport "J6932157", voter_id "WKH1186253", 2 found
	// 0 found
}

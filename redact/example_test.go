package redact_test

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/redact"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

func Example() {
	line := `user=ravi aadhaar="2345 6789 0124" mobile=+91 98765 43210 pan=ABCPD1234Z status=ok`
	fmt.Println(redact.Default.String(line))
	// Output:
	// user=ravi aadhaar="XXXX XXXX 0124" mobile=+91 XXXXX X3210 pan=XXXXXX234Z status=ok
}

func ExampleRedactor_String() {
	r := redact.MustNew(redact.StrictPolicy())
	fmt.Println(r.String("आधार २३४१ २३४१ २३४६, voter id WKH1186253, call 98765-43210"))
	fmt.Println(r.String("order 1042 shipped")) // nothing to replace: the same string
	// Output:
	// आधार [AADHAAR], voter id [VOTER_ID], call [MOBILE]
	// order 1042 shipped
}

func ExampleRedactor_NewWriter() {
	w := redact.Default.NewWriter(os.Stdout)
	// A log sink: each line reaches os.Stdout when it is written.
	fmt.Fprintln(w, "login ok mobile=9876543210")
	fmt.Fprintln(w, `{"event":"kyc","aadhaar":"2341 2341 2346"}`)
	// Close writes what is held back (here the number at the very end,
	// which more digits could still have followed); it does not close
	// os.Stdout.
	fmt.Fprint(w, "callback +91 98765 43210")
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Println()
	fmt.Println(w.Stats())
	// Output:
	// login ok mobile=XXXXXX3210
	// {"event":"kyc","aadhaar":"XXXX XXXX 2346"}
	// callback +91 XXXXX X3210
	// found aadhaar=1 mobile=2; redacted aadhaar=1 mobile=2
}

func ExampleRedactor_NewReader() {
	upload := strings.NewReader("name,mobile,pan\nRavi Sharma,9876543210,ABCPD1234Z\n")
	r := redact.MustNew(redact.Policy{
		Kinds: map[detectors.Kind]redact.Rule{
			detectors.PAN: {Action: redact.ActionLabel},
		},
	})
	if _, err := io.Copy(os.Stdout, r.NewReader(upload)); err != nil {
		log.Fatal(err)
	}
	// Output:
	// name,mobile,pan
	// Ravi Sharma,XXXXXX3210,[PAN]
}

// A Transformer chains with the other transformers of golang.org/x/text:
// here text is first put in Unicode normal form C and full-width characters
// are folded to ASCII, so that the masked output is plain ASCII.
func Example_chain() {
	t := transform.Chain(norm.NFC, width.Fold, redact.Default.Transformer())
	out, _, err := transform.String(t, "ｍｏｂｉｌｅ ９８７６５４３２１０")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(out)

	// Streams: transform.NewReader and transform.NewWriter.
	rd := transform.NewReader(strings.NewReader("PAN：ＡＢＣＰＤ１２３４Ｚ\n"), t)
	if _, err := io.Copy(os.Stdout, rd); err != nil {
		log.Fatal(err)
	}
	// Output:
	// mobile XXXXXX3210
	// PAN:XXXXXX234Z
}

func ExampleParsePolicy() {
	os.Setenv("KAVACH_TOKEN_KEY", "an example key, not a secret")
	p, err := redact.ParsePolicy([]byte(`{
  "min_score": 0.5,
  "default": {"action": "mask", "keep": 4, "char": "*"},
  "kinds": {
    "pan": {"action": "label", "label": "[PAN]"},
    "mobile": {"action": "token"}
  },
  "allow": ["ABCPD1234Z"],
  "key_env": "KAVACH_TOKEN_KEY"
}`))
	if err != nil {
		log.Fatal(err)
	}
	r, err := redact.New(p) // reads the key from $KAVACH_TOKEN_KEY
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.String("aadhaar 2341 2341 2346 pan ABCPE1234Z allowed ABCPD1234Z"))
	fmt.Println(r.String("mobile 9876543210; alt +91 98765 43210"))

	// Mistakes are reported with their line and column.
	_, err = redact.ParsePolicy([]byte(`{
  "default": {"action": "mask"},
  "kinds": {
    "pan": {"acton": "label"}
  }
}`))
	fmt.Println(err)
	_, err = redact.ParsePolicy([]byte(`{"kinds": {"aadhar": {"action": "label"}}}`))
	fmt.Println(err)
	// Output:
	// aadhaar **** **** 2346 pan [PAN] allowed ABCPD1234Z
	// mobile [MOBILE:a5fe375944f85c30]; alt +91 [MOBILE:a5fe375944f85c30]
	// line 4, column 13: unknown field "acton"
	// line 1, column 12: kinds.aadhar: unknown kind "aadhar"
}

func ExamplePseudonymPolicy() {
	// In production the key comes from a secret store, never from the code.
	key := []byte("example key, at least 16 bytes")
	r := redact.MustNew(redact.PseudonymPolicy(key))

	// Every written form of the same number gives the same token, so that
	// records about the same person can still be joined.
	fmt.Println(r.String("mobile +91 98765 43210"))
	fmt.Println(r.String("mobile ९८७६५४३२१०"))
	fmt.Println(r.String("PAN abcpd1234z; PAN ABCPD 1234 Z"))

	// A key shorter than 16 bytes is refused.
	_, err := redact.New(redact.PseudonymPolicy([]byte("short")))
	fmt.Println(err)
	// Output:
	// mobile +91 [MOBILE:8e14fc062b9e4b72]
	// mobile [MOBILE:8e14fc062b9e4b72]
	// PAN [PAN:4f8e8068e83cd6bd]; PAN [PAN:4f8e8068e83cd6bd]
	// redact: policy: the token key is 5 bytes long; at least 16 are needed
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shippedIDs are the fake identifiers in testdata/customers.json and in the
// demo's requests, in the forms written there.
var shippedIDs = []string{
	"+91 98765 43210", "98765 43210", "2341 2341 2346", "ABCPD1234Z", "9123456789", "K7654321",
	"98765 00000", "98765+00000",
}

func TestDemo(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "customers.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range shippedIDs[:6] {
		if !bytes.Contains(data, []byte(id)) {
			t.Errorf("%q is not in testdata", id)
		}
	}
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	got := out.String()
	for _, id := range shippedIDs {
		if strings.Contains(got, id) {
			t.Errorf("%q survived", id)
		}
	}
	for _, want := range []string{
		`"mobile": "+91 XXXXX X3210"`, `"aadhaar": "XXXX XXXX 2346"`, `"passport": "XXXX4321"`,
		"customer 2: Ravi Kumar, mobile XXXXXX6789, Mumbai",
		"404 Not Found", "no customer with mobile +91 XXXXX X0000",
		`image/png, Content-Length "67"`, "(67 bytes of PNG, passed through)",
		"path=/api/customers/1 status=200", `query="mobile=XXXXXX6789"`, `query="mobile=%2BXX+XXXXX+X0000"`, "status=404",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if t.Failed() {
		t.Log(got)
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shippedIDs are the fake identifiers in testdata/events.jsonl, in the forms
// written there.
var shippedIDs = []string{
	"9876543210", "2341-2341-2346", "ABCPD1234Z", "+91 91234 56789", "91234 56789", "K7654321",
	"87654 32109", "XYZ7654321", "6123 4567 8901 2344",
}

func TestSlog(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range shippedIDs {
		if !bytes.Contains(data, []byte(id)) {
			t.Errorf("%q is not in testdata", id)
		}
	}
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, id := range shippedIDs {
		if strings.Contains(out.String(), id) {
			t.Errorf("%q survived:\n%s", id, out.String())
		}
	}
	for _, want := range []string{
		`"mobile":"XXXXXX3210"`, `"customer":{"aadhaar":"XXXX-XXXX-2346"`, `"service":"kyc"`,
		`msg="payment retry for +91 XXXXX X6789"`, "customer.pan=XXXXXX234Z", `"status":200`,
		"replayed 6 events",
	} {
		if !strings.Contains(out.String()+errs.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, out.String())
		}
	}
}

func TestSlogErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{\"msg\": \"ok\"}\n{not json\n"), 0o644)
	var out, errs bytes.Buffer
	if code := run([]string{bad}, &out, &errs); code != 2 || !strings.Contains(errs.String(), "line 2") {
		t.Errorf("exit %d: %s", code, errs.String())
	}
	if code := run([]string{"a", "b"}, &out, &errs); code != 2 {
		t.Errorf("two files: exit %d", code)
	}
}

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shippedIDs are the fake identifiers in testdata, in the forms written there.
var shippedIDs = []string{
	"9876543210", "2341 2341 2346", "ABCPD1234Z", "A1234567", "+91 91234 56789", "91234 56789",
	"087654 32109", "6123 4567 8901 2344", "XYZ7654321", "7012345678", "4567-8901-2341",
	"63542 17890", "bnzpk4821q", "BNZPK4821Q", "K7654321", "08765432109", "CQRPS9876L",
}

func TestShippedData(t *testing.T) {
	var all []byte
	for _, name := range []string{"customers.json", "customers.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, data...)
	}
	for _, id := range shippedIDs {
		if !bytes.Contains(all, []byte(id)) {
			t.Errorf("%q is not in testdata", id)
		}
	}
}

func TestExport(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, id := range shippedIDs {
		if strings.Contains(out.String(), id) {
			t.Errorf("%q survived", id)
		}
	}
	// Two sections, a JSON document and a CSV file.
	parts := strings.Split(out.String(), "==> customers.csv <==\n")
	if len(parts) != 2 || !strings.HasPrefix(parts[0], "==> customers.json <==\n") {
		t.Fatalf("output:\n%s", out.String())
	}
	js := strings.TrimPrefix(parts[0], "==> customers.json <==\n")
	var v []map[string]any
	if err := json.Unmarshal([]byte(js), &v); err != nil || len(v) != 3 {
		t.Fatalf("JSON: %v, %d records", err, len(v))
	}
	if v[0]["mobile"] != "XXXXXX3210" {
		t.Errorf("mobile = %v", v[0]["mobile"])
	}
	recs, err := csv.NewReader(strings.NewReader(parts[1])).ReadAll()
	if err != nil || len(recs) != 5 {
		t.Fatalf("CSV: %v, %d records", err, len(recs))
	}
	if !strings.Contains(parts[1], "\r\n") || strings.Contains(strings.ReplaceAll(parts[1], "\r\n", ""), "\n") {
		t.Error("CRLF line endings not kept")
	}
	if got := recs[4]; strings.Join(got, "|") != "4|Kabir Shah||||Delhi|no documents yet" {
		t.Errorf("untouched record: %q", got)
	}
	for _, want := range []string{"customers.json: JSON", "customers.csv: CSV"} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("summary lacks %q: %s", want, errs.String())
		}
	}
}

func TestExportOut(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	in := filepath.Join("testdata", "customers.json")
	if code := run([]string{"-out", dir, in}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	got, err := os.ReadFile(filepath.Join(dir, "customers.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(got) {
		t.Error("not JSON")
	}
	for _, id := range shippedIDs {
		if bytes.Contains(got, []byte(id)) {
			t.Errorf("%q survived", id)
		}
	}
	if code := run([]string{filepath.Join("testdata", "README")}, &out, &errs); code != 2 {
		t.Errorf("README: exit %d, want 2", code)
	}
}

package redact_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/redact"
)

// Fake identifiers with valid check digits.
const (
	aadhaar  = "2341 2341 2346"
	vid      = "2341 2341 2341 2341"
	mobile   = "9876543210"
	pan      = "ABCPD1234Z"
	passport = "A1234567"
)

var def = redact.MustNew(redact.DefaultPolicy())

func TestField(t *testing.T) {
	tests := []struct{ key, value, want string }{
		// Keys that name a kind: the value is replaced whole, in any format.
		{"mobile", "9876543210", "XXXXXX3210"},
		{"phone_no", "98765-43210", "XXXXX-X3210"},
		{"customerPhone", "12345", "X2345"},
		{"Mobile No.", "0 98765 4321 0", "X XXXXX X321 0"},
		{"aadhaar", "2345-6789-0124", "XXXX-XXXX-0124"},
		{"aadhaar_number", "1234 5678", "XXXX 5678"},
		{"AADHAAR_VID", "1111 2222", "XXXX 2222"},
		{"virtual_id", "1111 2222", "XXXX 2222"},
		{"pan", "abcde1234", "XXXXX1234"},
		{"panNumber", "X1234", "X1234"},
		{"passport", passport, "XXXX4567"},
		{"passport_no", "z 123 4567", "X XXX 4567"},
		{"voter_id", "ABC1234567", "XXXXXX4567"},
		{"EPICNo", "abc/123/4567", "XXX/XXX/4567"},
		{"whatsapp", "+91 98765 43210", "+XX XXXXX X3210"},
		{"phones2", "98765", "X8765"},
		{"mobile", "XXXXXX3210", "XXXXXX3210"}, // already masked
		{"mobile", "not given", "not given"},   // no digit: free text
		// Keys that do not name a kind: free text.
		{"mobile_verified", "12345", "12345"},
		{"phone_country_code", "91", "91"},
		{"company", "12345", "12345"},
		{"uid", "123456", "123456"},
		{"note", "call " + mobile, "call XXXXXX3210"},
		{"note", "Aadhaar " + aadhaar, "Aadhaar XXXX XXXX 2346"},
		{"", mobile, "XXXXXX3210"},
	}
	for _, tt := range tests {
		if got := def.Field(tt.key, tt.value); got != tt.want {
			t.Errorf("Field(%q, %q) = %q, want %q", tt.key, tt.value, got, tt.want)
		}
	}
}

func TestReplacement(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	tok := redact.MustNew(redact.PseudonymPolicy(key))
	a := tok.Replacement(detectors.Mobile, "+91 98765 43210")
	b := tok.Replacement(detectors.Mobile, mobile)
	if a != b || !strings.HasPrefix(a, "[MOBILE:") {
		t.Errorf("tokens of one mobile number: %q and %q", a, b)
	}
	if again := tok.Replacement(detectors.Mobile, a); again != a {
		t.Errorf("token of a token: %q, want %q", again, a)
	}
	if got := tok.Field("mobile", mobile); got != b {
		t.Errorf("Field under a token policy = %q, want %q", got, b)
	}

	label := redact.MustNew(redact.Policy{Default: redact.Rule{Action: redact.ActionLabel}})
	if got := label.Replacement(detectors.PAN, "x1234"); got != "[PAN]" {
		t.Errorf("label: %q", got)
	}
	keep := redact.MustNew(redact.Policy{Kinds: map[detectors.Kind]redact.Rule{detectors.Mobile: {Action: redact.ActionKeep}}})
	if got := keep.Replacement(detectors.Mobile, mobile); got != mobile {
		t.Errorf("keep: %q", got)
	}
	allow := redact.MustNew(redact.Policy{Allow: []string{"+91 98765 43210"}})
	if got := allow.Replacement(detectors.Mobile, "098765-43210"); got != "098765-43210" {
		t.Errorf("allowed: %q", got)
	}
	if got := def.Replacement(detectors.Mobile, "९८७६५४३२१०"); got != "XXXXXX३२१०" {
		t.Errorf("Devanagari digits: %q", got)
	}
}

func TestJSON(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"no identifier", `{"a": [1, 2.5e-3, true, false, null, "x\u00e9\n"], "b" : {}}`,
			`{"a": [1, 2.5e-3, true, false, null, "x\u00e9\n"], "b" : {}}`},
		{"number becomes a string", `{"mobile": 9876543210}`, `{"mobile": "XXXXXX3210"}`},
		{"number without key", `[9876543210, 42]`, `["XXXXXX3210", 42]`},
		{"free text", `{"note":"call 9876543210 now"}`, `{"note":"call XXXXXX3210 now"}`},
		{"kind key odd format", `{"phone_no": "98-76-54-1"}`, `{"phone_no": "XX-X6-54-1"}`},
		{"kind key array", `{"phones": ["12345", 67890, {"n": "12345"}]}`,
			`{"phones": ["X2345", "X7890", {"n": "12345"}]}`},
		{"sibling context", `{"type": "passport", "number": "A1234567"}`,
			`{"type": "passport", "number": "XXXX4567"}`},
		{"key holding an identifier", `{"9876543210": 1}`, `{"XXXXXX3210": 1}`},
		{"escapes", `{"n":"caf\u00e9 \/ 98765\u002043210"}`, `{"n":"café / XXXXX X3210"}`},
		{"escape kept", `{"n":"caf\u00e9 \/ ok"}`, `{"n":"caf\u00e9 \/ ok"}`},
		{"quote in replacement context", `{"n":"\"9876543210\""}`, `{"n":"\"XXXXXX3210\""}`},
		{"json lines", "{\"mobile\":\"" + mobile + "\"}\n{\"pan\":\"" + pan + "\"}\n",
			"{\"mobile\":\"XXXXXX3210\"}\n{\"pan\":\"XXXXXX234Z\"}\n"},
		{"pretty", "{\n  \"aadhaar\": \"" + aadhaar + "\",\r\n\t\"x\": [ ]\n}\n",
			"{\n  \"aadhaar\": \"XXXX XXXX 2346\",\r\n\t\"x\": [ ]\n}\n"},
		{"top-level string", `"` + aadhaar + `"`, `"XXXX XXXX 2346"`},
		{"vid", `{"vid":"` + vid + `"}`, `{"vid":"XXXX XXXX XXXX 2341"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := def.JSON(&out, strings.NewReader(tt.in)); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != tt.want {
				t.Errorf("JSON(%s)\n got %s\nwant %s", tt.in, got, tt.want)
			}
			// Any way of cutting the input gives the same output.
			out.Reset()
			if err := def.JSON(&out, iotest.OneByteReader(strings.NewReader(tt.in))); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != tt.want {
				t.Errorf("JSON(%s) one byte at a time\n got %s\nwant %s", tt.in, got, tt.want)
			}
			dec := json.NewDecoder(&out)
			for {
				var v any
				if err := dec.Decode(&v); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("output is not JSON: %v", err)
				}
			}
		})
	}
}

func TestJSONErrors(t *testing.T) {
	tests := []struct {
		in         string
		line, col  int
		msgContain string
	}{
		{`{"a" 1}`, 1, 6, "after object key"},
		{"[1,\n 2,,]", 2, 4, "beginning of value"},
		{`{"a": tru}`, 1, 10, "literal true"},
		{`{"a": 01}`, 1, 8, "after object key:value pair"},
		{`["a\x"]`, 1, 5, "escape"},
		{"[\"a\tb\"]", 1, 4, "in string literal"},
		{`{"a": [1, 2}`, 1, 12, "after array element"},
		{`{"a": "b`, 1, 9, "unexpected end"},
		{`-`, 1, 2, "unexpected end"},
		{`1.e5`, 1, 3, "decimal point"},
		{`{"a":"\u12g4"}`, 1, 11, "hexadecimal"},
		{`}`, 1, 1, "beginning of value"},
	}
	for _, tt := range tests {
		err := def.JSON(io.Discard, strings.NewReader(tt.in))
		var je *redact.JSONError
		if !errors.As(err, &je) {
			t.Errorf("JSON(%q): error %v, want a *JSONError", tt.in, err)
			continue
		}
		if je.Line != tt.line || je.Column != tt.col || !strings.Contains(je.Msg, tt.msgContain) {
			t.Errorf("JSON(%q): %v (offset %d), want line %d, column %d, %q", tt.in, err, je.Offset, tt.line, tt.col, tt.msgContain)
		}
		if json.Valid([]byte(tt.in)) {
			t.Errorf("%q is valid JSON", tt.in)
		}
	}
	deep := strings.Repeat("[", 10001) + strings.Repeat("]", 10001)
	if err := def.JSON(io.Discard, strings.NewReader(deep)); err == nil {
		t.Error("no error for 10001 nested arrays")
	}
	ok := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	if err := def.JSON(io.Discard, strings.NewReader(ok)); err != nil {
		t.Errorf("10000 nested arrays: %v", err)
	}
	rerr := errors.New("read failed")
	if err := def.JSON(io.Discard, iotest.DataErrReader(iotest.ErrReader(rerr))); err != rerr {
		t.Errorf("read error: got %v", err)
	}
	if err := def.JSON(io.Discard, io.MultiReader(strings.NewReader(`{"a": "`), iotest.ErrReader(rerr))); err != rerr {
		t.Errorf("read error inside a string: got %v", err)
	}
}

func TestJSONLongString(t *testing.T) {
	// A string longer than what is held whole streams through the redacting
	// Writer; identifiers anywhere in it, across any boundary, are found.
	var b strings.Builder
	b.WriteString(`{"log": "`)
	for i := 0; b.Len() < 300<<10; i++ {
		fmt.Fprintf(&b, `line %d: mobile %s, \"aadhaar\" %s\n`, i, mobile, aadhaar)
		b.WriteString(strings.Repeat("x", i%97))
	}
	b.WriteString(`", "mobile": 9876543210}`)
	in := b.String()
	var out bytes.Buffer
	if err := def.JSON(&out, strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Log    string
		Mobile string
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if v.Mobile != "XXXXXX3210" {
		t.Errorf("mobile = %q", v.Mobile)
	}
	var orig struct{ Log string }
	json.Unmarshal([]byte(in), &orig)
	if want := def.String(orig.Log); v.Log != want {
		t.Errorf("long string: redacted differently from String")
	}
	if strings.Contains(out.String(), mobile) || strings.Contains(out.String(), aadhaar) {
		t.Error("an identifier survived")
	}
}

func TestJSONLongStringEscapes(t *testing.T) {
	// Escapes anywhere in a long string, surrogate pairs across every point
	// where it is passed on, decode as they should.
	for _, pad := range []int{0, 1, 5, 6, 7, 11} {
		var b strings.Builder
		b.WriteString(`["` + strings.Repeat("a", pad))
		for b.Len() < 200<<10 {
			b.WriteString(`\ud83d\ude00\\\"\n`)
		}
		b.WriteString(`"]`)
		var out bytes.Buffer
		if err := def.JSON(&out, strings.NewReader(b.String())); err != nil {
			t.Fatal(err)
		}
		var want, got []string
		if err := json.Unmarshal([]byte(b.String()), &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatalf("pad %d: output is not JSON: %v", pad, err)
		}
		if got[0] != want[0] {
			t.Errorf("pad %d: the string changed", pad)
		}
	}
}

// readTruth returns the identifiers in a sample of the repository's testdata,
// from its ground truth.
func readTruth(t *testing.T, name string) (data []byte, ids []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Skip(err)
	}
	f, err := os.Open(filepath.Join("..", "testdata", name+".truth.jsonl"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var span struct{ Start, End int }
		if err := json.Unmarshal(sc.Bytes(), &span); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, string(data[span.Start:span.End]))
	}
	return data, ids
}

func TestJSONSample(t *testing.T) {
	data, ids := readTruth(t, "export.json")
	var out bytes.Buffer
	if err := def.JSON(&out, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(out.Bytes()) {
		t.Fatal("output is not valid JSON")
	}
	missed := 0
	for _, id := range ids {
		if bytes.Contains(out.Bytes(), []byte(id)) {
			missed++
			t.Logf("survived: %q", id)
		}
	}
	if missed > 0 {
		t.Errorf("%d of %d identifiers survived", missed, len(ids))
	}
	// Only values changed: the structure is that of the input.
	var a, b any
	json.Unmarshal(data, &a)
	json.Unmarshal(out.Bytes(), &b)
	if shape(a) != shape(b) {
		t.Error("the structure of the document changed")
	}
}

// onceErr is a reader that returns err once and then io.EOF.
type onceErr struct{ err error }

func (r *onceErr) Read([]byte) (int, error) {
	err := r.err
	if err == nil {
		return 0, io.EOF
	}
	r.err = nil
	return 0, err
}

// shape describes the structure of a decoded JSON value, leaving out the
// values of strings and numbers.
func shape(v any) string {
	switch v := v.(type) {
	case map[string]any:
		var b strings.Builder
		b.WriteString("{")
		for _, k := range slices.Sorted(maps.Keys(v)) {
			b.WriteString(shape(v[k]))
		}
		return b.String() + "}"
	case []any:
		var b strings.Builder
		b.WriteString("[")
		for _, x := range v {
			b.WriteString(shape(x))
		}
		return b.String() + "]"
	case string, float64:
		return "s"
	}
	return fmt.Sprint(v)
}

func TestCSV(t *testing.T) {
	tests := []struct {
		name, in, want string
		opts           redact.CSVOptions
	}{
		{"empty", "", "", redact.CSVOptions{}},
		{"header columns", "name,Mobile No,pan\r\nAsha,98765 4321 0,abcde1234\r\n",
			"name,Mobile No,pan\r\nAsha,XXXXX X321 0,XXXXX1234\r\n", redact.CSVOptions{}},
		{"LF and no final newline", "name,phone\nRavi,12345", "name,phone\nRavi,X2345", redact.CSVOptions{}},
		{"quoting kept", "id,note\n1,\"call 9876543210, \"\"urgent\"\"\"\n",
			"id,note\n1,\"call XXXXXX3210, \"\"urgent\"\"\"\n", redact.CSVOptions{}},
		{"untouched fields byte-identical", "a,b,c\n\"x\",  y ,\"\"\n", "a,b,c\n\"x\",  y ,\"\"\n", redact.CSVOptions{}},
		{"multi-line field", "id,note\n1,\"line one\nmobile 9876543210\"\n",
			"id,note\n1,\"line one\nmobile XXXXXX3210\"\n", redact.CSVOptions{}},
		{"Columns option", "name,ref\nAsha,1234567\n", "name,ref\nAsha,XXX4567\n",
			redact.CSVOptions{Columns: map[string]detectors.Kind{"REF": detectors.Passport}}},
		{"Columns opt out", "name,phone\nAsha,12345\n", "name,phone\nAsha,12345\n",
			redact.CSVOptions{Columns: map[string]detectors.Kind{"phone": ""}}},
		{"semicolons", "name;aadhaar\nAsha;2345-6789\n", "name;aadhaar\nAsha;XXXX-6789\n",
			redact.CSVOptions{Comma: ';'}},
		{"row context", "id_type,id_number\nPassport," + passport + "\n",
			"id_type,id_number\nPassport,XXXX4567\n", redact.CSVOptions{}},
		{"BOM", "\ufeffmobile,x\n12345,y\n", "\ufeffmobile,x\nX2345,y\n", redact.CSVOptions{}},
		{"CR only", "a,phone\r1,12345\r", "a,phone\r1,X2345\r", redact.CSVOptions{}},
		{"empty fields", "a,,phone\n,,\n", "a,,phone\n,,\n", redact.CSVOptions{}},
		{"lazy quotes", "a,b\nx\"y,\"p\"q 9876543210\"\n", "a,b\nx\"y,\"p\"\"q XXXXXX3210\"\n", redact.CSVOptions{}},
		{"unquoted needs quoting", "a,b\nx,9876543210\n", "a,b\nx,\"[MOBILE]\"\n", redact.CSVOptions{}},
		// A spreadsheet program's line "sep=;" before the header names the
		// delimiter; it is copied as it is, and the header follows it.
		{"sep line", "sep=,\nname,mobile\nAsha,12345\n", "sep=,\nname,mobile\nAsha,X2345\n", redact.CSVOptions{}},
		{"sep line names the delimiter", "sep=;\r\nname;mobile\r\nAsha;12345\r\n", "sep=;\r\nname;mobile\r\nAsha;X2345\r\n",
			redact.CSVOptions{}},
		{"sep line quoted after a BOM", "\ufeff\"sep=|\"\nmobile|x\n12345|y\n", "\ufeff\"sep=|\"\nmobile|x\nX2345|y\n", redact.CSVOptions{}},
		{"sep line and Comma", "sep=;\nname,mobile\nAsha,12345\n", "sep=;\nname,mobile\nAsha,X2345\n", redact.CSVOptions{Comma: ','}},
		{"no sep line", "sep=x\nmobile\n12345\n", "sep=x\nmobile\n12345\n", redact.CSVOptions{}},
		{"sep line alone", "sep=,", "sep=,", redact.CSVOptions{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := def
			if tt.name == "unquoted needs quoting" {
				r = redact.MustNew(redact.Policy{Default: redact.Rule{Action: redact.ActionLabel, Label: "[MOBILE]"}})
				tt.want = "a,b\nx,[MOBILE]\n"
			}
			for _, rd := range []func(io.Reader) io.Reader{
				func(r io.Reader) io.Reader { return r },
				iotest.OneByteReader,
				iotest.HalfReader,
			} {
				var out bytes.Buffer
				if err := r.CSV(&out, rd(strings.NewReader(tt.in)), tt.opts); err != nil {
					t.Fatal(err)
				}
				if got := out.String(); got != tt.want {
					t.Errorf("CSV(%q)\n got %q\nwant %q", tt.in, got, tt.want)
				}
			}
		})
	}
	if err := def.CSV(io.Discard, strings.NewReader("a"), redact.CSVOptions{Comma: '"'}); err != redact.ErrCSVComma {
		t.Errorf("Comma '\"': %v", err)
	}
	rerr := errors.New("read failed")
	if err := def.CSV(io.Discard, io.MultiReader(strings.NewReader("a,\"b"), iotest.ErrReader(rerr)), redact.CSVOptions{}); err != rerr {
		t.Errorf("read error: %v", err)
	}
	// An error within the first bytes, read to look for a "sep=" line, from
	// a reader that returns it once and then io.EOF.
	for _, in := range []string{"", "a", "sep=,\n", "sep=,\nmobile\n"} {
		src := io.MultiReader(strings.NewReader(in), &onceErr{err: rerr})
		if err := def.CSV(io.Discard, src, redact.CSVOptions{}); err != rerr {
			t.Errorf("read error after %q: %v", in, err)
		}
	}
}

func TestCSVQuotesInReplacement(t *testing.T) {
	// A replacement holding the delimiter or a quote is quoted.
	r := redact.MustNew(redact.Policy{Default: redact.Rule{Action: redact.ActionLabel, Label: `[ID, "masked"]`}})
	var out bytes.Buffer
	if err := r.CSV(&out, strings.NewReader("a,mobile\nx,9876543210\n"), redact.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := recs[1][1]; got != `[ID, "masked"]` {
		t.Errorf("field = %q", got)
	}
}

func TestCSVSample(t *testing.T) {
	data, ids := readTruth(t, "vaccination.csv")
	var out bytes.Buffer
	if err := def.CSV(&out, bytes.NewReader(data), redact.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	in, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(bytes.NewReader(out.Bytes())).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	if len(got) != len(in) {
		t.Fatalf("%d records, want %d", len(got), len(in))
	}
	for i := range in {
		if len(got[i]) != len(in[i]) {
			t.Fatalf("record %d: %d fields, want %d", i, len(got[i]), len(in[i]))
		}
	}
	missed := 0
	for _, id := range ids {
		if bytes.Contains(out.Bytes(), []byte(id)) {
			missed++
			t.Logf("survived: %q", id)
		}
	}
	if missed > 0 {
		t.Errorf("%d of %d identifiers survived", missed, len(ids))
	}
}

func TestCSVLongField(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,note,extra\n1,\"")
	for b.Len() < 200<<10 {
		fmt.Fprintf(&b, "mobile %s, \"\"quoted\"\"\n", mobile)
	}
	b.WriteString("\",x\n2,ok,y\n")
	var out bytes.Buffer
	if err := def.CSV(&out, strings.NewReader(b.String()), redact.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	if len(recs) != 3 || len(recs[1]) != 3 || recs[2][1] != "ok" {
		t.Fatalf("records: %d", len(recs))
	}
	if strings.Contains(recs[1][1], mobile) || !strings.Contains(recs[1][1], `"quoted"`) {
		t.Error("long field redacted wrongly")
	}
}

// streamSize is how much the constant-memory tests stream: 100 MB, or 10 MB
// under the race detector, which is ten times slower.
func streamSize() int {
	if poolDrops() {
		return 10 << 20
	}
	return 100 << 20
}

// maxHeapGrowth is the most the live heap may grow while 100 MB stream
// through the structured redactors.
const maxHeapGrowth = 8 << 20

// heapWatch samples the live heap while a stream is redacted.
type heapWatch struct {
	base, peak uint64
}

func (h *heapWatch) sample() {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if h.base == 0 {
		h.base = m.HeapAlloc
	}
	h.peak = max(h.peak, m.HeapAlloc)
}

// genPipe writes about size bytes made by chunk (called with a record number)
// into a pipe, sampling the heap every few megabytes, and returns the read
// end.
func genPipe(size int, head, tail string, chunk func(i int) string, h *heapWatch) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriterSize(pw, 64<<10)
		n, next := 0, 0
		bw.WriteString(head)
		for i := 0; n < size; i++ {
			s := chunk(i)
			bw.WriteString(s)
			n += len(s)
			if n >= next {
				h.sample()
				next += 4 << 20
			}
		}
		bw.WriteString(tail)
		bw.Flush()
		pw.Close()
	}()
	return pr
}

func TestJSONConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("100 MB: skipped with -short")
	}
	var h heapWatch
	h.sample()
	src := genPipe(streamSize(), "[\n", `{"end": true}]`, func(i int) string {
		return fmt.Sprintf(`{"id": %d, "mobile": %s, "note": "aadhaar %s, call +91 98765 43210", "pan": "%s", "big": "%s"},`+"\n",
			i, mobile, aadhaar, pan, strings.Repeat("z", i%4000))
	}, &h)
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := def.JSON(pw, src)
		pw.CloseWithError(err)
		done <- err
	}()
	// The output is one JSON array: read it token by token.
	dec := json.NewDecoder(pr)
	tokens := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output is not JSON after %d tokens: %v", tokens, err)
		}
		tokens++
		if s, ok := tok.(string); ok && (strings.Contains(s, "3210") && strings.Contains(s, "98765")) {
			t.Fatalf("identifier survived: %q", s)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	t.Logf("%d tokens; live heap %d KiB at start, %d KiB at peak", tokens, h.base>>10, h.peak>>10)
	if h.peak-h.base > maxHeapGrowth {
		t.Errorf("live heap grew by %d KiB", (h.peak-h.base)>>10)
	}
}

func TestCSVConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("100 MB: skipped with -short")
	}
	var h heapWatch
	h.sample()
	src := genPipe(streamSize(), "id,name,mobile,aadhaar,note\r\n", "", func(i int) string {
		return fmt.Sprintf("%d,Asha %d,%s,%s,\"pan %s, \"\"%s\"\"\"\r\n", i, i, mobile, aadhaar, pan, strings.Repeat("z", i%1000))
	}, &h)
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := def.CSV(pw, src, redact.CSVOptions{})
		pw.CloseWithError(err)
		done <- err
	}()
	cr := csv.NewReader(pr)
	cr.ReuseRecord = true
	records := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output is not CSV after %d records: %v", records, err)
		}
		records++
		if records > 1 && (rec[2] != "XXXXXX3210" || rec[3] != "XXXX XXXX 2346") {
			t.Fatalf("record %d: %q", records, rec)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records; live heap %d KiB at start, %d KiB at peak", records, h.base>>10, h.peak>>10)
	if h.peak-h.base > maxHeapGrowth {
		t.Errorf("live heap grew by %d KiB", (h.peak-h.base)>>10)
	}
}

func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`{"mobile": 9876543210, "a": [1, "2341 2341 2346", {"pan": "ABCPD1234Z"}]}`,
		`"\u00e9\ud83d\ude00\ud800 9876543210"`,
		"[1e5, -0.5, true, null]\n{\"x\": \"\\\"\"}",
		`{"phones": ["98765 43210", 9876543210]}`,
		`"000000\ud800"`,
		`"00A0%86Ɉ"`, // hung the detectors once
		`"\ud800\u0041\udc00\ud83d"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var out bytes.Buffer
		err := def.JSON(&out, strings.NewReader(in))
		dec := json.NewDecoder(strings.NewReader(in))
		valid := true
		for {
			var v json.RawMessage // syntax only: 1E700 is JSON, if not a float64
			if e := dec.Decode(&v); e == io.EOF {
				break
			} else if e != nil {
				valid = false
				break
			}
		}
		if valid != (err == nil) {
			// encoding/json accepts the same grammar, with the same limit
			// on nesting.
			t.Fatalf("JSON(%q): error %v, encoding/json valid=%v", in, err, valid)
		}
		if err != nil {
			return
		}
		d := json.NewDecoder(bytes.NewReader(out.Bytes()))
		for {
			var v json.RawMessage
			if e := d.Decode(&v); e == io.EOF {
				break
			} else if e != nil {
				t.Fatalf("JSON(%q) = %q: not JSON: %v", in, out.String(), e)
			}
		}
		// Redacting twice is redacting once.
		var again bytes.Buffer
		if err := def.JSON(&again, bytes.NewReader(out.Bytes())); err != nil {
			t.Fatal(err)
		}
		if again.String() != out.String() {
			t.Fatalf("not idempotent:\n%q\n%q", out.String(), again.String())
		}
	})
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"name,mobile,aadhaar\nAsha,9876543210,2341 2341 2346\n",
		"a,\"b \"\"9876543210\"\"\",c\r\n1,2,3",
		"phone\n\"98765\n43210\"\n",
		"x\"y,\"p\"q\n",
		",mob,Adhar\n%98765R3210,2341 2341 2346", // hung the detectors once
		"sep=;\nname;mobile\nAsha;9876543210\n",
		"7000000000.2341 2341 2346", // masked once as 7000000000.XXXX XXXX 2346
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var out bytes.Buffer
		if err := def.CSV(&out, strings.NewReader(in), redact.CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		// Redacting twice is redacting once.
		var again bytes.Buffer
		if err := def.CSV(&again, bytes.NewReader(out.Bytes()), redact.CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		if again.String() != out.String() {
			t.Fatalf("not idempotent:\n%q\n%q", out.String(), again.String())
		}
		// Well-formed CSV (in the sense of encoding/csv, without the line
		// endings and empty lines it rewrites) keeps its shape.
		if strings.Contains(in, "\r") || strings.Contains(in, "\n\n") || strings.HasPrefix(in, "\n") {
			return
		}
		shapeOf := func(s string) ([]int, error) {
			r := csv.NewReader(strings.NewReader(s))
			r.FieldsPerRecord = -1
			var n []int
			for {
				rec, err := r.Read()
				if err == io.EOF {
					return n, nil
				}
				if err != nil {
					return nil, err
				}
				n = append(n, len(rec))
			}
		}
		want, err := shapeOf(in)
		if err != nil {
			return
		}
		got, err := shapeOf(out.String())
		if err != nil {
			t.Fatalf("CSV(%q) = %q: not CSV: %v", in, out.String(), err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("CSV(%q) = %q: shape %v, want %v", in, out.String(), got, want)
		}
	})
}

func ExampleRedactor_JSON() {
	in := `{"name": "Asha", "mobile": 9876543210, "kyc": {"aadhaar": "2341-2341-2346", "pan": "ABCPD1234Z"},
 "note": "alt number +91 98765 43210", "amount": 1250}`
	if err := redact.Default.JSON(os.Stdout, strings.NewReader(in)); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"name": "Asha", "mobile": "XXXXXX3210", "kyc": {"aadhaar": "XXXX-XXXX-2346", "pan": "XXXXXX234Z"},
	//  "note": "alt number +91 XXXXX X3210", "amount": 1250}
}

func ExampleRedactor_CSV() {
	in := "name,phone,id_type,id_number,city\n" +
		"Asha,98765-43210,Aadhaar,2341 2341 2346,Pune\n" +
		"Ravi,\"+91 98765 43210\",PAN,ABCPD1234Z,\"Mumbai, MH\"\n"
	err := redact.Default.CSV(os.Stdout, strings.NewReader(in), redact.CSVOptions{})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// name,phone,id_type,id_number,city
	// Asha,XXXXX-X3210,Aadhaar,XXXX XXXX 2346,Pune
	// Ravi,"+XX XXXXX X3210",PAN,XXXXXX234Z,"Mumbai, MH"
}

var _ = strconv.Itoa

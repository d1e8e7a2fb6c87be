package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kavach-dev/kavach/detectors"
	"github.com/kavach-dev/kavach/internal/golden"
	"github.com/kavach-dev/kavach/redact"
)

// update is the shared -update flag: rewrite the golden files in testdata/golden.
var update = golden.Update

// Paths, relative to this package's directory.
const (
	sampleDir    = "../../testdata"
	goldenDir    = "../../testdata/golden"
	samplePolicy = "../../testdata/policy.json"
)

// scrubBin is the scrub binary built by TestMain.
var scrubBin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "scrub-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	scrubBin = filepath.Join(dir, "scrub")
	if runtime.GOOS == "windows" {
		scrubBin += ".exe"
	}
	// Built without -race even under go test -race: scrub runs one
	// goroutine, and the race detector would only slow the tests down.
	out, err := exec.Command("go", "build", "-o", scrubBin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building scrub: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runTimeout bounds every run of scrub, so that a hang fails the test that
// caused it instead of the whole test binary ten minutes later.
const runTimeout = 2 * time.Minute

// command returns a command that runs scrub with args and is killed if it
// runs longer than runTimeout.
func command(t testing.TB, args ...string) *exec.Cmd {
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	t.Cleanup(cancel)
	return exec.CommandContext(ctx, scrubBin, args...)
}

// result is what one run of scrub did.
type result struct {
	stdout, stderr []byte
	code           int
	maxRSS         int64 // bytes; 0 where the system does not say
}

// scrub runs the binary with args and stdin (nil for no input).
func scrub(t testing.TB, stdin io.Reader, args ...string) result {
	t.Helper()
	cmd := command(t, args...)
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("scrub %q: %v", args, err)
	}
	return result{stdout.Bytes(), stderr.Bytes(), cmd.ProcessState.ExitCode(), maxRSS(cmd.ProcessState)}
}

// must runs scrub and fails the test unless it exits with status 0 and
// writes nothing on standard error.
func must(t testing.TB, stdin io.Reader, args ...string) []byte {
	t.Helper()
	r := scrub(t, stdin, args...)
	if r.code != 0 || len(r.stderr) > 0 {
		t.Fatalf("scrub %q: exit status %d, stderr:\n%s", args, r.code, r.stderr)
	}
	return r.stdout
}

// sample is a generated sample from testdata with its ground truth.
type sample struct {
	name  string // base name, such as "app.log"
	path  string
	data  []byte
	truth []span
}

// span is a line of a truth file or of a -report.
type span struct {
	File  string  `json:"file,omitempty"`
	Type  string  `json:"type"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Score float64 `json:"score"`
}

// samples returns the samples in testdata: every file X that has an
// X.truth.jsonl beside it. It skips the test when there are none.
func samples(t *testing.T) []sample {
	t.Helper()
	truths, _ := filepath.Glob(filepath.Join(sampleDir, "*.truth.jsonl"))
	if len(truths) == 0 {
		t.Skip("no samples (testdata/*.truth.jsonl) yet")
	}
	var ss []sample
	for _, tp := range truths {
		path := strings.TrimSuffix(tp, ".truth.jsonl")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := os.ReadFile(tp)
		if err != nil {
			t.Fatal(err)
		}
		ss = append(ss, sample{
			name:  filepath.Base(path),
			path:  path,
			data:  data,
			truth: parseSpans(t, tp, tb, false),
		})
	}
	return ss
}

// parseSpans parses JSON lines of spans, strictly: unknown fields are errors,
// and so are spans out of order or outside [0, len).
func parseSpans(t *testing.T, name string, b []byte, report bool) []span {
	t.Helper()
	var ss []span
	for i, line := range bytes.SplitAfter(b, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		if line[len(line)-1] != '\n' {
			t.Errorf("%s:%d: line does not end in a newline", name, i+1)
		}
		var s span
		d := json.NewDecoder(bytes.NewReader(line))
		d.DisallowUnknownFields()
		if err := d.Decode(&s); err != nil {
			t.Fatalf("%s:%d: %v: %s", name, i+1, err, line)
		}
		if d.More() {
			t.Fatalf("%s:%d: more than one JSON value: %s", name, i+1, line)
		}
		if report {
			var keys map[string]any
			json.Unmarshal(line, &keys)
			for _, k := range []string{"type", "start", "end", "score"} {
				if _, ok := keys[k]; !ok {
					t.Errorf("%s:%d: no %q: %s", name, i+1, k, line)
				}
			}
		}
		ss = append(ss, s)
	}
	return ss
}

var kinds = detectors.Kinds()

func isKind(s string) bool { return slices.Contains(kinds, detectors.Kind(s)) }

// checkReport checks the spans of a -report of data.
func checkReport(t *testing.T, data, out []byte, file string) []span {
	t.Helper()
	spans := parseSpans(t, "report", out, true)
	end := 0
	for i, s := range spans {
		if s.File != file {
			t.Errorf("finding %d: file %q, want %q", i, s.File, file)
		}
		if !isKind(s.Type) {
			t.Errorf("finding %d: type %q is not a kind", i, s.Type)
		}
		if s.Start < end || s.End <= s.Start || s.End > len(data) {
			t.Fatalf("finding %d: span [%d, %d) out of order or out of the input (len %d, last end %d)", i, s.Start, s.End, len(data), end)
		}
		end = s.End
		if !(s.Score >= detectors.DefaultThreshold && s.Score <= 1) {
			t.Errorf("finding %d: score %v out of [threshold, 1]", i, s.Score)
		}
	}
	// No identifier text in the report: not the identifier as written, nor
	// its letters and digits folded to ASCII.
	for i, s := range spans {
		id := data[s.Start:s.End]
		if bytes.Contains(out, id) {
			t.Errorf("finding %d: the report holds the identifier %q", i, id)
		}
		if f := fold(id); len(f) >= 8 && bytes.Contains(out, f) {
			t.Errorf("finding %d: the report holds the identifier %q", i, f)
		}
	}
	return spans
}

// fold returns the letters and digits of b, folded to ASCII.
func fold(b []byte) []byte {
	var f []byte
	for i := 0; i < len(b); {
		c, n := detectors.Alnum(b[i:])
		if c != 0 {
			f = append(f, c)
		}
		i += n
	}
	return f
}

func TestGolden(t *testing.T) {
	ss := samples(t)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]bool{}
	for _, s := range ss {
		for _, c := range []struct{ suffix, policy string }{
			{".golden", ""},
			{".policy.golden", samplePolicy},
		} {
			golden := filepath.Join(goldenDir, s.name+c.suffix)
			want[filepath.Base(golden)] = true
			t.Run(filepath.Base(golden), func(t *testing.T) {
				args := []string{s.path}
				if c.policy != "" {
					args = []string{"-policy", c.policy, s.path}
				}
				got := must(t, nil, args...)
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				exp, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./examples/scrub -update)", err)
				}
				if !bytes.Equal(got, exp) {
					t.Errorf("scrub %s differs from %s (run go test ./examples/scrub -update and review the diff):\n%s",
						strings.Join(args, " "), golden, firstDiff(got, exp))
				}
			})
		}
	}
	// A golden file without a sample is left over from a removed sample.
	have, _ := filepath.Glob(filepath.Join(goldenDir, "*.golden"))
	for _, g := range have {
		if !want[filepath.Base(g)] {
			if *update {
				os.Remove(g)
				continue
			}
			t.Errorf("%s has no sample (run go test ./examples/scrub -update to remove it)", g)
		}
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want []byte) string {
	gl := bytes.SplitAfter(got, []byte("\n"))
	wl := bytes.SplitAfter(want, []byte("\n"))
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w []byte
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if !bytes.Equal(g, w) {
			return fmt.Sprintf("line %d:\n got  %q\n want %q", i+1, g, w)
		}
	}
	return "(no line differs)"
}

// TestDefaultMasking checks the contract's default policy on inputs made
// here, so that it runs without samples too.
func TestDefaultMasking(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"nothing here 12345\n", "nothing here 12345\n"},
		{"aadhaar 2345 6789 0124 ok\n", "aadhaar XXXX XXXX 0124 ok\n"},
		{"call +91 98765 43210 now", "call +91 XXXXX X3210 now"},
		{"aadhaar XXXX XXXX 0124\n", "aadhaar XXXX XXXX 0124\n"},
		// Invalid UTF-8 and NUL bytes pass through untouched.
		{"\x00\xff\xfe aadhaar 2345 6789 0124 \xc3\x00", "\x00\xff\xfe aadhaar XXXX XXXX 0124 \xc3\x00"},
		{"\xff\x00\xe0\xa5 no id \xed\xa0\x80\n\x00", "\xff\x00\xe0\xa5 no id \xed\xa0\x80\n\x00"},
	}
	for _, tt := range tests {
		got := must(t, strings.NewReader(tt.in))
		if string(got) != tt.want {
			t.Errorf("scrub < %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPercentEncoded checks URLs with percent-encoded text: an encoded
// identifier is masked, encoded non-ASCII text (a Hindi search query) passes
// through, and scrub does not hang on either.
func TestPercentEncoded(t *testing.T) {
	tests := []struct{ in, want string }{
		{"GET /otp?phone=%2B91%2098765%2043210 HTTP/1.1\n", "GET /otp?phone=%2B91%20XXXXX%20X3210 HTTP/1.1\n"},
		{"GET /search?q=%E0%A4%86%E0%A4%A7%E0%A4%BE%E0%A4%B0 HTTP/1.1\n", "GET /search?q=%E0%A4%86%E0%A4%A7%E0%A4%BE%E0%A4%B0 HTTP/1.1\n"},
		{"1%91 8\n", "1%91 8\n"},
	}
	for _, tt := range tests {
		for _, mode := range []string{"", "-report"} {
			args := []string{}
			if mode != "" {
				args = append(args, mode)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			cmd := exec.CommandContext(ctx, scrubBin, args...)
			cmd.Stdin = strings.NewReader(tt.in)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			switch {
			case ctx.Err() != nil:
				t.Errorf("scrub %s < %q: still running after 5s (a hang in the detectors?)", mode, tt.in)
			case err != nil:
				t.Errorf("scrub %s < %q: %v: %s", mode, tt.in, err, stderr.Bytes())
			case mode == "" && stdout.String() != tt.want:
				t.Errorf("scrub < %q = %q, want %q", tt.in, stdout.Bytes(), tt.want)
			}
			cancel()
		}
	}
}

// TestFilesInOrder checks that named files are read in order, each its own
// stream, and that the output for files is the output for stdin.
func TestFilesInOrder(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("first aadhaar 2345 6789 0124\n"), 0o644)
	os.WriteFile(b, []byte("second +91 98765 43210\n"), 0o644)
	got := must(t, nil, a, b)
	want := "first aadhaar XXXX XXXX 0124\nsecond +91 XXXXX X3210\n"
	if string(got) != want {
		t.Errorf("scrub a b = %q, want %q", got, want)
	}
	rep := must(t, nil, "-report", a, b)
	spans := parseSpans(t, "report", rep, true)
	if len(spans) != 2 || spans[0].File != a || spans[0].Start != 14 || spans[1].File != b || spans[1].Start != 11 {
		t.Errorf("scrub -report a b:\n%s", rep)
	}
}

func TestReport(t *testing.T) {
	ss := samples(t)
	def := redact.MustNew(redact.DefaultPolicy())
	var pol *redact.Redactor
	if p, err := redact.LoadPolicy(samplePolicy); err == nil {
		pol = redact.MustNew(p)
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, s := range ss {
		t.Run(s.name, func(t *testing.T) {
			out := must(t, nil, "-report", s.path)
			spans := checkReport(t, s.data, out, s.path)

			// Streaming (a bounded buffer) finds what the one-shot forms
			// find: the detectors' Find and the redactor's Scan.
			var want []span
			for _, f := range detectors.Default.Find(nil, s.data) {
				if f.Score >= detectors.DefaultThreshold {
					want = append(want, span{File: s.path, Type: string(f.Kind), Start: f.Start, End: f.End, Score: f.Score})
				}
			}
			if !slices.Equal(spans, want) {
				t.Errorf("-report differs from detectors.Default.Find: %d findings, want %d", len(spans), len(want))
			}
			if scan := scanSpans(def, s); !slices.Equal(spans, scan) {
				t.Errorf("-report differs from redact's Scan with the default policy: %d findings, want %d", len(spans), len(scan))
			}
			// And under the sample policy (a threshold, an allow list).
			if pol != nil {
				got := checkReport(t, s.data, must(t, nil, "-report", "-policy", samplePolicy, s.path), s.path)
				if scan := scanSpans(pol, s); !slices.Equal(got, scan) {
					t.Errorf("-report -policy %s differs from redact's Scan: %d findings, want %d", samplePolicy, len(got), len(scan))
				}
			}

			// From stdin: the same, without "file".
			out2 := must(t, bytes.NewReader(s.data), "-report")
			spans2 := checkReport(t, s.data, out2, "")
			for i := range spans2 {
				spans2[i].File = s.path
			}
			if !slices.Equal(spans, spans2) {
				t.Errorf("-report from stdin differs from -report %s", s.path)
			}

			// A higher threshold keeps exactly the findings scoring as much.
			out3 := must(t, nil, "-report", "-min-score", "0.9", s.path)
			var hi []span
			for _, sp := range spans {
				if sp.Score >= 0.9 {
					hi = append(hi, sp)
				}
			}
			if got := parseSpans(t, "report", out3, true); !slices.Equal(got, hi) {
				t.Errorf("-report -min-score 0.9: %d findings, want %d", len(got), len(hi))
			}
		})
	}
}

// scanSpans returns the findings of r.Scan in s, as -report spans.
func scanSpans(r *redact.Redactor, s sample) []span {
	var spans []span
	for _, f := range r.Scan(nil, s.data) {
		spans = append(spans, span{File: s.path, Type: string(f.Kind), Start: f.Start, End: f.End, Score: f.Score})
	}
	return spans
}

var summaryRE = regexp.MustCompile(`^(.+): (no findings|1 finding \(\w+ 1\)|(\d+) findings \(\w+ \d+(, \w+ \d+)*\))\n$`)

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.txt")
	dirty := filepath.Join(dir, "dirty.txt")
	os.WriteFile(clean, []byte("order 12345 shipped at 10:42, invoice INV-2024-0001\n"), 0o644)
	os.WriteFile(dirty, []byte("aadhaar 2345 6789 0124\nmobile +91 98765 43210\nmobile 9876543210\n"), 0o644)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"-check", clean}, 0, clean + ": no findings\n"},
		{[]string{"-check", dirty}, 1, dirty + ": 3 findings (aadhaar 1, mobile 2)\n"},
		{[]string{"-check", clean, dirty}, 1, clean + ": no findings\n" + dirty + ": 3 findings (aadhaar 1, mobile 2)\n"},
		{[]string{"-check", "-min-score", "1", clean}, 0, clean + ": no findings\n"},
	}
	for _, tt := range tests {
		r := scrub(t, nil, tt.args...)
		if r.code != tt.code || string(r.stderr) != tt.stderr || len(r.stdout) > 0 {
			t.Errorf("scrub %q: exit status %d, stderr %q, stdout %q; want %d, %q and no output",
				tt.args, r.code, r.stderr, r.stdout, tt.code, tt.stderr)
		}
	}
	r := scrub(t, strings.NewReader("aadhaar 2345 6789 0124\n"), "-check")
	if r.code != 1 || string(r.stderr) != "stdin: 1 finding (aadhaar 1)\n" {
		t.Errorf("scrub -check < dirty: exit status %d, stderr %q", r.code, r.stderr)
	}

	// On the samples: 1 where the truth holds something, 0 where not.
	truths, _ := filepath.Glob(filepath.Join(sampleDir, "*.truth.jsonl"))
	for _, tp := range truths {
		path := strings.TrimSuffix(tp, ".truth.jsonl")
		fi, err := os.Stat(tp)
		if err != nil {
			t.Fatal(err)
		}
		want := 1
		if fi.Size() == 0 {
			want = 0
		}
		r := scrub(t, nil, "-check", path)
		if !summaryRE.Match(r.stderr) || len(r.stdout) > 0 {
			t.Errorf("scrub -check %s: stderr %q, stdout %q", path, r.stderr, r.stdout)
		}
		if r.code != want {
			t.Errorf("scrub -check %s: exit status %d, want %d (%s)", path, r.code, want, bytes.TrimSpace(r.stderr))
		}
	}
}

// wantError runs scrub and checks that it fails with status 2, one line on
// standard error that starts with "scrub: " and contains each of want.
func wantError(t *testing.T, dir string, stdin io.Reader, args []string, want ...string) {
	t.Helper()
	cmd := command(t, args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Run()
	msg := stderr.String()
	code := cmd.ProcessState.ExitCode()
	if code != 2 || !strings.HasPrefix(msg, "scrub: ") || strings.Count(msg, "\n") != 1 || !strings.HasSuffix(msg, "\n") {
		t.Errorf("scrub %q: exit status %d, stderr %q; want status 2 and one line starting with \"scrub: \"", args, code, msg)
		return
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("scrub %q: stderr %q does not say %q", args, msg, w)
		}
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.txt")
	os.WriteFile(ok, []byte("hello\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "policy.json"), []byte(`{
  "default": {
    "acton": "label"
  }
}
`), 0o644)
	os.WriteFile(filepath.Join(dir, "syntax.json"), []byte("{\n  \"min_score\": 0.5,\n  \"default\": {\"action\": \"mask\"}\n  \"kinds\": {}\n}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "action.json"), []byte("{\n  \"default\": {\"action\": \"shred\"}\n}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "score.json"), []byte("{\n  \"min_score\": 7\n}\n"), 0o644)

	// The contract's example, to the byte.
	cmd := command(t, "-policy", "policy.json", "ok.txt")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	if want := "scrub: policy.json:3:5: unknown field \"acton\"\n"; string(out) != want || cmd.ProcessState.ExitCode() != 2 {
		t.Errorf("policy with a typo: exit status %d, output %q; want 2 and %q", cmd.ProcessState.ExitCode(), out, want)
	}

	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"missing file", []string{"missing.txt"}, []string{"missing.txt"}},
		{"missing file after a good one", []string{"ok.txt", "missing.txt"}, []string{"missing.txt"}},
		{"missing file -report", []string{"-report", "missing.txt"}, []string{"missing.txt"}},
		{"missing file -check", []string{"-check", "missing.txt"}, []string{"missing.txt"}},
		{"missing file -in-place", []string{"-in-place", "missing.txt"}, []string{"missing.txt"}},
		{"directory", []string{"."}, nil},
		{"missing policy", []string{"-policy", "nope.json", "ok.txt"}, []string{"nope.json"}},
		{"policy syntax", []string{"-policy", "syntax.json", "ok.txt"}, []string{"syntax.json:4:"}},
		{"policy action", []string{"-policy", "action.json", "ok.txt"}, []string{"action.json:2:", "shred"}},
		{"policy min_score", []string{"-policy", "score.json", "ok.txt"}, []string{"score.json:2:"}},
		{"min-score above 1", []string{"-min-score", "1.5", "ok.txt"}, []string{"-min-score"}},
		{"min-score below 0", []string{"-min-score", "-0.1", "ok.txt"}, []string{"-min-score"}},
		{"min-score NaN", []string{"-min-score", "NaN", "ok.txt"}, []string{"-min-score"}},
		{"min-score not a number", []string{"-min-score", "high", "ok.txt"}, []string{"-min-score"}},
		{"unknown flag", []string{"-frobnicate", "ok.txt"}, []string{"frobnicate"}},
		{"in-place on stdin", []string{"-in-place"}, []string{"-in-place"}},
		{"in-place with report", []string{"-in-place", "-report", "ok.txt"}, []string{"-in-place"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, dir, strings.NewReader("aadhaar 2345 6789 0124\n"), tt.args, tt.want...)
		})
	}
}

// TestTokenPolicy checks a policy whose key comes from the environment: the
// same number gives the same token however it is written, and a missing or
// short key is an error.
func TestTokenPolicy(t *testing.T) {
	dir := t.TempDir()
	pol := filepath.Join(dir, "token.json")
	os.WriteFile(pol, []byte("{\n  \"default\": {\"action\": \"token\"},\n  \"key_env\": \"SCRUB_TEST_KEY\"\n}\n"), 0o644)
	in := "aadhaar 2345 6789 0124 / 234567890124 / २३४५ ६७८९ ०१२४\n"
	run := func(key string) (string, string, int) {
		cmd := command(t, "-policy", pol)
		cmd.Env = append(os.Environ(), "SCRUB_TEST_KEY="+key)
		cmd.Stdin = strings.NewReader(in)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		cmd.Run()
		return stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
	}
	out, msg, code := run("a key of 16 bytes or more")
	tok := regexp.MustCompile(`\[AADHAAR:[0-9a-f]{16}\]`)
	toks := tok.FindAllString(out, -1)
	if code != 0 || len(toks) != 3 || toks[0] != toks[1] || toks[1] != toks[2] {
		t.Errorf("scrub -policy %s: exit status %d, stderr %q, output %q; want three equal tokens", pol, code, msg, out)
	}
	if out2, _, _ := run("another key, 16 bytes or more"); out2 == out {
		t.Errorf("two keys gave the same tokens: %q", out)
	}
	for _, key := range []string{"", "short"} {
		if out, msg, code := run(key); code != 2 || out != "" || !strings.HasPrefix(msg, "scrub: ") || strings.Count(msg, "\n") != 1 {
			t.Errorf("scrub -policy %s with key %q: exit status %d, stderr %q, output %q; want status 2 and one line", pol, key, code, msg, out)
		}
	}
}

func TestHelp(t *testing.T) {
	r := scrub(t, nil, "-h")
	if r.code != 0 {
		t.Errorf("scrub -h: exit status %d", r.code)
	}
	for _, w := range []string{"Usage: scrub", "-report", "-check", "-policy", "-min-score", "-in-place", "Examples:", "Exit status"} {
		if !bytes.Contains(r.stdout, []byte(w)) {
			t.Errorf("scrub -h does not mention %q:\n%s", w, r.stdout)
		}
	}
}

// TestWriteError checks that a failed write is an error (status 2), whether
// the reader went away (EPIPE) or the disk is full.
func TestWriteError(t *testing.T) {
	input := bytes.Repeat([]byte("aadhaar 2345 6789 0124, nothing else\n"), 1<<16)
	t.Run("EPIPE", func(t *testing.T) {
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		pr.Close() // nobody reads
		cmd := command(t)
		cmd.Stdin = bytes.NewReader(input)
		cmd.Stdout = pw
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Run()
		pw.Close()
		if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.HasPrefix(stderr.String(), "scrub: ") || strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("writing to a closed pipe: exit status %d (%v), stderr %q; want 2 and one line", code, cmd.ProcessState, stderr.String())
		}
	})
	t.Run("ENOSPC", func(t *testing.T) {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skip("no /dev/full")
		}
		defer full.Close()
		for _, args := range [][]string{nil, {"-report"}} {
			cmd := command(t, args...)
			cmd.Stdin = bytes.NewReader(input)
			cmd.Stdout = full
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			cmd.Run()
			if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(stderr.String(), "no space") {
				t.Errorf("scrub %q > /dev/full: exit status %d, stderr %q", args, code, stderr.String())
			}
		}
	})
}

// pieces writes data to w in pieces whose sizes next chooses, and closes w.
func pieces(w io.WriteCloser, data []byte, next func() int) {
	for len(data) > 0 {
		n := min(next(), len(data))
		if _, err := w.Write(data[:n]); err != nil {
			break
		}
		data = data[n:]
	}
	w.Close()
}

// TestPipe checks that input arriving through a pipe in tiny or random
// pieces gives the same output as the whole file.
func TestPipe(t *testing.T) {
	type input struct {
		name string
		path string
		data []byte
	}
	synthetic := []byte(strings.Repeat("aadhaar 2345 6789 0124 mobile +91 98765 43210 आधार २३४५ ६७८९ ०१२४ \xff\x00\n", 200))
	inputs := []input{{"synthetic", "", synthetic}}
	truths, _ := filepath.Glob(filepath.Join(sampleDir, "*.truth.jsonl"))
	for _, tp := range truths {
		path := strings.TrimSuffix(tp, ".truth.jsonl")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{filepath.Base(path), path, data})
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			for _, mode := range [][]string{nil, {"-report"}} {
				var want []byte
				if in.path != "" {
					want = must(t, nil, append(mode, in.path)...)
					if mode != nil {
						want = bytes.ReplaceAll(want, appendJSONString([]byte(`{"file":`), in.path), []byte("{"))
						want = bytes.ReplaceAll(want, []byte(`{,`), []byte(`{`))
					}
				} else {
					want = must(t, bytes.NewReader(in.data), mode...)
				}
				sizes := map[string]func() int{
					"random": func() int { return 1 + rng.IntN(5000) },
				}
				if len(in.data) <= 128<<10 || testing.Short() == false && len(in.data) <= 512<<10 {
					sizes["1-byte"] = func() int { return 1 }
				}
				for name, next := range sizes {
					cmd := command(t, mode...)
					w, err := cmd.StdinPipe()
					if err != nil {
						t.Fatal(err)
					}
					var stdout, stderr bytes.Buffer
					cmd.Stdout, cmd.Stderr = &stdout, &stderr
					if err := cmd.Start(); err != nil {
						t.Fatal(err)
					}
					go pieces(w, in.data, next)
					if err := cmd.Wait(); err != nil {
						t.Fatalf("scrub %q with %s pieces: %v: %s", mode, name, err, stderr.Bytes())
					}
					if !bytes.Equal(stdout.Bytes(), want) {
						t.Errorf("scrub %q with %s pieces differs from the whole input:\n%s", mode, name, firstDiff(stdout.Bytes(), want))
					}
				}
			}
		})
	}
}

func TestInPlace(t *testing.T) {
	dir := t.TempDir()
	type file struct {
		name string
		mode os.FileMode
		data []byte
	}
	files := []file{
		{"a.log", 0o640, []byte("aadhaar 2345 6789 0124\nmobile +91 98765 43210\n")},
		{"b.txt", 0o604, []byte("nothing to see\x00\xff\n")},
		{"c.txt", 0o755, bytes.Repeat([]byte("pan ABCPD1234Z and more text\n"), 10000)},
	}
	truths, _ := filepath.Glob(filepath.Join(sampleDir, "*.truth.jsonl"))
	for _, tp := range truths {
		data, err := os.ReadFile(strings.TrimSuffix(tp, ".truth.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file{filepath.Base(strings.TrimSuffix(tp, ".truth.jsonl")), 0o600, data})
	}
	var args []string
	want := map[string][]byte{}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, f.data, 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, f.mode) // not subject to umask
		want[f.name] = must(t, nil, p)
		args = append(args, p)
	}
	// Through a symbolic link: the target is rewritten, the link stays.
	link := filepath.Join(dir, "link.log")
	if err := os.Symlink("a.log", link); err == nil {
		args = append(args, link)
		want["a.log"] = must(t, bytes.NewReader(want["a.log"]))
	}
	must(t, nil, append([]string{"-in-place"}, args...)...)
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[f.name]) {
			t.Errorf("%s after -in-place differs from stdout:\n%s", f.name, firstDiff(got, want[f.name]))
		}
		fi, _ := os.Stat(p)
		if fi.Mode() != f.mode {
			t.Errorf("%s: mode %v after -in-place, want %v", f.name, fi.Mode(), f.mode)
		}
	}
	if fi, err := os.Lstat(link); err == nil && fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link", link)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) > 0 {
		t.Errorf("-in-place left temporary files: %q", left)
	}

	// A failure leaves the original as it was and no temporary file.
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	orig := []byte("aadhaar 2345 6789 0124\n")
	p := filepath.Join(sub, "x.txt")
	os.WriteFile(p, orig, 0o644)
	wantError(t, sub, nil, []string{"-in-place", p, filepath.Join(sub, "missing.txt")}, "missing.txt")
	wantError(t, sub, nil, []string{"-in-place", sub}, "regular")
	if os.Getuid() != 0 {
		os.Chmod(sub, 0o555)
		wantError(t, sub, nil, []string{"-in-place", p})
		os.Chmod(sub, 0o755)
		if got, _ := os.ReadFile(p); !bytes.Equal(got, []byte("aadhaar XXXX XXXX 0124\n")) {
			t.Errorf("after a failed -in-place: %q", got)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(sub, ".*")); len(left) > 0 {
		t.Errorf("a failed -in-place left temporary files: %q", left)
	}
}

// longLine writes about size bytes to w as one line with identifiers in it,
// and closes w. It returns the number of identifiers written.
func longLine(w io.WriteCloser, size int) int {
	defer w.Close()
	bw := bufio.NewWriterSize(w, 1<<16)
	chunk := []byte(`"k":"v", aadhaar 2345 6789 0124, mobile +91 98765 43210, आधार २३४५ ६७८९ ०१२४ ` +
		strings.Repeat("lorem ipsum dolor sit amet 12345 ", 20))
	n := 0
	for written := 0; written < size; written += len(chunk) {
		if _, err := bw.Write(chunk); err != nil {
			return n
		}
		n += 3
	}
	bw.WriteString("\n")
	bw.Flush()
	return n
}

// TestLongLine streams a 256 MiB line through scrub and checks that it
// comes out whole, masked, and that memory stayed small.
func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("256 MiB through the binary; skipped with -short")
	}
	const size = 256 << 20
	const maxMem = 64 << 20
	for _, mode := range [][]string{nil, {"-report"}} {
		cmd := command(t, mode...)
		w, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ids := make(chan int, 1)
		go func() { ids <- longLine(w, size) }()
		var total, newlines int
		leaked := false
		buf := make([]byte, 1<<16)
		var tail []byte
		for {
			n, err := out.Read(buf)
			total += n
			newlines += bytes.Count(buf[:n], []byte("\n"))
			// Look for an unmasked identifier, across read boundaries.
			chunk := append(tail, buf[:n]...)
			if bytes.Contains(chunk, []byte("2345 6789")) || bytes.Contains(chunk, []byte("98765 4")) || bytes.Contains(chunk, []byte("३४५ ६७८९")) {
				leaked = true
			}
			tail = append(tail[:0], chunk[max(0, len(chunk)-16):]...)
			if err != nil {
				break
			}
		}
		if err := cmd.Wait(); err != nil {
			t.Fatalf("scrub %q: %v: %s", mode, err, stderr.Bytes())
		}
		n := <-ids
		if mode == nil {
			// Masking may shorten the text (a Devanagari digit is three
			// bytes, its mask one), never by half.
			if newlines != 1 || total < size/2 || leaked {
				t.Errorf("scrub: %d bytes in %d lines out, leaked %v", total, newlines, leaked)
			}
		} else if newlines != n {
			t.Errorf("scrub -report: %d findings, want %d", newlines, n)
		}
		rss := maxRSS(cmd.ProcessState)
		t.Logf("scrub %q: 256 MiB line, max RSS %.1f MiB", mode, float64(rss)/(1<<20))
		if rss > maxMem {
			t.Errorf("scrub %q: max RSS %d MiB for a 256 MiB line, want < %d MiB", mode, rss>>20, maxMem>>20)
		}
	}
}

// maxRSS returns the largest resident set size of the process, in bytes, or 0
// where the system does not say.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) // bytes
	}
	return int64(ru.Maxrss) << 10 // KiB
}

// TestRecallPrecision compares -report on each sample with its truth: a
// truth entry is found when a reported finding of the same type overlaps it;
// a reported finding is a false positive when it overlaps no truth entry. It
// fails when recall or precision of any kind, over all samples, is below the
// acceptance bar.
func TestRecallPrecision(t *testing.T) {
	const bar = 0.99
	ss := samples(t)
	type counts struct{ truth, found, reported, correct, mistyped int }
	total := map[string]*counts{}
	get := func(m map[string]*counts, k string) *counts {
		if m[k] == nil {
			m[k] = &counts{}
		}
		return m[k]
	}
	for _, s := range ss {
		spans := parseSpans(t, s.name, must(t, nil, "-report", s.path), true)
		per := map[string]*counts{}
		var misses, fps []string
		for _, tr := range s.truth {
			c := get(per, tr.Type)
			c.truth++
			hit := false
			for _, sp := range spans {
				if sp.Type == tr.Type && overlap(sp, tr) {
					hit = true
					break
				}
			}
			if hit {
				c.found++
			} else if len(misses) < 10 {
				misses = append(misses, fmt.Sprintf("%s %q at %d", tr.Type, around(s.data, tr), tr.Start))
			}
		}
		for _, sp := range spans {
			c := get(per, sp.Type)
			c.reported++
			var typ string
			for _, tr := range s.truth {
				if overlap(sp, tr) {
					typ = tr.Type
					break
				}
			}
			switch {
			case typ == "":
				if len(fps) < 10 {
					fps = append(fps, fmt.Sprintf("%s %q at %d (score %v)", sp.Type, around(s.data, sp), sp.Start, sp.Score))
				}
			case typ != sp.Type:
				c.correct++
				c.mistyped++
			default:
				c.correct++
			}
		}
		for _, k := range kinds {
			c, ok := per[string(k)]
			if !ok {
				continue
			}
			tc := get(total, string(k))
			tc.truth += c.truth
			tc.found += c.found
			tc.reported += c.reported
			tc.correct += c.correct
			tc.mistyped += c.mistyped
			t.Logf("%-16s %-12s recall %s  precision %s%s", s.name, k,
				ratio(c.found, c.truth), ratio(c.correct, c.reported), mistyped(c.mistyped))
		}
		if len(per) == 0 {
			t.Logf("%-16s no identifier in the truth, none reported", s.name)
		}
		for _, m := range misses {
			t.Logf("%s: missed %s", s.name, m)
		}
		for _, m := range fps {
			t.Logf("%s: false positive %s", s.name, m)
		}
	}
	for _, k := range kinds {
		c := get(total, string(k))
		t.Logf("%-16s %-12s recall %s  precision %s%s", "ALL", k, ratio(c.found, c.truth), ratio(c.correct, c.reported), mistyped(c.mistyped))
		if c.truth > 0 && float64(c.found) < bar*float64(c.truth) {
			t.Errorf("%s: recall %s, below %v", k, ratio(c.found, c.truth), bar)
		}
		if c.reported > 0 && float64(c.correct) < bar*float64(c.reported) {
			t.Errorf("%s: precision %s, below %v", k, ratio(c.correct, c.reported), bar)
		}
	}
}

func overlap(a, b span) bool { return a.Start < b.End && b.Start < a.End }

func ratio(n, d int) string {
	if d == 0 {
		return fmt.Sprintf("%7s (%d/%d)", "-", n, d)
	}
	return fmt.Sprintf("%6.2f%% (%d/%d)", 100*float64(n)/float64(d), n, d)
}

func mistyped(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d of another kind", n)
}

// around returns the span with a few bytes either side, for messages (the
// samples hold generated identifiers only).
func around(data []byte, s span) string {
	lo, hi := max(0, s.Start-24), min(len(data), s.End+8)
	return string(data[lo:hi])
}

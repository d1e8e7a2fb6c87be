package fake

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// committedSeed is the seed testdata/ was written with; testdata/README gives
// the command.
const committedSeed = 1

var testdataDir = filepath.Join("..", "..", "testdata")

var samplesOnce = sync.OnceValue(func() []Sample { return Samples(committedSeed) })

func TestSamplesUpToDate(t *testing.T) {
	dir := t.TempDir()
	if err := WriteSamples(dir, committedSeed); err != nil {
		t.Fatal(err)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2*len(SampleNames) {
		t.Errorf("WriteSamples wrote %d files, want %d", len(files), 2*len(SampleNames))
	}
	for _, fi := range files {
		fresh, err := os.ReadFile(filepath.Join(dir, fi.Name()))
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(filepath.Join(testdataDir, fi.Name()))
		if err != nil {
			t.Errorf("%v (run: go run ./internal/fake/cmd/mksamples -seed 1 -out testdata)", err)
			continue
		}
		if !bytes.Equal(fresh, committed) {
			i := 0
			for i < len(fresh) && i < len(committed) && fresh[i] == committed[i] {
				i++
			}
			t.Errorf("testdata/%s differs from the generator's output at byte %d; regenerate with: go run ./internal/fake/cmd/mksamples -seed 1 -out testdata", fi.Name(), i)
		}
	}
}

func TestSamplesDeterministic(t *testing.T) {
	a, b := Samples(committedSeed), Samples(committedSeed)
	for i := range a {
		if !bytes.Equal(a[i].Text, b[i].Text) || !slices.Equal(a[i].Truth, b[i].Truth) {
			t.Errorf("%s: two runs with the same seed differ", a[i].Name)
		}
	}
	c := Samples(2)
	if bytes.Equal(a[0].Text, c[0].Text) {
		t.Error("seeds 1 and 2 give the same app.log")
	}
}

// TestSamplesTruth checks every truth span: inside the file, in order, not
// overlapping, on character boundaries, starting and ending on a letter or
// digit, not cut out of a longer word or number, and holding a valid
// identifier of its type.
func TestSamplesTruth(t *testing.T) {
	for _, s := range samplesOnce() {
		t.Run(s.Name, func(t *testing.T) {
			text := s.Text
			if !utf8.Valid(text) {
				t.Fatal("not valid UTF-8")
			}
			if len(text) > 400<<10 {
				t.Errorf("%d bytes, want at most 400 KiB", len(text))
			}
			if n := bytes.Count(text, []byte("\n")); n < 300 || n > 2000 {
				t.Errorf("%d lines, want 300-2000", n)
			}
			prevEnd := 0
			for _, sp := range s.Truth {
				if sp.Start < prevEnd || sp.End <= sp.Start || sp.End > len(text) {
					t.Fatalf("span %+v out of order or out of the file (previous end %d, size %d)", sp, prevEnd, len(text))
				}
				prevEnd = sp.End
				raw := string(text[sp.Start:sp.End])
				if !utf8.ValidString(raw) {
					t.Fatalf("span %+v cuts a character", sp)
				}
				first, _ := utf8.DecodeRuneInString(raw)
				last, _ := utf8.DecodeLastRuneInString(raw)
				if !isAlnum(first) || !isAlnum(last) {
					t.Errorf("span %+v %q does not start and end on a letter or digit", sp, raw)
				}
				before, _ := utf8.DecodeLastRune(text[:sp.Start])
				after, _ := utf8.DecodeRune(text[sp.End:])
				if isAlnum(after) {
					t.Errorf("span %+v %q is followed by %q", sp, raw, after)
				}
				if sp.Type == KindMobile {
					if pre := digitsBefore(text[:sp.Start]); pre != "" && pre != "0" && pre != "91" && pre != "0091" {
						t.Errorf("mobile span %+v %q preceded by digits %q", sp, raw, pre)
					}
				} else if isAlnum(before) {
					t.Errorf("span %+v %q is preceded by %q", sp, raw, before)
				}
				if err := checkIdentifier(sp.Type, raw); err != nil {
					t.Errorf("span %+v: %v", sp, err)
				}
			}
		})
	}
}

// refColumn reports whether i is in an HTML table (reports.html) with a
// "Payment Ref" column: its references are labelled by the header row.
func refColumn(text string, i int) bool {
	t := strings.LastIndex(text[:i], "<table")
	return t >= 0 && strings.Contains(strings.ToLower(text[t:i]), "<th>payment ref</th>")
}

// digitsBefore returns the digits (in any script, as ASCII) that end b.
func digitsBefore(b []byte) string {
	var ds []byte
	for len(b) > 0 {
		c, n := utf8.DecodeLastRune(b)
		v := DigitValue(c)
		if v < 0 {
			break
		}
		ds = append([]byte{byte('0' + v)}, ds...)
		b = b[:len(b)-n]
	}
	return string(ds)
}

// TestSamplesNoStrays looks outside the truth spans for numbers and codes
// that would pass for an identifier, so that the truth is complete. The hard
// negatives the samples hold on purpose must carry their label: a
// Verhoeff-valid 12-digit number is a reference number (rrn, utr, txn...) and
// a PAN-shaped code follows a product word.
func TestSamplesNoStrays(t *testing.T) {
	refLabel := regexp.MustCompile(`(?i)(rrn|utr|txn|ref|संदर्भ|राशन)[^\n]{0,12}$`)
	skuLabel := regexp.MustCompile(`(` + strings.Join(quoteAll(SKUWords), "|") + `) ?$`)
	for _, s := range samplesOnce() {
		t.Run(s.Name, func(t *testing.T) {
			text := string(s.Text)
			inSpan := func(i, j int) bool {
				k, _ := slices.BinarySearchFunc(s.Truth, i, func(sp Span, i int) int { return sp.End - 1 - i })
				return k < len(s.Truth) && s.Truth[k].Start < j
			}
			// Digit runs (any script), not touching letters.
			for _, run := range runs(text, func(c rune) bool { return DigitValue(c) >= 0 }) {
				if inSpan(run.i, run.j) || touchesLetter(text, run.i, run.j) {
					continue
				}
				d := Normalize(text[run.i:run.j])
				switch {
				case validAadhaar(d):
					if !refLabel.MatchString(text[max(0, run.i-40):run.i]) && !refColumn(text, run.i) {
						t.Errorf("unlabelled Aadhaar-shaped number %s at %d: %q", d, run.i, context(text, run.i, run.j))
					}
				case validVID(d),
					mobileRe.MatchString(d),
					len(d) == 11 && d[0] == '0' && mobileRe.MatchString(d[1:]),
					len(d) == 12 && d[:2] == "91" && mobileRe.MatchString(d[2:]),
					len(d) == 14 && d[:4] == "0091" && mobileRe.MatchString(d[4:]):
					t.Errorf("identifier-shaped number %s at %d outside the truth: %q", d, run.i, context(text, run.i, run.j))
				}
			}
			// Letter-and-digit words.
			for _, run := range runs(text, func(c rune) bool { return c < utf8.RuneSelf && isAlnum(c) }) {
				if inSpan(run.i, run.j) {
					continue
				}
				w := strings.ToUpper(text[run.i:run.j])
				switch {
				case panRe.MatchString(w):
					if !skuLabel.MatchString(text[max(0, run.i-20):run.i]) {
						t.Errorf("PAN-shaped code %s at %d outside the truth: %q", w, run.i, context(text, run.i, run.j))
					}
				case passportRe.MatchString(w), voterRe.MatchString(w):
					t.Errorf("identifier-shaped code %s at %d outside the truth: %q", w, run.i, context(text, run.i, run.j))
				}
			}
		})
	}
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = regexp.QuoteMeta(x)
	}
	return out
}

type run struct{ i, j int }

// runs returns the maximal runs of characters in text for which in is true.
func runs(text string, in func(rune) bool) []run {
	var out []run
	start := -1
	for i, c := range text {
		switch {
		case in(c) && start < 0:
			start = i
		case !in(c) && start >= 0:
			out = append(out, run{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, run{start, len(text)})
	}
	return out
}

func touchesLetter(text string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsLetter(before) || unicode.IsLetter(after)
}

func context(text string, i, j int) string {
	return text[max(0, i-40):min(len(text), j+20)]
}

// TestSamplesCoverForms checks that the samples, together, hold every written
// form of package fake.
func TestSamplesCoverForms(t *testing.T) {
	need := map[string]bool{}
	for _, sep := range AadhaarSeps {
		need["aadhaar sep "+sep] = true
	}
	for _, p := range MobilePrefixes {
		need["mobile prefix "+p] = true
	}
	for _, g := range MobileGroupings {
		need["mobile groups "+groupsKey(g)] = true
	}
	for _, sep := range MobileSeps {
		need["mobile sep "+sep] = true
	}
	for _, sc := range Scripts {
		need["script "+sc.Name] = true
	}
	for _, z := range ZeroWidth {
		need["zero-width "+string(z)] = true
	}
	for _, k := range []string{
		"aadhaar plain", "vid plain", "vid 4-4-4-4", "pan upper", "pan lower", "passport mrz",
		"passport plain", "voter_id luhn", "voter_id not luhn", "mobile json number",
	} {
		need[k] = true
	}
	have := map[string]int{}
	counts := map[string]map[string]int{}
	for _, s := range samplesOnce() {
		counts[s.Name] = map[string]int{}
		for _, sp := range s.Truth {
			counts[s.Name][sp.Type]++
			raw := string(s.Text[sp.Start:sp.End])
			clean := strings.Map(func(c rune) rune {
				if isZeroWidth(c) {
					return -1
				}
				return c
			}, raw)
			for _, c := range raw {
				if isZeroWidth(c) {
					have["zero-width "+string(c)]++
				}
				if v := DigitValue(c); v >= 0 && c > '9' {
					for _, sc := range Scripts {
						if c-rune(v) == sc.Zero {
							have["script "+sc.Name]++
						}
					}
				}
			}
			seps := strings.FieldsFunc(clean, isAlnum)
			groups := strings.FieldsFunc(clean, func(c rune) bool { return !isAlnum(c) })
			switch sp.Type {
			case KindAadhaar:
				if len(seps) == 0 {
					have["aadhaar plain"]++
				} else {
					have["aadhaar sep "+seps[0]]++
				}
			case KindVID:
				if len(seps) == 0 {
					have["vid plain"]++
				} else if len(groups) == 4 {
					have["vid 4-4-4-4"]++
				}
			case KindPAN:
				if raw == strings.ToLower(raw) {
					have["pan lower"]++
				} else {
					have["pan upper"]++
				}
			case KindPassport:
				if strings.Contains(raw, "\n") {
					have["passport mrz"]++
				} else {
					have["passport plain"]++
				}
			case KindVoterID:
				if Luhn(raw[3:]) {
					have["voter_id luhn"]++
				} else {
					have["voter_id not luhn"]++
				}
			case KindMobile:
				var sizes []int
				for _, g := range groups {
					sizes = append(sizes, utf8.RuneCountInString(g))
				}
				have["mobile groups "+groupsKey(sizes)]++
				if len(seps) > 0 {
					have["mobile sep "+seps[0]]++
				}
				have["mobile prefix "+mobilePrefix(s.Text[:sp.Start])]++
				if s.Name == "export.json" && bytes.HasSuffix(bytes.TrimSuffix(s.Text[:sp.Start], []byte("91")), []byte(": ")) {
					have["mobile json number"]++
				}
			}
		}
	}
	for k := range need {
		if have[k] == 0 {
			t.Errorf("no sample holds the form %q", k)
		}
	}
	for _, s := range SampleNames {
		t.Logf("%-16s %v", s, counts[s])
	}
	total := 0
	for _, c := range counts {
		for _, n := range c {
			total += n
		}
	}
	if total < 500 {
		t.Errorf("%d identifiers in all, want hundreds", total)
	}
	for _, name := range SampleNames {
		if name != "clean.txt" && len(counts[name]) == 0 {
			t.Errorf("%s holds no identifiers", name)
		}
	}
	if len(counts["clean.txt"]) != 0 {
		t.Errorf("clean.txt holds identifiers: %v", counts["clean.txt"])
	}
}

func groupsKey(g []int) string {
	b, _ := json.Marshal(g)
	return string(b)
}

// mobilePrefix returns which of MobilePrefixes ends before, with digits of any
// script read as ASCII.
func mobilePrefix(before []byte) string {
	tail := []rune(string(before[max(0, len(before)-32):]))
	if len(tail) > 8 {
		tail = tail[len(tail)-8:]
	}
	for i, c := range tail {
		if v := DigitValue(c); v >= 0 {
			tail[i] = rune('0' + v)
		}
	}
	s := string(tail)
	best := ""
	for _, p := range MobilePrefixes {
		if len(p) > len(best) && strings.HasSuffix(s, p) {
			best = p
		}
	}
	// A bare 0 or 91 only counts if no other digit precedes it.
	if best != "" && len(s) > len(best) && DigitValue(rune(s[len(s)-len(best)-1])) >= 0 {
		return "?" + best
	}
	return best
}

// TestSampleFormats checks that each sample is well-formed in its format.
func TestSampleFormats(t *testing.T) {
	byName := map[string]Sample{}
	for _, s := range samplesOnce() {
		byName[s.Name] = s
	}
	if !json.Valid(byName["export.json"].Text) {
		t.Error("export.json is not valid JSON")
	}
	var records []map[string]any
	if err := json.Unmarshal(byName["export.json"].Text, &records); err != nil || len(records) < 50 {
		t.Errorf("export.json: %d records, %v", len(records), err)
	}

	csvText := byName["vaccination.csv"].Text
	if bytes.Count(csvText, []byte("\n")) != bytes.Count(csvText, []byte("\r\n")) {
		t.Error("vaccination.csv has line endings other than CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(csvText)).ReadAll()
	if err != nil {
		t.Fatalf("vaccination.csv: %v", err)
	}
	if len(rows) < 300 || rows[0][0] != "name" {
		t.Errorf("vaccination.csv: %d rows, header %v", len(rows), rows[0])
	}
	quotedComma := false
	for _, row := range rows {
		for _, field := range row {
			if strings.Contains(field, ",") {
				quotedComma = true
			}
		}
	}
	if !quotedComma {
		t.Error("vaccination.csv has no quoted field with a comma")
	}

	combined := regexp.MustCompile(`^\S+ - \S+ \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "[A-Z]+ \S+ HTTP/1\.1" \d{3} \d+ "[^"]*" "[^"]*"$`)
	for i, line := range strings.Split(strings.TrimSuffix(string(byName["access.log"].Text), "\n"), "\n") {
		if !combined.MatchString(line) {
			t.Errorf("access.log line %d is not in combined format: %q", i+1, line)
			break
		}
	}

	app := string(byName["app.log"].Text)
	jsonLines := 0
	for _, line := range strings.Split(app, "\n") {
		if strings.HasPrefix(line, "{") {
			jsonLines++
			if !json.Valid([]byte(line)) {
				t.Errorf("app.log JSON line is not valid: %q", line)
			}
		}
	}
	if jsonLines < 100 || !strings.Contains(app, " rrn=") || !strings.Contains(app, " utr=") || !strings.Contains(app, " txn_id=") {
		t.Errorf("app.log lacks JSON lines (%d) or payment lines", jsonLines)
	}

	hindi := string(byName["hindi.txt"].Text)
	for _, w := range []string{"आधार संख्या", "मोबाइल नंबर", "पैन"} {
		if !strings.Contains(hindi, w) {
			t.Errorf("hindi.txt does not mention %s", w)
		}
	}
}

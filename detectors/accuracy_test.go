package detectors

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

type truthSpan struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func loadTruth(t *testing.T, path string) []truthSpan {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []truthSpan
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var s truthSpan
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// TestSampleAccuracy measures recall and precision per kind on the shipped
// samples against their ground truth (testdata/*.truth.jsonl, see
// testdata/README), at the default threshold. A truth span counts as found
// when a finding of the same kind overlaps it; a finding that overlaps no
// truth span of its kind is a false positive. The bar is 99% for both.
func TestSampleAccuracy(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.truth.jsonl")
	if len(files) == 0 {
		t.Skip("no samples")
	}
	type counts struct{ tp, fn, fp int }
	total := map[Kind]*counts{}
	for _, k := range Kinds() {
		total[k] = &counts{}
	}
	for _, tf := range files {
		sample := strings.TrimSuffix(tf, ".truth.jsonl")
		text, err := os.ReadFile(sample)
		if err != nil {
			t.Fatal(err)
		}
		truth := loadTruth(t, tf)
		found := above(Default.Find(nil, text))
		used := make([]bool, len(found))
		for _, s := range truth {
			hit := false
			for i, f := range found {
				if string(f.Kind) == s.Type && f.Start < s.End && s.Start < f.End {
					hit, used[i] = true, true
				}
			}
			c := total[Kind(s.Type)]
			if hit {
				c.tp++
			} else {
				c.fn++
				if testing.Verbose() {
					t.Logf("%s: missed %s %q (line: %q)", filepath.Base(sample), s.Type, text[s.Start:s.End], lineAround(text, s.Start))
				}
			}
		}
		for i, f := range found {
			if !used[i] {
				total[f.Kind].fp++
				if testing.Verbose() {
					t.Logf("%s: false %s %q %.2f (line: %q)", filepath.Base(sample), f.Kind, text[f.Start:f.End], f.Score, lineAround(text, f.Start))
				}
			}
		}
	}
	kinds := Kinds()
	sort.Slice(kinds, func(i, j int) bool { return kinds[i] < kinds[j] })
	for _, k := range kinds {
		c := total[k]
		recall := float64(c.tp) / float64(max(1, c.tp+c.fn))
		precision := float64(c.tp) / float64(max(1, c.tp+c.fp))
		t.Logf("%-12s recall %.4f (%d/%d)  precision %.4f (fp %d)", k, recall, c.tp, c.tp+c.fn, precision, c.fp)
		if recall < 0.99 || precision < 0.99 {
			t.Errorf("%s below the 99%% bar: recall %.4f precision %.4f", k, recall, precision)
		}
	}
}

func lineAround(text []byte, i int) string {
	s, e := i, i
	for s > 0 && text[s-1] != '\n' {
		s--
	}
	for e < len(text) && text[e] != '\n' {
		e++
	}
	if e-s > 240 {
		lo, hi := max(s, i-120), min(e, i+120)
		return string(text[lo:hi])
	}
	return string(text[s:e])
}

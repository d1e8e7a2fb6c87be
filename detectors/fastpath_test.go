package detectors

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// findFull runs Find with every fast path turned off: each digit goes
// through the full examination.
func findFull(s *Set, text []byte) []Finding {
	fullExam = true
	defer func() { fullExam = false }()
	return s.Find(nil, text)
}

// checkFastPaths checks that the fast paths find exactly what the full
// examination finds in text (streaming is checked against one shot
// elsewhere: FuzzStreamingEqualsOneShot).
func checkFastPaths(t *testing.T, text []byte) {
	t.Helper()
	want := findFull(Default, text)
	got := Default.Find(nil, text)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fast paths differ from the full examination in %q:\n got %s\nwant %s", clip(text), describe(string(text), got), describe(string(text), want))
	}
}

func clip(b []byte) []byte {
	if len(b) > 300 {
		return b[:300]
	}
	return b
}

// fastPathText builds text from the pieces the fast paths decide on: digit
// runs of every length, separators, letters, prefixes and edges.
func fastPathText(r *rand.Rand, n int) []byte {
	pieces := []string{" ", " ", "-", ".", ":", "+", "/", ",", "\"", "(", ")", "%", "<", "\n", "=", "_",
		"+91", "0091", "91", "0", "ABC", "T", "ABCDE", "F", "x", "ms", "a81c13ee8c9eb0f1044e0dcb74945ed9", "P<IND", "<<<<", "\n\n", "\u0966", "\u200b", "\u00a0", "\uff19", "aadhaar ", "mobile: ", "pan "}
	var b []byte
	for len(b) < n {
		if r.IntN(3) == 0 {
			b = append(b, pieces[r.IntN(len(pieces))]...)
			continue
		}
		k := 1 + r.IntN(17)
		first := byte('0' + r.IntN(10))
		b = append(b, first)
		for i := 1; i < k; i++ {
			b = append(b, byte('0'+r.IntN(10)))
		}
		if k == 12 || k == 16 {
			if r.IntN(2) == 0 {
				// Make the checksum right half of the time.
				b[len(b)-1] = VerhoeffDigit(b[len(b)-k : len(b)-1])
			}
		}
	}
	return b
}

func TestFastPathsAgree(t *testing.T) {
	for _, name := range benchOrder {
		checkFastPaths(t, benchInputs[name][:64<<10])
	}
	files, _ := filepath.Glob("../testdata/*.*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkFastPaths(t, b)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		checkFastPaths(t, fastPathText(r, 200+r.IntN(400)))
	}
}

func FuzzFastPathsAgree(f *testing.F) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 8; i++ {
		f.Add(fastPathText(r, 300))
	}
	f.Add([]byte(mixed))
	f.Fuzz(func(t *testing.T, text []byte) {
		checkFastPaths(t, text)
	})
}

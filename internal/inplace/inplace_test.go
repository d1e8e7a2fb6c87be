package inplace

import (
	"fmt"
	"testing"
)

type pair struct {
	s string
	n int
}

func TestAppend(t *testing.T) {
	var s []pair
	for i := range 100 {
		var p *pair
		s, p = Append(s)
		p.s, p.n = fmt.Sprint(i), i
	}
	for i, p := range s {
		if p.s != fmt.Sprint(i) || p.n != i {
			t.Fatalf("s[%d] = %+v", i, p)
		}
	}
	// In place: no growth while there is room, and the old element is there.
	s = s[:50]
	before := &s[0]
	s, p := Append(s)
	if len(s) != 51 || &s[0] != before || p != &s[50] || p.n != 50 {
		t.Fatalf("Append on a slice with room: len %d, moved %v, element %+v", len(s), &s[0] != before, *p)
	}
}

func ExampleAppend() {
	type finding struct {
		kind       string
		start, end int
	}
	fs := make([]finding, 0, 4)
	fs, f := Append(fs)
	f.kind, f.start, f.end = "mobile", 7, 17
	fmt.Println(fs)
	// Output: [{mobile 7 17}]
}

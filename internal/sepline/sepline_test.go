package sepline

import (
	"fmt"
	"testing"
)

func TestLen(t *testing.T) {
	tests := []struct {
		in    string
		n     int
		delim byte
	}{
		{"sep=,\nname,x\n", 6, ','},
		{"SEP=;\r\nname", 7, ';'},
		{"sep=\t\r", 6, '\t'},
		{"\uFEFF\"sep=|\"\r\n", MaxLen, '|'},
		{"\"sep=,\n", 0, 0},  // an open quote
		{"sep=,", 0, 0},      // no line ending
		{"sep=x\n", 0, 0},    // not a delimiter
		{"sep=,,\n", 0, 0},   // more after it
		{"sep =,\n", 0, 0},   // a space
		{" sep=,\n", 0, 0},   // a space before
		{"name,sep\n", 0, 0}, // a header
		{"", 0, 0},
	}
	for _, tt := range tests {
		if n, d := Len([]byte(tt.in)); n != tt.n || d != tt.delim {
			t.Errorf("Len(%q) = %d, %q; want %d, %q", tt.in, n, d, tt.n, tt.delim)
		}
	}
}

func ExampleLen() {
	n, delim := Len([]byte("sep=;\r\nName;Mobile\r\n"))
	fmt.Printf("%d %q\n", n, delim)
	// Output: 7 ';'
}

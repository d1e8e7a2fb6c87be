// Package sepline reads the line "sep=;" that spreadsheet programs write
// before a CSV table's header to name its delimiter. The scanner of package
// detectors and the CSV redactor of package redact both step over it.
package sepline

import "bytes"

// Delims are the delimiters such a line may name, and a CSV header may use.
const Delims = ",\t;|"

// MaxLen is the length of the longest line Len accepts: a byte order mark,
// the quoted "sep=;" and "\r\n".
const MaxLen = len("\uFEFF\"sep=;\"\r\n")

// Len returns the length of the line "sep=;" that b starts with, its line
// ending ("\n", "\r\n" or "\r") included, and the delimiter it names, one of
// Delims. The line may start with a byte order mark and be quoted. n is 0
// when b does not start with such a line, or when its line ending is not in
// b.
func Len(b []byte) (n int, delim byte) {
	i := 0
	if bytes.HasPrefix(b, []byte("\uFEFF")) {
		i = len("\uFEFF")
	}
	quoted := i < len(b) && b[i] == '"'
	if quoted {
		i++
	}
	if len(b) < i+5 || !bytes.EqualFold(b[i:i+4], []byte("sep=")) || bytes.IndexByte([]byte(Delims), b[i+4]) < 0 {
		return 0, 0
	}
	delim = b[i+4]
	i += 5
	if quoted {
		if i == len(b) || b[i] != '"' {
			return 0, 0
		}
		i++
	}
	switch {
	case bytes.HasPrefix(b[i:], []byte("\r\n")):
		return i + 2, delim
	case i < len(b) && (b[i] == '\n' || b[i] == '\r'):
		return i + 1, delim
	}
	return 0, 0
}

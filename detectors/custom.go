package detectors

// Custom describes a user-defined detector: a pattern in the syntax of
// github.com/dlclark/regexp2 (lookarounds allowed), with a bound on the length
// of its matches.
type Custom struct {
	Kind    Kind
	Pattern string
}

type compiledCustom struct{ c Custom }

// customState is the per-stream state of the custom detectors of a Scanner.
type customState struct{}

func compileCustom(c *Custom) (*compiledCustom, error) {
	return &compiledCustom{c: *c}, nil
}

// scanCustom runs the custom detectors over buf. On entry dst[first:] holds
// the built-in findings of this Scan call (offsets relative to buf, sorted, not
// overlapping, all ending at or before n) and n is the built-ins' settled
// point. It returns dst with the custom findings merged in (still sorted and
// without overlap) and the settled point for both, at most n. It must not
// change the Scanner's committed state: sc.st holds the committed history
// (sc.st.hist[:sc.st.histLen], the bytes just before buf[0]).
func (sc *Scanner) scanCustom(dst []Finding, first int, buf []byte, n int, atEOF bool) ([]Finding, int) {
	return dst, n
}

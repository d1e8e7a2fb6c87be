package detectors

// Custom describes a user-defined detector: a pattern in the syntax of
// github.com/dlclark/regexp2 (lookarounds allowed), with a bound on the length
// of its matches.
type Custom struct {
	Kind    Kind
	Pattern string
}

type compiledCustom struct{ c Custom }

type customState struct{}

func compileCustom(c *Custom) (*compiledCustom, error) {
	return &compiledCustom{c: *c}, nil
}

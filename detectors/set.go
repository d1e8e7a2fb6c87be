package detectors

import (
	"sync"
	"unsafe"
)

// MaxLookahead is the most input, in bytes, that a [Scanner] may need beyond a
// point before it can settle that point. Streaming callers that hold back
// unsettled input never hold back more than this (plus one UTF-8 sequence).
// It is well under the 4096-byte buffers of golang.org/x/text/transform.
const MaxLookahead = 2048

// Config chooses what a [Set] detects.
type Config struct {
	// Kinds lists the built-in kinds to detect. Nil means all of them; an
	// empty, non-nil slice means none (only the custom detectors run).
	Kinds []Kind
	// Custom lists user-defined detectors. See [Custom].
	Custom []Custom
}

// Set is a compiled set of detectors. It is immutable and safe for concurrent
// use by multiple goroutines.
type Set struct {
	enabled [numBuiltin]bool
	custom  []*compiledCustom
}

// Default detects every built-in kind and has no custom detectors.
var Default = MustNew(Config{})

// New compiles a Set. It returns an error for an unknown built-in kind or a
// custom detector that cannot be compiled.
func New(cfg Config) (*Set, error) {
	s := &Set{}
	if cfg.Kinds == nil {
		for i := range s.enabled {
			s.enabled[i] = true
		}
	}
	for _, k := range cfg.Kinds {
		i := builtinIndex(k)
		if i < 0 {
			return nil, &ConfigError{Kind: k, Msg: "not a built-in kind"}
		}
		s.enabled[i] = true
	}
	for i := range cfg.Custom {
		c, err := compileCustom(&cfg.Custom[i])
		if err != nil {
			return nil, err
		}
		s.custom = append(s.custom, c)
	}
	return s, nil
}

// Kinds returns the kinds the Set detects: the enabled built-in kinds, in
// the order of [Kinds], then the kinds of its custom detectors.
func (s *Set) Kinds() []Kind {
	var out []Kind
	for i, on := range s.enabled {
		if on {
			out = append(out, builtinKinds[i])
		}
	}
	for _, c := range s.custom {
		out = append(out, c.kind)
	}
	return out
}

// MustNew is like [New] but panics on error. It simplifies the initialisation
// of package-level variables.
func MustNew(cfg Config) *Set {
	s, err := New(cfg)
	if err != nil {
		panic(err)
	}
	return s
}

// ConfigError reports a detector configuration that cannot be used.
type ConfigError struct {
	Kind Kind
	Msg  string
}

// Error implements error.
func (e *ConfigError) Error() string {
	return "detectors: " + string(e.Kind) + ": " + e.Msg
}

// Find appends to dst the findings in text, in order of their start offsets and
// without overlaps, and returns the extended slice. It reports findings of every
// score; compare Score with a threshold to decide.
func (s *Set) Find(dst []Finding, text []byte) []Finding {
	sc := scannerPool.Get().(*Scanner)
	sc.init(s)
	dst, _ = sc.Scan(dst, text, true)
	sc.set = nil
	scannerPool.Put(sc)
	return dst
}

// scannerPool recycles the Scanners of one-shot calls.
var scannerPool = sync.Pool{New: func() any { return new(Scanner) }}

// FindString is like [Set.Find] for a string.
func (s *Set) FindString(dst []Finding, text string) []Finding {
	// The scanner only reads text.
	return s.Find(dst, unsafe.Slice(unsafe.StringData(text), len(text)))
}

// NewScanner returns a Scanner for one stream.
func (s *Set) NewScanner() *Scanner {
	sc := &Scanner{}
	sc.init(s)
	return sc
}

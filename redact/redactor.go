package redact

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/kavach-dev/kavach/detectors"
)

// Redactor applies a compiled Policy. It is immutable and safe for concurrent
// use by multiple goroutines; the streams it makes ([Writer], [Reader],
// [Transformer]) are not.
type Redactor struct {
	p     Policy // as given, with its maps and slices copied
	set   *detectors.Set
	min   float64
	def   rule
	rules []rule                 // per known kind: built-in kinds first, then custom
	index map[detectors.Kind]int // index into rules of the custom kinds
	kinds []detectors.Kind       // the kind of each rule
	allow map[string]struct{}    // canonical values left alone
	key   []byte                 // for ActionToken
	pool  sync.Pool              // *engine for the one-shot methods
}

// rule is a compiled Rule.
type rule struct {
	action Action
	keep   int
	char   string // the mask character, UTF-8
	label  string // the label; empty means the kind's default label
}

// Default is a Redactor for [DefaultPolicy]: every built-in kind masked,
// keeping the last four letters or digits.
var Default = MustNew(DefaultPolicy())

// New compiles a Policy into a Redactor. It reports an invalid rule, an
// unknown kind, a bad allow entry, a custom detector that does not compile,
// and a token action without a key of at least [MinKeyLen] bytes (from
// Policy.Key or the environment variable Policy.KeyEnv, which New reads).
func New(p Policy) (*Redactor, error) {
	if pr := p.check(false); pr != nil {
		return nil, fmt.Errorf("redact: policy: %s", pr)
	}
	p.Kinds = maps.Clone(p.Kinds)
	p.Allow = slices.Clone(p.Allow)
	p.Custom = slices.Clone(p.Custom)
	p.Key = bytes.Clone(p.Key)
	r := &Redactor{p: p, set: p.Detectors, min: detectors.DefaultThreshold}
	if p.MinScore != nil {
		r.min = *p.MinScore
	}
	if r.set == nil {
		r.set = detectors.Default
		if len(p.Custom) > 0 {
			set, err := detectors.New(detectors.Config{Custom: p.Custom})
			if err != nil {
				return nil, fmt.Errorf("redact: policy: custom: %w", err)
			}
			r.set = set
		}
	}
	r.def = compileRule(p.Default)
	r.kinds = detectors.Kinds()
	for _, c := range p.Custom {
		r.kinds = append(r.kinds, c.Kind)
	}
	for k := range p.Kinds {
		if builtinIndex(k) < 0 && !contains(r.kinds, k) {
			r.kinds = append(r.kinds, k)
		}
	}
	r.rules = make([]rule, len(r.kinds))
	r.index = make(map[detectors.Kind]int)
	for i, k := range r.kinds {
		if i >= numBuiltin {
			r.index[k] = i
		}
		if rl, ok := p.Kinds[k]; ok {
			r.rules[i] = compileRule(rl)
		} else {
			r.rules[i] = r.def
		}
	}
	token := r.def.action == ActionToken
	for _, rl := range r.rules {
		token = token || rl.action == ActionToken
	}
	if token {
		key := p.Key
		if key == nil {
			v, ok := os.LookupEnv(p.KeyEnv)
			if !ok || v == "" {
				return nil, fmt.Errorf("redact: policy: the token action needs a key, and the environment variable %s is not set", p.KeyEnv)
			}
			key = []byte(v)
		}
		if len(key) < MinKeyLen {
			return nil, fmt.Errorf("redact: policy: the token key is %d bytes long; at least %d are needed", len(key), MinKeyLen)
		}
		r.key = append([]byte(nil), key...)
	}
	if len(p.Allow) > 0 {
		r.allow = make(map[string]struct{})
		var fs []detectors.Finding
		for _, a := range p.Allow {
			b := []byte(a)
			r.allow[string(appendCanonical(nil, b))] = struct{}{}
			// The identifier in an entry, as the detectors see it: the
			// canonical form of "+91 98765 43210" is that of 9876543210.
			fs = r.set.Find(fs[:0], b)
			if len(fs) == 1 && fs[0].Err == nil {
				f := fs[0]
				r.allow[string(canonical(nil, f.Kind, b[f.Start:f.End]))] = struct{}{}
			}
		}
	}
	r.pool.New = func() any { return &engine{r: r} }
	return r, nil
}

func contains(ks []detectors.Kind, k detectors.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func compileRule(r Rule) rule {
	c := rule{action: r.Action, keep: 4, char: "X", label: r.Label}
	if c.action == "" {
		c.action = ActionMask
	}
	if r.Keep != nil {
		c.keep = *r.Keep
	}
	if r.Char != "" {
		c.char = r.Char
	}
	return c
}

// MustNew is like [New] but panics on error. It simplifies the initialisation
// of package-level variables holding Redactors.
func MustNew(p Policy) *Redactor {
	r, err := New(p)
	if err != nil {
		panic(err)
	}
	return r
}

// ruleFor returns the rule for kind k and the index of its counters (-1 for
// a kind that the policy does not know).
func (r *Redactor) ruleFor(k detectors.Kind) (*rule, int) {
	if i := builtinIndex(k); i >= 0 {
		return &r.rules[i], i
	}
	if i, ok := r.index[k]; ok {
		return &r.rules[i], i
	}
	return &r.def, -1
}

func (r *Redactor) get() *engine { return r.pool.Get().(*engine) }

func (r *Redactor) put(e *engine) {
	if cap(e.fs) > 1<<14 || cap(e.hits) > 1<<14 {
		return // do not keep what a huge input grew
	}
	r.pool.Put(e)
}

// bytesOf returns the bytes of s without copying them. The detectors only read
// the text they are given, and the slice does not outlive the call.
func bytesOf(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// String returns s with the identifiers the policy acts on replaced. It
// returns s itself, without allocating, when there is nothing to replace.
func (r *Redactor) String(s string) string {
	src := bytesOf(s)
	e := r.get()
	defer r.put(e)
	e.oneShot(src)
	if len(e.hits) == 0 {
		return s
	}
	out := e.appendOutput(nil, src)
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// Bytes returns b with the identifiers the policy acts on replaced, in a new
// slice; b is not modified.
func (r *Redactor) Bytes(b []byte) []byte {
	e := r.get()
	defer r.put(e)
	e.oneShot(b)
	if len(e.hits) == 0 {
		return append(make([]byte, 0, len(b)), b...)
	}
	return e.appendOutput(nil, b)
}

// AppendBytes appends b, with the identifiers the policy acts on replaced, to
// dst and returns the extended slice. It does not allocate when dst has room.
func (r *Redactor) AppendBytes(dst, b []byte) []byte {
	e := r.get()
	defer r.put(e)
	e.oneShot(b)
	if len(e.hits) == 0 {
		return append(dst, b...)
	}
	return e.appendOutput(dst, b)
}

// Scan appends to dst the findings in text that the policy treats as
// identifiers, in order and without overlap, and returns the extended slice.
// These are the findings at or above the threshold whose value is not on the
// allow list (findings with ActionKeep included), and every finding that
// carries an error, since it is masked whatever its score. A Finding holds
// offsets and a score, never the identifier. Scan changes nothing.
func (r *Redactor) Scan(dst []detectors.Finding, text []byte) []detectors.Finding {
	e := r.get()
	defer r.put(e)
	e.oneShot(text)
	for _, h := range e.hits {
		if h.act != actAllow {
			dst = append(dst, e.fs[h.f])
		}
	}
	return dst
}

// oneShot finds what to act on in the whole of src.
func (e *engine) oneShot(src []byte) {
	// Set.Find would make a Scanner for every call; reuse one.
	if e.sc == nil {
		e.sc = e.r.set.NewScanner()
	} else {
		e.sc.Reset()
	}
	e.fs, _ = e.sc.Scan(e.fs[:0], src, true)
	e.decide(src, len(src))
}

// appendOutput appends the output for src, after oneShot, to dst.
func (e *engine) appendOutput(dst, src []byte) []byte {
	size := len(src)
	for i := range e.hits {
		h := &e.hits[i]
		size += e.size(src, h) - (h.end - h.start)
	}
	if cap(dst)-len(dst) < size {
		dst = append(make([]byte, 0, len(dst)+size), dst...)
	}
	out, _ := e.emit(dst[len(dst):len(dst):len(dst)+size], src)
	return dst[:len(dst)+len(out)]
}

// ErrClosed is returned by a write to a [Writer] after Close.
var ErrClosed = errors.New("redact: write to closed Writer")

// errBadSrc reports a transform driver that did not give back the input left
// unconsumed.
var errBadSrc = errors.New("redact: Transform: src does not begin with the input left unconsumed by the last call")

// errStuck reports a detector that held back more than it promised.
var errStuck = errors.New("redact: the detectors held back more than detectors.MaxLookahead bytes")

// Stats counts what a stream has done, per kind. Found counts the identifiers
// found (findings at or above the threshold, and spans a detector failed on),
// except the values on the allow list, which are counted in Allowed.
// Redacted counts those replaced in the output: all of Found but those whose
// rule is ActionKeep.
type Stats struct {
	Found    map[detectors.Kind]int64
	Redacted map[detectors.Kind]int64
	// Allowed counts identifiers left as they are because their value is on
	// the allow list.
	Allowed int64
	// Failed counts spans masked because a detector could not decide about
	// them (fail closed); they are counted in Found and Redacted too.
	Failed int64
	// Err is the error of the first span counted in Failed (for example
	// detectors.ErrTimeout), or nil.
	Err error
}

// String returns a one-line summary: "found aadhaar=2 mobile=1; redacted
// aadhaar=2 mobile=1", with the allowed and failed counts when not zero.
func (s Stats) String() string {
	var b strings.Builder
	list := func(m map[detectors.Kind]int64) {
		if len(m) == 0 {
			b.WriteString(" none")
			return
		}
		for _, k := range sortedKinds(m) {
			fmt.Fprintf(&b, " %s=%d", k, m[k])
		}
	}
	b.WriteString("found")
	list(s.Found)
	b.WriteString("; redacted")
	list(s.Redacted)
	if s.Allowed > 0 {
		fmt.Fprintf(&b, "; allowed %d", s.Allowed)
	}
	if s.Failed > 0 {
		fmt.Fprintf(&b, "; failed %d (%v)", s.Failed, s.Err)
	}
	return b.String()
}

// sortedKinds returns the kinds of m, built-in kinds first in their fixed
// order, then the others by name.
func sortedKinds(m map[detectors.Kind]int64) []detectors.Kind {
	var ks []detectors.Kind
	for _, k := range detectors.Kinds() {
		if _, ok := m[k]; ok {
			ks = append(ks, k)
		}
	}
	var rest []detectors.Kind
	for k := range m {
		if builtinIndex(k) < 0 {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(ks, rest...)
}

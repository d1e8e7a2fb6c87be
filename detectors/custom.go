package detectors

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
	"github.com/dlclark/regexp2/syntax"
)

// Custom describes a user-defined detector: a regular expression in the syntax
// of github.com/dlclark/regexp2 (its default, .NET-like dialect: lookarounds,
// backreferences and atomic groups are allowed, so Presidio patterns port as
// they are), with a bound on the length of its matches.
//
// A pattern must not be able to match text of unbounded length: New refuses a
// quantifier without an upper bound (*, +, {n,}) unless it is inside a
// lookaround assertion, and a pattern that can match more than MaxLen
// characters. \G is refused, because its meaning depends on where a search
// starts.
//
// The scanner runs a pattern over windows of the text, not over the whole
// stream, so that its findings do not depend on how the stream is cut into
// pieces. The text is cut into lines (a line ends before its '\n', which no
// match can include) and lines are cut into segments at offsets of the stream
// that are multiples of 192 bytes. A match belongs to the segment in which it
// starts. When the scanner searches a segment, the pattern sees the segment,
// up to 64 bytes of the line before it and up to MaxLen+64 bytes of the line
// after it; ^ and \A match at the start of that window, $ and \z at its end.
// Lookarounds therefore see at most that much text, whatever their quantifiers
// say, and a match that needs more than MaxLen+64 bytes past the end of its
// segment (many multi-byte characters with a small MaxLen) can be missed.
//
// Like a single regular expression, the custom detectors of a [Set] take the
// leftmost match (the longest of those that start there, then the detector
// listed first) and continue after it: their findings never overlap one
// another. A custom finding that overlaps built-in findings is merged with
// them into one finding that spans them all, with the kind and score of the
// highest-scored; the search continues after that span.
//
// When a pattern runs out of time, the span it could not decide (from where
// the search stood to MaxLen bytes past the end of the segment, within the
// line) is reported as a finding of the detector's kind with Score 1 and Err
// [ErrTimeout], so that a caller that masks findings fails closed. Whether a
// run times out depends on the machine and its load, so such findings can
// differ from one run to the next.
type Custom struct {
	// Kind names what the detector finds. It must match ^[a-z][a-z0-9_]*$ and
	// must not be the name of a built-in kind. Several detectors may share a
	// kind.
	Kind Kind
	// Pattern is the regular expression, without delimiters.
	Pattern string
	// Context lists words that make a match more likely to be an identifier
	// when one of them appears, as a whole word and in any case, in the 48
	// bytes before the match on the same line. A word may contain spaces
	// ("employee id").
	Context []string
	// Score is the score of a match without context, in (0, 1]; zero means
	// 0.5. A context word raises it to max(Score+0.35, 0.9), at most 1.
	Score float64
	// Validate, when not nil, is called with the bytes of every match; a match
	// for which it returns false is dropped and the search goes on from the
	// next character. It must not modify or keep the slice, and it must be
	// safe for concurrent use, like the Set.
	Validate func(match []byte) bool
	// MaxLen bounds the length of a match in bytes, from 1 to 1024. It is
	// required. New refuses a pattern that can match more than MaxLen
	// characters; a match of multi-byte characters can take more bytes than
	// it has characters, so set MaxLen for the widest text you expect.
	MaxLen int
	// Timeout bounds each run of the pattern over one window; zero means
	// 50ms. regexp2 checks its clock about every 100ms, so a run that goes
	// wrong takes up to Timeout plus about 200ms before it is given up.
	Timeout time.Duration
	// IgnoreCase makes the pattern match without regard to case, as (?i)
	// does.
	IgnoreCase bool
}

// Limits and defaults of custom detectors.
const (
	maxCustomLen         = 1024                  // largest MaxLen
	defaultCustomScore   = 0.5                   // Score when zero
	defaultCustomTimeout = 50 * time.Millisecond // Timeout when zero
	customCtxBefore      = 48                    // bytes searched for context words
	customCtxBoost       = 0.35                  // added to the score by a context word
	customCtxFloor       = 0.9                   // least score with a context word
)

// Segments of the text that custom patterns are run on. A search can resume
// at any point that Commit is given, so the start of the segment holding it
// and the context before that start must still be in the committed history;
// and the scanner must be able to settle a point once it holds the segment
// after it in full, within MaxLookahead.
const (
	segSize   = 192 // bytes of a segment, at most: segments start at multiples of it
	segBefore = 64  // bytes of the line before a segment that its window holds
	segAfter  = 64  // bytes past MaxLen that a window holds after its segment
)

// Compile-time checks of the bounds above: a segment and the context before
// it fit in the history; the widest window fits in MaxLookahead with room to
// spare for what the built-in detectors hold back; the context words before a
// match lie in its window.
const (
	_ = uint(histSize - segSize - segBefore)
	_ = uint(MaxLookahead - segSize - maxCustomLen - segAfter - 256)
	_ = uint(segBefore - customCtxBefore - utf8.UTFMax)
)

type compiledCustom struct {
	kind     Kind
	re       *regexp2.Regexp
	context  [][]byte
	score    float64 // without context
	ctxScore float64 // with a context word
	validate func([]byte) bool
	maxLen   int
}

func compileCustom(c *Custom) (*compiledCustom, error) {
	fail := func(format string, args ...any) (*compiledCustom, error) {
		return nil, &ConfigError{Kind: c.Kind, Msg: fmt.Sprintf(format, args...)}
	}
	if !validKindName(c.Kind) {
		return fail("the kind %q of a custom detector must match ^[a-z][a-z0-9_]*$", c.Kind)
	}
	if builtinIndex(c.Kind) >= 0 {
		return fail("a custom detector cannot take the name of a built-in kind")
	}
	if c.MaxLen < 1 || c.MaxLen > maxCustomLen {
		return fail("MaxLen is %d, want 1 to %d", c.MaxLen, maxCustomLen)
	}
	score := c.Score
	if score == 0 {
		score = defaultCustomScore
	}
	if !(score > 0 && score <= 1) {
		return fail("Score is %v, want a value in (0, 1]", c.Score)
	}
	timeout := c.Timeout
	if timeout == 0 {
		timeout = defaultCustomTimeout
	}
	if timeout < 0 {
		return fail("Timeout is %v, want a positive duration", c.Timeout)
	}
	cc := &compiledCustom{
		kind:     c.Kind,
		score:    score,
		ctxScore: min(1, max(score+customCtxBoost, customCtxFloor)),
		validate: c.Validate,
		maxLen:   c.MaxLen,
	}
	for _, w := range c.Context {
		w = strings.TrimSpace(w)
		if w == "" {
			return fail("empty context word")
		}
		if len(w) > customCtxBefore {
			return fail("context word %q is longer than %d bytes", w, customCtxBefore)
		}
		cc.context = append(cc.context, []byte(w))
	}
	opt := regexp2.None
	if c.IgnoreCase {
		opt |= regexp2.IgnoreCase
	}
	tree, err := syntax.Parse(c.Pattern, syntax.RegexOptions(opt))
	if err != nil {
		return fail("pattern: %v", err)
	}
	longest, err := patternBound(tree)
	if err != nil {
		return fail("pattern %q: %v", c.Pattern, err)
	}
	if longest == 0 {
		return fail("pattern %q matches only empty text", c.Pattern)
	}
	if longest > c.MaxLen {
		return fail("pattern %q can match %d characters, more than MaxLen (%d)", c.Pattern, longest, c.MaxLen)
	}
	re, err := regexp2.Compile(c.Pattern, opt)
	if err != nil {
		return fail("pattern: %v", err)
	}
	re.MatchTimeout = timeout
	cc.re = re
	return cc, nil
}

// validKindName reports whether k matches ^[a-z][a-z0-9_]*$.
func validKindName(k Kind) bool {
	if k == "" || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Node types of the parse trees of regexp2 v1.12 (nodeType in syntax/tree.go).
const (
	rxOnerep      = 0  // a{n}
	rxSetlazy     = 8  // rxOnerep..rxSetlazy: one character repeated, m to n times
	rxOne         = 9  // a
	rxNotone      = 10 // [^a]
	rxSet         = 11 // [a-z]
	rxMulti       = 12 // abc
	rxRef         = 13 // \1
	rxBol         = 14 // ^, $, \b, \B, \A, \G, \Z, \z: rxBol..rxEnd
	rxStart       = 19 // \G
	rxEnd         = 21
	rxNothing     = 22
	rxEmpty       = 23
	rxAlternate   = 24
	rxConcatenate = 25
	rxLoop        = 26 // (...){m,n}
	rxLazyloop    = 27 // (...){m,n}?
	rxCapture     = 28
	rxGroup       = 29
	rxRequire     = 30 // (?=...), (?<=...)
	rxPrevent     = 31 // (?!...), (?<!...)
	rxGreedy      = 32 // (?>...)
	rxTestref     = 33 // (?(1)yes|no)
	rxTestgroup   = 34 // (?(cond)yes|no)
	rxECMABound   = 41
	rxNonECMABnd  = 42

	reInfinite = math.MaxInt32 // regexp2's upper bound of *, + and {n,}
	boundInf   = 1 << 30       // a length without bound, in patternBound
)

var errRegexp2Internals = errors.New("cannot check the length of its matches with this version of github.com/dlclark/regexp2")

// patternBound returns the largest number of characters that a match of the
// parsed pattern can take. It returns an error for a quantifier without an
// upper bound outside lookaround assertions, for a backreference to a group
// whose length has no bound, and for \G.
//
// regexp2 does not export its parse tree, so patternBound reads it with
// package reflect (reading unexported fields is allowed; nothing is written).
// If the tree does not have the expected shape, the pattern is refused.
func patternBound(tree *syntax.RegexTree) (n int, err error) {
	defer func() {
		// A tree of another shape makes reflect panic: refuse the pattern.
		if recover() != nil {
			n, err = 0, errRegexp2Internals
		}
	}()
	root := reflect.ValueOf(tree).Elem().FieldByName("root")
	if !validNode(root) {
		return 0, errRegexp2Internals
	}
	w := boundWalker{groups: map[int64]int{}}
	// Group lengths can depend on one another through backreferences: iterate
	// until they settle. Growth beyond as many rounds as there are groups
	// means a cycle that grows without bound.
	for round := 0; ; round++ {
		w.changed = false
		n = w.walk(root, false)
		if w.err != nil {
			return 0, w.err
		}
		if !w.changed {
			return n, nil
		}
		if round > len(w.groups)+1 {
			return 0, errors.New("a backreference makes its matches grow without bound")
		}
	}
}

// validNode reports whether v looks like a *regexNode of regexp2 v1.12.
func validNode(v reflect.Value) bool {
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return false
	}
	e := v.Elem()
	for _, f := range []struct {
		name string
		kind reflect.Kind
	}{{"t", reflect.Int32}, {"children", reflect.Slice}, {"str", reflect.Slice}, {"m", reflect.Int}, {"n", reflect.Int}} {
		if fv := e.FieldByName(f.name); !fv.IsValid() || fv.Kind() != f.kind {
			return false
		}
	}
	return true
}

type boundWalker struct {
	groups  map[int64]int // capture group number: longest text it can take
	changed bool
	err     error
}

// walk returns the largest number of characters that node n can match, or
// boundInf. Within a lookaround (look), quantifiers need no bound.
func (w *boundWalker) walk(n reflect.Value, look bool) int {
	if w.err != nil {
		return 0
	}
	if !validNode(n) {
		w.err = errRegexp2Internals
		return 0
	}
	e := n.Elem()
	t := e.FieldByName("t").Int()
	children := e.FieldByName("children")
	m, hi := e.FieldByName("m").Int(), e.FieldByName("n").Int()
	child := func(i int, look bool) int { return w.walk(children.Index(i), look) }
	repeat := func(each int) int {
		if hi >= reInfinite {
			if !look {
				w.err = errors.New("a quantifier without an upper bound (*, + or {n,}) outside a lookaround")
			}
			return boundInf
		}
		return mulBound(each, int(max(hi, m)))
	}
	switch {
	case t >= rxOnerep && t <= rxSetlazy:
		return repeat(1)
	case t == rxOne || t == rxNotone || t == rxSet:
		return 1
	case t == rxMulti:
		return e.FieldByName("str").Len()
	case t == rxRef:
		if look {
			return 0
		}
		g, ok := w.groups[m]
		if !ok {
			// A group defined later in the pattern: the next round knows it.
			w.groups[m] = 0
			w.changed = true
		}
		if g >= boundInf {
			w.err = fmt.Errorf("a backreference to group %d, whose length has no bound", m)
		}
		return g
	case t == rxStart:
		w.err = errors.New(`\G is not supported: it depends on where a search starts`)
		return 0
	case t >= rxBol && t <= rxEnd, t == rxNothing, t == rxEmpty, t == rxECMABound, t == rxNonECMABnd:
		return 0
	case t == rxAlternate || t == rxTestref:
		longest := 0
		for i := 0; i < children.Len(); i++ {
			longest = max(longest, child(i, look))
		}
		return longest
	case t == rxTestgroup:
		// The condition is a zero-width assertion, like a lookahead.
		longest := 0
		for i := 0; i < children.Len(); i++ {
			if i == 0 {
				child(i, true)
				continue
			}
			longest = max(longest, child(i, look))
		}
		return longest
	case t == rxConcatenate:
		sum := 0
		for i := 0; i < children.Len(); i++ {
			sum = addBound(sum, child(i, look))
		}
		return sum
	case t == rxLoop || t == rxLazyloop:
		return repeat(child(0, look))
	case t == rxCapture:
		l := child(0, look)
		if g, ok := w.groups[m]; !ok || l > g {
			w.groups[m] = l
			w.changed = true
		}
		return l
	case t == rxGroup || t == rxGreedy:
		return child(0, look)
	case t == rxRequire || t == rxPrevent:
		child(0, true)
		return 0
	}
	w.err = fmt.Errorf("%w (node type %d)", errRegexp2Internals, t)
	return 0
}

func addBound(a, b int) int { return min(a+b, boundInf) }

func mulBound(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a >= boundInf/b {
		return boundInf
	}
	return a * b
}

// customState holds the buffers that the custom detectors of a Scanner reuse
// from one Scan call to the next, so that steady-state scanning does not
// allocate, and a memo of the searches in the last segment. It holds no state
// of the stream: Scan derives its results from the committed history and the
// buffer it is given, and the memo only saves work when a Scan call searches
// a window with the same bytes as the last one (the caller gave the segment
// again, with more input after it).
type customState struct {
	runes   []rune    // the window being searched, decoded
	offs    []int32   // offs[i] is the byte offset of runes[i] in the window; offs[len(runes)] its length
	decoded bool      // runes and offs hold the window of the current segment
	scratch []byte    // a window that begins in the committed history
	built   []Finding // the built-in findings of the Scan call

	// The memo: the window of the last segment searched, where its segment
	// lies in it, and what each detector found there.
	win        []byte
	winA, winB int
	hits       []customHit
}

// forget drops the memo, so that nothing found for one Set or stream is
// taken for another (Scanners are reused through a pool and by Reset).
func (cs *customState) forget() {
	cs.decoded = false
	cs.win = cs.win[:0]
	cs.hits = cs.hits[:0]
	cs.winA, cs.winB = 0, 0
}

// customHit is what one detector found in the memo's segment, searching from
// one point on: a match, a time-out, or nothing (start == noHit). Offsets are
// relative to the start of the window.
type customHit struct {
	from       int // where the search began; noSearch when there was none
	start, end int
	timeout    bool
}

const (
	noHit    = math.MaxInt
	noSearch = math.MaxInt
)

// enter makes the memo that of segment s, keeping what it holds when s has
// the same window as the last segment searched.
func (cs *customState) enter(s *segment, detectors int) {
	cs.decoded = false
	if len(cs.hits) == detectors && cs.winA == s.a-s.w0 && cs.winB == s.b-s.w0 && bytes.Equal(cs.win, s.data) {
		return
	}
	cs.win = append(cs.win[:0], s.data...)
	cs.winA, cs.winB = s.a-s.w0, s.b-s.w0
	if len(cs.hits) != detectors {
		cs.hits = make([]customHit, detectors)
	}
	for i := range cs.hits {
		cs.hits[i] = customHit{from: noSearch}
	}
}

// customText is the input as custom detectors see it: the committed history
// followed by the buffer given to Scan. Offsets are relative to buf, so the
// history has negative ones.
type customText struct {
	hist []byte
	buf  []byte
	base int64 // stream offset of buf[0]
	eof  bool  // buf ends the stream
}

// lastNL returns the offset of the last '\n' in [lo, hi), or lo-1.
func (t *customText) lastNL(lo, hi int) int {
	if hi > 0 {
		if i := bytes.LastIndexByte(t.buf[max(lo, 0):hi], '\n'); i >= 0 {
			return max(lo, 0) + i
		}
	}
	if lo < 0 {
		h := len(t.hist)
		if i := bytes.LastIndexByte(t.hist[h+lo:h+min(hi, 0)], '\n'); i >= 0 {
			return lo + i
		}
	}
	return lo - 1
}

// slice returns the bytes in [lo, hi), copying them into *scratch when they
// begin in the history and end in buf.
func (t *customText) slice(lo, hi int, scratch *[]byte) []byte {
	h := len(t.hist)
	switch {
	case lo >= 0:
		return t.buf[lo:hi]
	case hi <= 0:
		return t.hist[h+lo : h+hi]
	}
	*scratch = append(append((*scratch)[:0], t.hist[h+lo:]...), t.buf[:hi]...)
	return *scratch
}

// segment is a segment of a line and the window its searches see. Offsets are
// relative to buf.
type segment struct {
	a, b      int    // matches that start in [a, b) belong to the segment
	w0, w1    int    // the window of the detector with the largest MaxLen
	le        int    // end of the line: its '\n', or the end of the text
	lineStart bool   // w0 is the start of a line
	data      []byte // the bytes of the window
}

// segment returns the segment that holds q, where buf[q] is not '\n' and nl
// is the offset of the first '\n' at or after q (len(buf) when there is none).
// It reports false when buf does not hold all of the widest window and more
// input may change it.
func (cs *customState) segment(t *customText, q, nl, widest int) (segment, bool) {
	var s segment
	am := q - int((t.base+int64(q))%segSize) // the fixed segment boundary
	lo := max(am-segBefore, -len(t.hist))
	ls := t.lastNL(lo, q) + 1
	s.a = max(am, ls)
	s.w0 = ls
	s.lineStart = ls > lo || t.base+int64(lo) == 0
	if !s.lineStart {
		// Mid-line: start at a character, not in the middle of one.
		for k := 0; k < utf8.UTFMax-1 && s.w0 < s.a && isCont(t.at(s.w0)); k++ {
			s.w0++
		}
	}
	const unknown = math.MaxInt / 2
	s.le = unknown
	switch {
	case nl < len(t.buf):
		s.le = nl
	case t.eof:
		s.le = len(t.buf)
	}
	s.b = min(am+segSize, s.le)
	s.w1 = min(s.le, s.b+widest+segAfter)
	if s.w1 >= len(t.buf) && s.le == unknown {
		// The window, or whether the text goes on after it, is not known yet.
		return s, false
	}
	s.data = t.slice(s.w0, s.w1, &cs.scratch)
	if s.w1 < s.le {
		s.w1 = s.w0 + runeEnd(s.data, s.w1-s.w0)
		s.data = s.data[:s.w1-s.w0]
	}
	return s, true
}

// at returns the byte at offset i.
func (t *customText) at(i int) byte {
	if i < 0 {
		return t.hist[len(t.hist)+i]
	}
	return t.buf[i]
}

// end returns the end of the window of a detector with the given MaxLen.
func (s *segment) end(maxLen int) int {
	e := min(s.le, s.b+maxLen+segAfter)
	if e >= s.w1 {
		return s.w1
	}
	return s.w0 + runeEnd(s.data, e-s.w0)
}

func isCont(c byte) bool { return c&0xC0 == 0x80 }

// runeEnd returns end, or the start of the UTF-8 sequence that begins in
// data[:end] and would reach past it. It reads no byte at or after end.
func runeEnd(data []byte, end int) int {
	for k := 1; k < utf8.UTFMax && k <= end; k++ {
		c := data[end-k]
		if c < 0x80 {
			break
		}
		if c >= 0xC0 {
			if seqLen(c) > k {
				return end - k
			}
			break
		}
	}
	return end
}

// seqLen returns the length of the UTF-8 sequence that lead byte c announces.
func seqLen(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	}
	return 2
}

// decode decodes the window into cs.runes and cs.offs. Each byte of an
// invalid sequence becomes U+FFFD with its own offset.
func (cs *customState) decode(data []byte) {
	cs.runes, cs.offs = cs.runes[:0], cs.offs[:0]
	for i := 0; i < len(data); {
		r, size := rune(data[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(data[i:])
		}
		cs.runes = append(cs.runes, r)
		cs.offs = append(cs.offs, int32(i))
		i += size
	}
	cs.offs = append(cs.offs, int32(len(data)))
}

// runeAt returns the index of the first rune of the window that starts at or
// after byte offset x of the window.
func (cs *customState) runeAt(x int) int {
	i, _ := slices.BinarySearch(cs.offs[:len(cs.offs)-1], int32(x))
	return i
}

// search sets *h to the first match of c in segment s, the memo's, that
// starts at or after q (relative to the window), unless *h already holds it.
func (cs *customState) search(c *compiledCustom, h *customHit, s *segment, q int) {
	if h.from <= q && q <= h.start {
		return
	}
	*h = customHit{from: q, start: noHit, end: noHit}
	if !cs.decoded {
		cs.decode(s.data)
		cs.decoded = true
	}
	b := s.b - s.w0
	n := cs.runeAt(s.end(c.maxLen) - s.w0) // the runes this detector sees
	for r := cs.runeAt(q); r < n; {
		pos := int(cs.offs[r])
		if pos >= b {
			return
		}
		m, err := c.re.FindRunesMatchStartingAt(cs.runes[:n], r)
		if err != nil {
			// Out of time: what starts from pos to the end of the segment is
			// undecided, and a match starting there can reach MaxLen further.
			h.start, h.end, h.timeout = pos, min(s.le-s.w0, b+c.maxLen), true
			return
		}
		if m == nil {
			return
		}
		start := int(cs.offs[m.Index])
		if start >= b {
			return
		}
		end := int(cs.offs[m.Index+m.Length])
		if m.Length > 0 && (c.validate == nil || c.validate(s.data[start:end])) {
			h.start, h.end = start, end
			return
		}
		r = m.Index + 1
	}
}

// hasContext reports whether one of c's context words appears before a match
// at start, within customCtxBefore bytes and on the same line.
func (c *compiledCustom) hasContext(s *segment, start int) bool {
	if len(c.context) == 0 {
		return false
	}
	i, end := max(0, start-customCtxBefore-s.w0), start-s.w0
	for i < end && isCont(s.data[i]) {
		i++
	}
	// Whether the first word of the context was cut by the limit.
	partial := !s.lineStart
	if i > 0 {
		r, _ := utf8.DecodeLastRune(s.data[:i])
		partial = isWordRune(r)
	}
	ctx := s.data[i:end]
	for p := 0; p < len(ctx); p++ {
		if isCont(ctx[p]) {
			continue
		}
		if p == 0 && partial {
			continue
		}
		if p > 0 {
			if r, _ := utf8.DecodeLastRune(ctx[:p]); isWordRune(r) {
				continue
			}
		}
		for _, w := range c.context {
			e := p + len(w)
			if e > len(ctx) || !bytes.EqualFold(ctx[p:e], w) {
				continue
			}
			if e < len(ctx) {
				if r, _ := utf8.DecodeRune(ctx[e:]); isWordRune(r) {
					continue
				}
			}
			return true
		}
	}
	return false
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// union returns one finding spanning f and g, with the kind and score of the
// higher-scored (f on a tie) and an error if either has one.
func union(f, g Finding) Finding {
	u := f
	if g.Score > f.Score {
		u.Kind, u.Score = g.Kind, g.Score
	}
	u.Start, u.End = min(f.Start, g.Start), max(f.End, g.End)
	if u.Err == nil {
		u.Err = g.Err
	}
	return u
}

// scanCustom runs the custom detectors over buf. On entry dst[first:] holds
// the built-in findings of this Scan call (offsets relative to buf, sorted, not
// overlapping, all ending at or before n) and n is the built-ins' settled
// point. It returns dst with the custom findings merged in (still sorted and
// without overlap) and the settled point for both, at most n. It must not
// change the Scanner's committed state: sc.st holds the committed history
// (sc.st.hist[:sc.st.histLen], the bytes just before buf[0]).
//
// The custom detectors search from a point q, which starts at buf[0]. In the
// segment that holds q, the leftmost match of any detector wins; it is merged
// with the built-in findings it overlaps, and q moves to the end of the
// result. When no detector matches before the end of the segment, q moves
// there. Because segments and windows sit at fixed offsets of the stream and
// no finding spans a settled point, the search gives the same findings from
// any settled point as from the start of the stream.
func (sc *Scanner) scanCustom(dst []Finding, first int, buf []byte, n int, atEOF bool) ([]Finding, int) {
	cs := &sc.cust
	cust := sc.set.custom
	built := append(cs.built[:0], dst[first:]...)
	cs.built = built
	dst = dst[:first]
	widest := 0
	for _, c := range cust {
		widest = max(widest, c.maxLen)
	}
	t := customText{hist: sc.st.hist[:sc.st.histLen], buf: buf, base: sc.st.streamed, eof: atEOF}
	var seg segment
	haveSeg := false
	settled := n
	nl := -1 // the first '\n' at or after q, or len(buf)
	j := 0   // the next built-in finding to emit
	for q := 0; q < n; {
		if nl < q {
			if nl = bytes.IndexByte(buf[q:], '\n'); nl < 0 {
				nl = len(buf)
			} else {
				nl += q
			}
		}
		if nl == q {
			q++
			continue
		}
		if !haveSeg || q >= seg.b {
			var ok bool
			if seg, ok = cs.segment(&t, q, nl, widest); !ok {
				settled = q
				break
			}
			haveSeg = true
			cs.enter(&seg, len(cust))
		}
		best := -1
		for i, c := range cust {
			h := &cs.hits[i]
			cs.search(c, h, &seg, q-seg.w0)
			if h.start == noHit {
				continue
			}
			if b := &cs.hits[max(best, 0)]; best < 0 || h.start < b.start || h.start == b.start && h.end > b.end {
				best = i
			}
		}
		if best < 0 {
			q = seg.b
			continue
		}
		h, c := &cs.hits[best], cust[best]
		f := Finding{Kind: c.kind, Start: seg.w0 + h.start, End: seg.w0 + h.end, Score: c.score}
		switch {
		case h.timeout:
			f.Score, f.Err = 1, ErrTimeout
		case c.hasContext(&seg, f.Start):
			f.Score = c.ctxScore
		}
		for j < len(built) && built[j].End <= f.Start {
			dst = append(dst, built[j])
			j++
		}
		for j < len(built) && built[j].Start < f.End {
			f = union(f, built[j])
			j++
		}
		dst = append(dst, f)
		q = f.End
	}
	dst = append(dst, built[j:]...)
	if atEOF {
		return dst, n
	}
	// Keep what lies before the settled point; a finding that spans it is
	// found again next time, so the point moves back to its start.
	n = min(n, settled)
	k := len(dst)
	for k > first && dst[k-1].End > n {
		k--
	}
	if k < len(dst) && dst[k].Start < n {
		n = dst[k].Start
	}
	return dst[:k], n
}
